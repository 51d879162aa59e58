package paper

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestParseDateAgreesWithTime checks parseDate against time.Parse on every layout NormalizeDate and
// validDate use, over real forms and generated near misses (bad days, leap years, zones, fractions, case).
func TestParseDateAgreesWithTime(t *testing.T) {
	layouts := []string{"2006-01-02", "2006-01", "2006"}
	for _, d := range dateLayouts {
		layouts = append(layouts, d.layout)
	}
	cases := append(generated(20000, "2024", "1900", "2000", "0000", "-", "/", "01", "1", "02", "2", "29", "30", "31",
		"00", "13", "T", "10", ":", "59", "60", "23", "24", ".", ",", "123", "Z", "+05:30", "-24:00", "+25:00",
		"Jan", "JAN", "january", "June", "Jun", "Sept", "Feb", "Mon", "mon", "Tue,", ", ", " ", "  ", "x", "\t"),
		"2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2019-06-12T10:00:00Z",
		"2019-06-12T10:00:00.123+02:00", "2019-06-12T10:00:00,5Z", "2019-06-12T1:00:00Z", "2019-06-12T10:00:00.5",
		"Mon, 2 Jan 2006", "Wed, 09 Oct 2019", "12 Jun 2017", "12 June 2017", "June 12, 2017", "Jun 12, 2017",
		"2021/6", "2021/06/05", "2021/6/5", "June 2017", "jun 2017", "2017", "2017 ", " 2017", "12  Jun 2017")
	for _, s := range cases {
		for _, layout := range layouts {
			want, err := time.Parse(layout, s)
			year, month, day, ok := parseDate(layout, s)
			require.Equal(t, err == nil, ok, "%q in %q: %v", s, layout, err)
			if ok {
				require.Equal(t, want.Format("2006-01-02"), formatDate(year, month, day, 3), "%q in %q", s, layout)
			}
		}
	}
}
