package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/internal/apitest"
	"github.com/papergist/papergist/shared/syncproto"
)

func TestExport(t *testing.T) {
	srv := apitest.Start(t)
	u := newUser(t, srv)
	u.push(t, syncproto.PushRequest{Changes: []syncproto.Change{
		{ID: "arxiv:2407.00001", Title: ptr("Tricky {title} with 50% & $math$"), Authors: ptr([]string{"Ada Lovelace"}), URL: ptr("https://arxiv.org/abs/2407.00001")},
		{ID: "doi:10.1000/x", Title: ptr("Journal paper"), URL: ptr("https://doi.org/10.1000/x")},
	}})
	tests := []struct{ format, mediaType, contains string }{
		{"bibtex", "application/x-bibtex", `title = {Tricky {\textbraceleft}title{\textbraceright} with 50\% \& \$math\$},`},
		{"ris", "application/x-research-info-systems", "TI  - Tricky {title} with 50% & $math$\r\n"},
		{"csljson", "application/vnd.citationstyles.csl+json", `"DOI": "10.1000/x"`},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			r := u.c.Do(t, "GET", "/v1/export?format="+tt.format, u.token, nil)
			require.Equal(t, http.StatusOK, r.Status, r.String())
			assert.Contains(t, r.Header.Get("Content-Type"), tt.mediaType)
			assert.Contains(t, r.Header.Get("Content-Disposition"), "attachment")
			assert.Contains(t, string(r.Body), tt.contains)
			assert.Contains(t, string(r.Body), "10.1000/x")
		})
	}
	requireError(t, u.c.Do(t, "GET", "/v1/export?format=doc", u.token, nil), http.StatusBadRequest, syncproto.CodeInvalid)
	requireError(t, u.c.Do(t, "GET", "/v1/export", u.token, nil), http.StatusBadRequest, syncproto.CodeInvalid)
}
