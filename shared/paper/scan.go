package paper

import "strings"

// The identifier patterns below are matched by hand rather than with package regexp: the extension's
// listing wasm links this package, and regexp with its Unicode tables was about 120 KB of its gzipped
// download. Each function says the regular expression it stands for; scan_internal_test.go checks that
// they agree on real and generated input.

// digitRun is the number of ASCII digits at the start of s.
func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// allDigits reports whether s is min to max ASCII digits.
func allDigits(s string, min, max int) bool {
	return len(s) >= min && len(s) <= max && digitRun(s) == len(s)
}

// all reports whether s is at least min bytes, each of which is.
func all(s string, min int, is func(c byte) bool) bool {
	if len(s) < min {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !is(s[i]) {
			return false
		}
	}
	return true
}

func isLower(c byte) bool        { return c >= 'a' && c <= 'z' }
func isLetter(c byte) bool       { return isLower(c | 0x20) }
func isLowerAlnum(c byte) bool   { return isLower(c) || c >= '0' && c <= '9' }
func isSpaceByte(c byte) bool    { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
func isLowerHex(c byte) bool     { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' }
func isOpenReviewID(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '-' }

// hyphenWords reports whether s is words of bytes that are, joined by single hyphens: is+(-is+)*.
func hyphenWords(s string, is func(c byte) bool) bool {
	if s == "" {
		return false
	}
	for _, w := range strings.Split(s, "-") {
		if !all(w, 1, is) {
			return false
		}
	}
	return true
}

// isArxivVersion: ^v\d+$
func isArxivVersion(v string) bool { return len(v) >= 2 && v[0] == 'v' && allDigits(v[1:], 1, len(v)) }

// matchArxivNew: ^(\d{4}\.\d{4,5})(v\d+)?$, giving the ID and the version.
func matchArxivNew(s string) (id, version string, ok bool) {
	if len(s) < 9 || digitRun(s) != 4 || s[4] != '.' {
		return "", "", false
	}
	n := digitRun(s[5:])
	if n != 4 && n != 5 {
		return "", "", false
	}
	id, version = s[:5+n], s[5+n:]
	return id, version, version == "" || isArxivVersion(version)
}

// matchArxivOld: ^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]{2})?/(\d{7})(v\d+)?$, giving the archive, the number
// and the version.
func matchArxivOld(s string) (archive, number, version string, ok bool) {
	left, right, found := strings.Cut(s, "/")
	if !found {
		return "", "", "", false
	}
	archive = left
	if i := strings.IndexByte(left, '.'); i >= 0 {
		if i != len(left)-3 || !isLetter(left[i+1]) || !isLetter(left[i+2]) {
			return "", "", "", false
		}
		archive = left[:i]
	}
	if !hyphenWords(archive, isLower) || len(right) < 7 || digitRun(right) != 7 {
		return "", "", "", false
	}
	number, version = right[:7], right[7:]
	return archive, number, version, version == "" || isArxivVersion(version)
}

// findArxivInText: the first match of
// (?i)(?:^|[/:\s])((?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[a-z]{2})?/\d{7})(?:v\d+)?)(?:\.pdf)?(?:$|[/?#\s])
// giving its group (an arXiv ID with its version), for ASCII letters.
func findArxivInText(s string) (string, bool) {
	for j := 0; j < len(s); j++ {
		if j > 0 && s[j-1] != '/' && s[j-1] != ':' && !isSpaceByte(s[j-1]) {
			continue
		}
		if end := arxivInTextAt(s, j); end >= 0 {
			return s[j:end], true
		}
	}
	return "", false
}

// arxivInTextAt is the end of the ID that starts at s[j:], or -1.
func arxivInTextAt(s string, j int) int {
	k := j
	if n := digitRun(s[k:]); n == 4 && k+4 < len(s) && s[k+4] == '.' {
		n = digitRun(s[k+5:])
		if n != 4 && n != 5 {
			return -1
		}
		k += 5 + n
	} else {
		for k < len(s) && (isLetter(s[k]) || s[k] == '-') {
			k++
		}
		archive := s[j:k]
		if k+3 <= len(s) && s[k] == '.' && isLetter(s[k+1]) && isLetter(s[k+2]) {
			k += 3
		}
		if !hyphenWords(archive, isLetter) || k >= len(s) || s[k] != '/' || digitRun(s[k+1:]) != 7 {
			return -1
		}
		k += 8
	}
	if k+1 < len(s) && s[k]|0x20 == 'v' {
		if n := digitRun(s[k+1:]); n > 0 {
			k += 1 + n
		}
	}
	end := k
	if k+4 <= len(s) && strings.EqualFold(s[k:k+4], ".pdf") {
		k += 4
	}
	if k < len(s) && s[k] != '/' && s[k] != '?' && s[k] != '#' && !isSpaceByte(s[k]) {
		return -1
	}
	return end
}

// isDOI: ^10\.\d{4,9}/\S+$
func isDOI(s string) bool {
	if !strings.HasPrefix(s, "10.") {
		return false
	}
	n := digitRun(s[3:])
	rest := s[3+n:]
	return n >= 4 && n <= 9 && len(rest) >= 2 && rest[0] == '/' && strings.IndexAny(rest[1:], " \t\n\f\r") < 0
}

// findDOIInText: the first match of 10\.\d{4,9}/[^\s"'<>]+
func findDOIInText(s string) string {
	for off := 0; ; {
		k := strings.Index(s[off:], "10.")
		if k < 0 {
			return ""
		}
		i := off + k
		off = i + 1
		n := digitRun(s[i+3:])
		j := i + 3 + n
		if n < 4 || n > 9 || j >= len(s) || s[j] != '/' {
			continue
		}
		end := j + 1
		for end < len(s) && !isSpaceByte(s[end]) && strings.IndexByte(`"'<>`, s[end]) < 0 {
			end++
		}
		if end > j+1 {
			return s[i:end]
		}
	}
}

// restOfLine is the text after prefix when s starts with it and the rest is one or more bytes, none a
// newline: ^prefix(.+)$.
func restOfLine(s, prefix string) (string, bool) {
	rest, ok := strings.CutPrefix(s, prefix)
	return rest, ok && rest != "" && strings.IndexByte(rest, '\n') < 0
}

// isACLID: ^(?:\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)*\.\d+|[A-Z]\d{2}-\d{4})$
func isACLID(s string) bool {
	if len(s) == 8 && s[0] >= 'A' && s[0] <= 'Z' && allDigits(s[1:3], 2, 2) && s[3] == '-' && allDigits(s[4:], 4, 4) {
		return true
	}
	if len(s) < 8 || digitRun(s) != 4 || s[4] != '.' {
		return false
	}
	mid, num, ok := strings.Cut(s[5:], ".")
	return ok && hyphenWords(mid, isLowerAlnum) && allDigits(num, 1, len(num))
}

// isOpenReviewIDString: ^[A-Za-z0-9_\-]{5,}$
func isOpenReviewIDString(s string) bool { return all(s, 5, isOpenReviewID) }

// isS2ID: ^(?:[0-9a-f]{40}|\d{1,12})$
func isS2ID(s string) bool { return len(s) == 40 && all(s, 40, isLowerHex) || allDigits(s, 1, 12) }

// The paths of resolve.go.

// splitLast splits path at its last slash: the part before it must be "/<something>" + "/" + dir, and
// the part after it is returned when (.*) before dir holds no newline; this is ^(/.*)/dir/([^/]+)$.
func splitLast(path, dir string) (head, last string, ok bool) {
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return "", "", false
	}
	head, found := strings.CutSuffix(path[:i], "/"+dir)
	last = path[i+1:]
	return head, last, found && head != "" && head[0] == '/' && strings.IndexByte(head, '\n') < 0 && last != ""
}

// matchCVFPDF: ^(/.*)/papers/([^/]+)\.pdf$
func matchCVFPDF(path string) (dir, name string, ok bool) {
	dir, last, ok := splitLast(path, "papers")
	name, isPDF := strings.CutSuffix(last, ".pdf")
	return dir, name, ok && isPDF && name != ""
}

// matchPMLRPDF: ^/(v\d+)/([^/]+)/([^/]+)\.pdf$
func matchPMLRPDF(path string) (volume, dir, name string, ok bool) {
	parts := strings.Split(path, "/")
	if len(parts) != 4 || parts[0] != "" || !isArxivVersion(parts[1]) || parts[2] == "" {
		return "", "", "", false
	}
	name, isPDF := strings.CutSuffix(parts[3], ".pdf")
	return parts[1], parts[2], name, isPDF && name != ""
}

// isPMLRHTML: ^/(v\d+)/([^/]+)\.html$
func isPMLRHTML(path string) bool {
	parts := strings.Split(path, "/")
	return len(parts) == 3 && parts[0] == "" && isArxivVersion(parts[1]) &&
		len(parts[2]) > len(".html") && strings.HasSuffix(parts[2], ".html")
}

// matchNeurIPS: ^(/.*)/dir/([0-9a-f]+)-kind(-[A-Za-z_]+)?\.ext$, giving the head, the hash and the track.
func matchNeurIPS(path, dir, kind, ext string) (head, hash, track string, ok bool) {
	head, last, ok := splitLast(path, dir)
	last, isExt := strings.CutSuffix(last, ext)
	h := 0
	for h < len(last) && isLowerHex(last[h]) {
		h++
	}
	rest, isKind := strings.CutPrefix(last[h:], "-"+kind)
	if !ok || !isExt || h == 0 || !isKind {
		return "", "", "", false
	}
	if rest != "" && (rest[0] != '-' || !all(rest[1:], 1, func(c byte) bool { return isLetter(c) || c == '_' })) {
		return "", "", "", false
	}
	return head, last[:h], rest, true
}

// matchRxiv: ^/content/(10\.1101/[0-9.]+?)(v\d+)?(?:\.full(?:\.pdf)?|\.abstract|\.full-text)?/?$, giving the
// DOI part and the version.
func matchRxiv(path string) (doi, version string, ok bool) {
	rest, ok := strings.CutPrefix(path, "/content/10.1101/")
	if !ok {
		return "", "", false
	}
	run := 0
	for run < len(rest) && (rest[run] == '.' || rest[run] >= '0' && rest[run] <= '9') {
		run++
	}
	for n := 1; n <= run; n++ { // the shortest DOI the rest of the path allows
		tail := rest[n:]
		v := ""
		if len(tail) > 1 && tail[0] == 'v' && digitRun(tail[1:]) > 0 {
			v = tail[:1+digitRun(tail[1:])]
			tail = tail[len(v):]
		}
		switch strings.TrimSuffix(tail, "/") {
		case "", ".full", ".full.pdf", ".abstract", ".full-text":
			return "10.1101/" + rest[:n], v, true
		}
	}
	return "", "", false
}

// matchAIPPDF: ^/.*/doi/(10\.1063/[^/]+)/
func matchAIPPDF(path string) (string, bool) {
	if !strings.HasPrefix(path, "/") {
		return "", false
	}
	for end := len(path); end > 0; {
		i := strings.LastIndex(path[:end], "/doi/10.1063/")
		if i < 1 || strings.IndexByte(path[1:i], '\n') >= 0 {
			return "", false
		}
		end = i + len("/doi/10.1063/") - 1
		tail := path[i+len("/doi/10.1063/"):]
		if j := strings.IndexByte(tail, '/'); j > 0 {
			return path[i+len("/doi/") : i+len("/doi/10.1063/")+j], true
		}
	}
	return "", false
}

// matchNatureArticle: ^/articles/([a-z0-9._-]+?)(\.pdf)?/?$
func matchNatureArticle(path string) (id string, pdf, ok bool) {
	rest, ok := strings.CutPrefix(path, "/articles/")
	rest = strings.TrimSuffix(rest, "/")
	if !ok || !all(rest, 1, func(c byte) bool { return isLowerAlnum(c) || c == '.' || c == '_' || c == '-' }) {
		return "", false, false
	}
	if id, pdf := strings.CutSuffix(rest, ".pdf"); pdf && id != "" {
		return id, true, true
	}
	return rest, false, true
}

// doiPathTails are what publishers append to a DOI in their URLs: /pdf, /full, .pdf.
var doiPathTails = []string{"/pdf", "/epdf", "/pdfdirect", "/full", "/abstract", "/fulltext", "/meta", "/reader", "/html", ".pdf", ".full"}

// trimDOIPathTail removes the longest tail of one or more doiPathTails (any case), then an optional slash:
// it replaces (?i)(?:/(?:pdf|epdf|pdfdirect|full|abstract|fulltext|meta|reader|html)|\.pdf|\.full)+/?$
// with "", for ASCII letters.
func trimDOIPathTail(s string) string {
	end := len(s)
	if strings.HasSuffix(s, "/") {
		end--
	}
	// ends[q]: s[q:end] is made of tails.
	ends := make([]bool, end+1)
	ends[end] = true
	cut := -1
	for q := end - 1; q >= 0; q-- {
		for _, t := range doiPathTails {
			if q+len(t) <= end && ends[q+len(t)] && strings.EqualFold(s[q:q+len(t)], t) {
				ends[q], cut = true, q
				break
			}
		}
	}
	if cut < 0 {
		return s
	}
	return s[:cut]
}
