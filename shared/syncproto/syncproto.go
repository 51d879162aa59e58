// Package syncproto is the JSON wire contract of papergist sync, shared by the backend and the extension's wasm
// module: saved items, push and pull bodies, library versions, tombstones and error codes.
//
// The protocol follows Zotero's: each user's library has a version that increases with every write, and each
// item carries the library version of its last write. A client pulls what changed since the version it last saw
// and pushes changes stating the version they were based on; the server merges non-overlapping field edits and
// reports overlapping ones as conflicts instead of overwriting them.
package syncproto

import (
	"encoding/json"
	"strings"
	"time"
)

// Item is one saved paper as the server stores and returns it.
type Item struct {
	// ID is the canonical paper ID (shared/paper.ParseID), unique within a user's library.
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Authors  []string `json:"authors"`
	Abstract string   `json:"abstract"`
	// URL is the paper's landing page, PDFURL a direct PDF link; both absolute http(s) or empty.
	URL    string `json:"url"`
	PDFURL string `json:"pdf_url"`
	// TLDR and Keyphrases are what the extension's summarizer wrote on the device that saved the paper.
	TLDR       string   `json:"tldr"`
	Keyphrases []string `json:"keyphrases"`
	// Tags are the user's labels, a set: sorted, unique, trimmed. Concurrent tag edits merge as sets.
	Tags []string `json:"tags"`
	Note string   `json:"note"`
	Read bool     `json:"read"`
	// Published is the paper's publication date as the page gave it: "YYYY", "YYYY-MM" or "YYYY-MM-DD", or empty.
	// Venue is where it appeared (a journal, a conference), or empty. Both are page-given, like Title: they merge
	// as Title does (last writer after the base wins, an overlapping edit conflicts). An item stored before they
	// existed has them empty.
	Published string `json:"published"`
	Venue     string `json:"venue"`
	// SavedAt is when the user first saved the paper (the client's clock when it says so), UpdatedAt the server
	// time of the last write; both RFC 3339 in UTC.
	SavedAt   time.Time `json:"saved_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// Version is the library version of the item's last write.
	Version int64 `json:"version"`
	// Dispute is set while another device's edit of some fields conflicts with this item's values and that
	// device's user has not chosen yet, so that every device knows; nil otherwise.
	Dispute *Dispute `json:"dispute,omitempty"`
}

// Dispute records a conflict on the item for the devices that did not get it (see StatusConflict). The device
// that got it settles it by pushing the fields again, with the value chosen (its own or the item's), which
// clears them from the dispute; any applied change that sets a disputed field does the same.
type Dispute struct {
	// Fields are the conflicting fields' wire names; Values the other device's values of them, as JSON.
	Fields []string                   `json:"fields"`
	Values map[string]json.RawMessage `json:"values"`
	At     time.Time                  `json:"at"`
}

// Change sets some fields of one item. A nil field is left as it is, which is what keeps merges field-level:
// a client sends only the fields the user edited. A change to an item that does not exist creates it.
type Change struct {
	ID string `json:"id"`
	// BaseVersion is the item version the client's edit started from (0 for a new item).
	BaseVersion int64      `json:"base_version"`
	Title       *string    `json:"title,omitempty"`
	Authors     *[]string  `json:"authors,omitempty"`
	Abstract    *string    `json:"abstract,omitempty"`
	URL         *string    `json:"url,omitempty"`
	PDFURL      *string    `json:"pdf_url,omitempty"`
	TLDR        *string    `json:"tldr,omitempty"`
	Keyphrases  *[]string  `json:"keyphrases,omitempty"`
	Tags        *[]string  `json:"tags,omitempty"`
	Note        *string    `json:"note,omitempty"`
	Read        *bool      `json:"read,omitempty"`
	Published   *string    `json:"published,omitempty"`
	Venue       *string    `json:"venue,omitempty"`
	SavedAt     *time.Time `json:"saved_at,omitempty"`
	// Lifted names the fields of this change ("published", "venue") whose value a record upgrade took from the
	// device's own page, not a save or a choice of the user's. Between two such values of a field, differing only
	// in precision, the fuller one wins without a conflict (see backend/sqlite merge). A server that does not say
	// FeatureLifted in HeaderFeatures refuses the name: a client sends it only to one that does.
	Lifted []string `json:"lifted,omitempty"`
}

// Deletion removes one item; BaseVersion is the item version the client last saw.
type Deletion struct {
	ID          string `json:"id"`
	BaseVersion int64  `json:"base_version"`
}

// Tombstone says that an item was deleted at a library version.
type Tombstone struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
}

// PullResponse answers GET /v1/sync?since=V.
//
// Items and Deleted hold what changed after V, in version order. When More is true the page was cut at a
// version boundary: Version is then the last version fully included, and the client asks again with since=Version.
// When More is false, Version is the library version.
type PullResponse struct {
	Version int64       `json:"version"`
	Items   []Item      `json:"items"`
	Deleted []Tombstone `json:"deleted"`
	More    bool        `json:"more"`
}

// WaitResponse answers GET /v1/sync/wait?since=V when the library version passed V: the client pulls next.
type WaitResponse struct {
	Version int64 `json:"version"`
}

// Seconds a GET /v1/sync/wait holds when the library does not change: by default (under the 30 s a pending
// fetch keeps an MV3 service worker alive) and at most.
const (
	DefaultWaitSeconds = 25
	MaxWaitSeconds     = 50
)

// PushRequest is the body of POST /v1/sync, sent with an Idempotency-Key header.
type PushRequest struct {
	Changes   []Change   `json:"changes"`
	Deletions []Deletion `json:"deletions"`
}

// Result statuses of one change or deletion in a push.
const (
	// StatusApplied: the change is stored (possibly merged with newer server edits of other fields); Item is
	// the server's item after it (nil for a deletion).
	StatusApplied = "applied"
	// StatusConflict: a field the change sets was edited on the server after BaseVersion, to another value, or
	// the item was deleted after BaseVersion (Item nil, Error.Code CodeGone), or edited after a deletion's
	// BaseVersion. Nothing of the change was written; Item is the server's item, to merge and push again. A
	// conflict on a live item's fields is recorded as the item's Dispute (a write, so the other devices pull it).
	StatusConflict = "conflict"
	// StatusInvalid: the change is malformed (Error says why); nothing was written.
	StatusInvalid = "invalid"
)

// Result is the outcome of one change or deletion, in request order: changes first, then deletions.
type Result struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Item   *Item  `json:"item,omitempty"`
	// Version is the item's version on the server after the operation: its tombstone's for a deleted item
	// (so a client can re-save a deleted paper with base_version = Version), 0 when it never existed.
	Version int64  `json:"version,omitempty"`
	Error   *Error `json:"error,omitempty"`
	// Fields names, for a conflict on a live item, the fields the server wrote after BaseVersion with another
	// value: the ones the user must choose for. Tags never conflict (they merge as sets).
	Fields []string `json:"fields,omitempty"`
}

// PushResponse answers POST /v1/sync. Version is the library version after the push.
type PushResponse struct {
	Version int64    `json:"version"`
	Results []Result `json:"results"`
}

// Limits of one push and one pull page.
const (
	MaxPushOps       = 500
	DefaultPullLimit = 500
	MaxPullLimit     = 1000
)

// HeaderIfModifiedSinceVersion makes GET /v1/sync answer 304 when the library version is not newer.
const (
	HeaderIfModifiedSinceVersion = "If-Modified-Since-Version"
	HeaderLastModifiedVersion    = "Last-Modified-Version"
	HeaderIdempotencyKey         = "Idempotency-Key"
	// HeaderFeatures, on every answer to GET /v1/sync, lists what this server takes beyond the first version of
	// the contract, separated by commas: FeatureLifted (Change.Lifted).
	HeaderFeatures = "Papergist-Features"
	FeatureLifted  = "lifted"
)

// LessFull reports whether a is b, the value of a page-given field (published, venue), known less fully: a
// publication date cut at a "-" of b ("2017-06" of "2017-06-12"), or no value against one. Between two record
// upgrades' lifts (Change.Lifted) the fuller one wins. The extension's lib/record.js lessFull is the same rule;
// both run testdata/less-full.json.
func LessFull(name, a, b string) bool {
	if (name != "published" && name != "venue") || a == b {
		return false
	}
	return a == "" || (name == "published" && strings.HasPrefix(b, a) && b[len(a)] == '-')
}
