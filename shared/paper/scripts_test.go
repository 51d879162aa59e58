package paper_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/papergist/papergist/shared/paper"
)

// TestScript: the one rule that TeX's scripts and a PDF's raised or lowered text are written by.
func TestScript(t *testing.T) {
	tests := []struct {
		in       string
		sup, sub string
	}{
		{"2", "²", "₂"},
		{"11", "¹¹", "₁₁"},
		{"-2", "⁻²", "₋₂"},
		{"−2", "⁻²", "₋₂"}, // a minus sign
		{"+", "⁺", "₊"},
		{"(2)", "⁽²⁾", "₍₂₎"},
		{"n", "ⁿ", "_n"},
		{"i+1", "ⁱ⁺¹", "_(i+1)"},
		{"d", "^d", "_d"},
		{"2k", "^(2k)", "_(2k)"},
		{"SL", "^(SL)", "_(SL)"},
		{"(N)", "^(N)", "_(N)"},
		{"1*", "^(1*)", "_(1*)"},
		{"", "", ""},
		{"′", "′", "_′"}, // already raised: as it is
		{"″", "″", "_″"},
		{"°", "°", "_°"},
		{"∘", "^∘", "_∘"}, // a ring: ScriptAfter makes it a degree after a number
		{"º", "º", "_º"},
		{"ª", "ª", "_ª"},
		{"²", "²", "_²"},
		{"⁻¹", "⁻¹", "_(⁻¹)"},
		{"₂", "^₂", "₂"},
		{"n + 1", "ⁿ⁺¹", "_(n + 1)"}, // as n+1
		{"i − 1", "ⁱ⁻¹", "_(i − 1)"},
		{" 2 ", "²", "₂"},
		{"1 2", "^(1 2)", "_(1 2)"}, // no 12
	}
	for _, tt := range tests {
		assert.Equal(t, tt.sup, paper.Script(tt.in, true), "^%s", tt.in)
		assert.Equal(t, tt.sub, paper.Script(tt.in, false), "_%s", tt.in)
	}
}
