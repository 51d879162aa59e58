package extract

import "github.com/papergist/papergist/shared/paper"

// extractGeneric reads the page's own metadata. Placeholder until the generic adapter lands (issue 2).
func extractGeneric(d *document) []paper.Paper { return nil }
