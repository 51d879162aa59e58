package httpapi

import (
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/backend/sqlite"
	"github.com/papergist/papergist/shared/syncproto"
)

// DeviceView is one login in GET /v1/devices; Current marks the one making the request.
type DeviceView struct {
	sqlite.Device
	Current bool `json:"current"`
}

func (a *app) listDevices(c echo.Context) error {
	p := who(c)
	ds, err := a.store.Devices(c.Request().Context(), p.userID)
	if err != nil {
		return err
	}
	out := make([]DeviceView, len(ds))
	for i, d := range ds {
		out[i] = DeviceView{Device: d, Current: d.ID == p.deviceID}
	}
	return c.JSON(http.StatusOK, map[string]any{"devices": out})
}

// DeviceRename is the body of PATCH /v1/devices/:id.
type DeviceRename struct {
	// Name is trimmed; 1 to MaxDeviceName characters, none of them control characters.
	Name string `json:"name"`
}

// MaxDeviceName is the longest name a rename accepts, in characters. (Names taken from a User-Agent at login
// may be longer; they are cut at 200.)
const MaxDeviceName = 100

// Validate trims the name and checks it.
func (r *DeviceRename) Validate() error {
	r.Name = strings.TrimSpace(r.Name)
	if n := utf8.RuneCountInString(r.Name); n == 0 || n > MaxDeviceName {
		return apiError(syncproto.CodeInvalid, "name: must be 1 to %d characters long", MaxDeviceName)
	}
	if strings.IndexFunc(r.Name, unicode.IsControl) >= 0 {
		return apiError(syncproto.CodeInvalid, "name: must not contain control characters such as line breaks")
	}
	return nil
}

// renameDevice renames one of the caller's logins, this one or another.
func (a *app) renameDevice(c echo.Context) error {
	var in DeviceRename
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if err := in.Validate(); err != nil {
		return err
	}
	p := who(c)
	d, err := a.store.RenameDevice(c.Request().Context(), p.userID, c.Param("id"), in.Name)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, DeviceView{Device: d, Current: d.ID == p.deviceID})
}

func (a *app) deleteDevice(c echo.Context) error {
	if err := a.store.DeleteDevice(c.Request().Context(), who(c).userID, c.Param("id")); err != nil {
		return err
	}
	return noContent(c)
}
