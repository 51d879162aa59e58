package extract

// Site is one site the extension shows cards on.
type Site struct {
	// Adapter names the adapter that reads the site's pages (Result.Site).
	Adapter string `json:"adapter"`
	// Hosts are the domains the adapter reads, each with its subdomains (scholar matches every
	// scholar.google.* host instead).
	Hosts []string `json:"hosts,omitempty"`
	// Matches are the extension's content-script match patterns for the site: extension/manifest.json lists
	// exactly these, in this order (sites_test.go checks it), and every host above has one.
	Matches []string `json:"matches"`
}

// Sites is the one table of the sites the extension runs on, in the manifest's order.
var Sites = []Site{
	{Adapter: "arxiv", Hosts: []string{"arxiv.org"}, Matches: []string{"https://arxiv.org/*"}},
	{Adapter: "huggingface", Hosts: []string{"huggingface.co", "hf.co"},
		Matches: []string{"https://huggingface.co/papers*", "https://hf.co/papers*"}},
	{Adapter: "openreview", Hosts: []string{"openreview.net"}, Matches: []string{"https://openreview.net/*"}},
	{Adapter: "acl", Hosts: []string{"aclanthology.org", "aclweb.org"},
		Matches: []string{"https://aclanthology.org/*", "https://www.aclweb.org/anthology/*"}},
	{Adapter: "semanticscholar", Hosts: []string{"semanticscholar.org"}, Matches: []string{"https://www.semanticscholar.org/*"}},
	{Adapter: "cvf", Hosts: []string{"thecvf.com"}, Matches: []string{"https://openaccess.thecvf.com/*"}},
	{Adapter: "scholar", Matches: []string{
		"https://scholar.google.com/*", "https://scholar.google.co.uk/*", "https://scholar.google.de/*",
		"https://scholar.google.fr/*", "https://scholar.google.es/*", "https://scholar.google.it/*",
		"https://scholar.google.nl/*", "https://scholar.google.ch/*", "https://scholar.google.se/*",
		"https://scholar.google.ca/*", "https://scholar.google.com.au/*", "https://scholar.google.co.in/*",
		"https://scholar.google.co.jp/*", "https://scholar.google.co.kr/*", "https://scholar.google.com.br/*",
		"https://scholar.google.com.hk/*", "https://scholar.google.com.tw/*",
	}},
}

// The adapters' hosts, from the table.
var (
	arxivHosts      = siteHosts("arxiv")
	hfHosts         = siteHosts("huggingface")
	openreviewHosts = siteHosts("openreview")
	aclHosts        = siteHosts("acl")
	s2Hosts         = siteHosts("semanticscholar")
	cvfHosts        = siteHosts("cvf")
)

// siteHosts returns the Hosts of the site read by adapter.
func siteHosts(adapter string) []string {
	for _, s := range Sites {
		if s.Adapter == adapter {
			return s.Hosts
		}
	}
	panic("extract: no site for adapter " + adapter)
}
