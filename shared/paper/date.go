package paper

import "strings"

// parseDate reads value in layout as time.Parse would, for the elements of Go's layouts that dateLayouts
// and validDate use (2006, 01, 1, 02, 2, Jan, January, Mon, 15, 04, 05, .999999999, Z07:00 and literal
// text), and returns the date. It is here because time.Parse and Time.Format brought about 30 KB of the
// listing wasm's gzipped download; date_internal_test.go checks it against time.Parse.
func parseDate(layout, value string) (year, month, day int, ok bool) {
	month, day = -1, -1
	for layout != "" {
		std, n := dateElement(layout)
		if std == "" {
			// a run of literal text, up to the next element
			lit := 0
			for lit < len(layout) {
				if e, _ := dateElement(layout[lit:]); e != "" {
					break
				}
				lit++
			}
			if value, ok = skipLiteral(value, layout[:lit]); !ok {
				return 0, 0, 0, false
			}
			layout = layout[lit:]
			continue
		}
		layout = layout[n:]
		var v int
		switch std {
		case "2006":
			if len(value) < 4 || !allDigits(value[:4], 4, 4) {
				return 0, 0, 0, false
			}
			year = (int(value[0]-'0')*10+int(value[1]-'0'))*100 + int(value[2]-'0')*10 + int(value[3]-'0')
			value = value[4:]
		case "Jan", "January":
			names := monthNames
			if std == "Jan" {
				names = shortMonthNames
			}
			if month, value, ok = lookupName(names, value); !ok {
				return 0, 0, 0, false
			}
			month++
		case "Mon":
			if _, value, ok = lookupName(shortDayNames, value); !ok {
				return 0, 0, 0, false
			}
		case "01", "1":
			if month, value, ok = getnum(value, std == "01"); !ok || month < 1 || month > 12 {
				return 0, 0, 0, false
			}
		case "02", "2":
			if day, value, ok = getnum(value, std == "02"); !ok {
				return 0, 0, 0, false
			}
		case "15", "04", "05":
			max := 60
			if std == "15" {
				max = 24
			}
			if v, value, ok = getnum(value, std != "15"); !ok || v >= max {
				return 0, 0, 0, false
			}
			// seconds written with a fraction the layout does not have: the fraction is read with them
			if next, _ := dateElement(layout); std == "05" && next != ".999999999" && len(value) >= 2 &&
				(value[0] == '.' || value[0] == ',') && isDigit(value[1]) {
				value = value[1+digitRun(value[1:]):]
			}
		case ".999999999":
			if len(value) >= 2 && (value[0] == '.' || value[0] == ',') && isDigit(value[1]) {
				value = value[1+digitRun(value[1:]):]
			}
		case "Z07:00":
			if value != "" && value[0] == 'Z' {
				value = value[1:]
				break
			}
			if len(value) < 6 || value[3] != ':' || (value[0] != '+' && value[0] != '-') {
				return 0, 0, 0, false
			}
			hour, _, ok1 := getnum(value[1:3], true)
			minute, _, ok2 := getnum(value[4:6], true)
			if !ok1 || !ok2 || hour > 24 || minute > 60 {
				return 0, 0, 0, false
			}
			value = value[6:]
		}
	}
	if value != "" {
		return 0, 0, 0, false
	}
	if month < 0 { // as time.Parse: the parts a layout lacks are the first month, the first day
		month = 1
	}
	if day < 0 {
		day = 1
	}
	if day < 1 || day > daysIn(month, year) {
		return 0, 0, 0, false
	}
	return year, month, day, true
}

// dateElements are the layout elements parseDate reads, longest first where one starts another.
var dateElements = []string{"January", "Jan", "Mon", "2006", "01", "02", "04", "05", "15", "1", "2", ".999999999", "Z07:00"}

// dateElement is the element at the start of layout and its length, or "" for literal text.
func dateElement(layout string) (string, int) {
	for _, e := range dateElements {
		if strings.HasPrefix(layout, e) {
			return e, len(e)
		}
	}
	return "", 1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// getnum reads one or two digits (two when fixed), as time.Parse does.
func getnum(s string, fixed bool) (int, string, bool) {
	if s == "" || !isDigit(s[0]) {
		return 0, s, false
	}
	if len(s) < 2 || !isDigit(s[1]) {
		return int(s[0] - '0'), s[1:], !fixed
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), s[2:], true
}

// skipLiteral removes prefix from value, a run of spaces in prefix matching any run in value (or the end).
func skipLiteral(value, prefix string) (string, bool) {
	for prefix != "" {
		if prefix[0] == ' ' {
			if value != "" && value[0] != ' ' {
				return value, false
			}
			prefix = strings.TrimLeft(prefix, " ")
			value = strings.TrimLeft(value, " ")
			continue
		}
		if value == "" || value[0] != prefix[0] {
			return value, false
		}
		prefix, value = prefix[1:], value[1:]
	}
	return value, true
}

var (
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December"}
	shortMonthNames = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	shortDayNames   = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// lookupName finds the first of names that value starts with, ASCII letters in any case.
func lookupName(names []string, value string) (int, string, bool) {
	for i, n := range names {
		if len(value) >= len(n) && strings.EqualFold(value[:len(n)], n) && isASCIIPrefix(value[:len(n)]) {
			return i, value[len(n):], true
		}
	}
	return -1, value, false
}

func isASCIIPrefix(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// formatDate writes a date as YYYY-MM-DD, YYYY-MM or YYYY (parts 3, 2 or 1).
func formatDate(year, month, day, parts int) string {
	b := []byte{byte('0' + year/1000), byte('0' + year/100%10), byte('0' + year/10%10), byte('0' + year%10),
		'-', byte('0' + month/10), byte('0' + month%10), '-', byte('0' + day/10), byte('0' + day%10)}
	return string(b[:[]int{0, 4, 7, 10}[parts]])
}
