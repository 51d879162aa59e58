package httpapi

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/paper"
	"github.com/papergist/papergist/shared/syncproto"
)

// itemID reads the item ID from the path. IDs hold ':' and often '/' (doi:10.1000/x, url:https://…), so the
// route takes the rest of the path; clients should percent-encode the ID, and both forms are accepted.
func itemID(c echo.Context) (string, error) {
	raw := c.Param("*")
	id, err := url.PathUnescape(raw)
	if err != nil {
		return "", apiError(syncproto.CodeInvalid, "id: bad percent-encoding")
	}
	if _, err := paper.ParseID(id); err != nil {
		return "", apiError(syncproto.CodeInvalid, "%v", err)
	}
	return id, nil
}

func setVersion(c echo.Context, v int64) {
	c.Response().Header().Set("ETag", `"`+strconv.FormatInt(v, 10)+`"`)
	c.Response().Header().Set(syncproto.HeaderLastModifiedVersion, strconv.FormatInt(v, 10))
}

func (a *app) getItem(c echo.Context) error {
	id, err := itemID(c)
	if err != nil {
		return err
	}
	it, err := a.store.Item(c.Request().Context(), who(c).userID, id)
	if err != nil {
		return err
	}
	setVersion(c, it.Version)
	return c.JSON(http.StatusOK, it)
}

// putItem sets the fields present in the body (a syncproto.Change without base_version). With If-Match the item
// must be at that version (0: must not exist), else 412.
func (a *app) putItem(c echo.Context) error {
	id, err := itemID(c)
	if err != nil {
		return err
	}
	ifMatch, err := versionHeader(c, "If-Match")
	if err != nil {
		return err
	}
	var ch syncproto.Change
	if err := decodeJSON(c, &ch); err != nil {
		return err
	}
	if ch.ID != "" && ch.ID != id {
		return apiError(syncproto.CodeInvalid, "id in the body (%s) differs from the path (%s)", paper.Quote(ch.ID), paper.Quote(id))
	}
	ch.ID = id
	it, created, err := a.store.PutItem(c.Request().Context(), who(c).userID, ch, ifMatch)
	if err != nil {
		return err
	}
	setVersion(c, it.Version)
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return c.JSON(status, it)
}

func (a *app) deleteItem(c echo.Context) error {
	id, err := itemID(c)
	if err != nil {
		return err
	}
	ifMatch, err := versionHeader(c, "If-Match")
	if err != nil {
		return err
	}
	if err := a.store.DeleteItem(c.Request().Context(), who(c).userID, id, ifMatch); err != nil {
		return err
	}
	return noContent(c)
}

// ItemList is the answer to GET /v1/items.
type ItemList struct {
	Items []syncproto.Item `json:"items"`
}

// searchItems answers GET /v1/items?tag=&q=&read=&limit=&offset=.
func (a *app) searchItems(c echo.Context) error {
	f := sqlite.Filter{Tag: c.QueryParam("tag"), Query: c.QueryParam("q")}
	if len(f.Tag) > 4*syncproto.MaxTag || len(f.Query) > 1000 {
		return apiError(syncproto.CodeInvalid, "tag or q is too long")
	}
	if r := c.QueryParam("read"); r != "" {
		b, err := strconv.ParseBool(r)
		if err != nil {
			return apiError(syncproto.CodeInvalid, "read must be true or false")
		}
		f.Read = &b
	}
	limit, err := queryInt(c, "limit", 100, 1, 1000)
	if err != nil {
		return err
	}
	offset, err := queryInt(c, "offset", 0, 0, 1<<31)
	if err != nil {
		return err
	}
	f.Limit, f.Offset = int(limit), int(offset)
	items, err := a.store.Search(c.Request().Context(), who(c).userID, f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, ItemList{Items: items})
}
