package httpapi

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/papergist/papergist/shared/syncproto"
)

// pull answers GET /v1/sync?since=V[&limit=N]: what changed after V, or 304 when the library is not newer than
// the client's If-Modified-Since-Version. Its route skips the middleware's device check: the store does it in
// the same statement as the read.
func (a *app) pull(c echo.Context) error {
	since, err := queryInt(c, "since", 0, 0, syncproto.MaxVersion)
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", syncproto.DefaultPullLimit, 1, syncproto.MaxPullLimit)
	if err != nil {
		return err
	}
	ims, err := versionHeader(c, syncproto.HeaderIfModifiedSinceVersion)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	p := who(c)
	// Before any push, a client learns here what this server takes (a 304 says it as well as a page).
	c.Response().Header().Set(syncproto.HeaderFeatures, syncproto.FeatureLifted)
	if ims != nil {
		v, err := a.store.LibraryVersion(ctx, p.userID, p.deviceID)
		if err != nil {
			return err
		}
		if v <= *ims {
			c.Response().Header().Set(syncproto.HeaderLastModifiedVersion, strconv.FormatInt(v, 10))
			return c.NoContent(http.StatusNotModified)
		}
	}
	resp, err := a.store.Pull(ctx, p.userID, p.deviceID, since, int(limit))
	if err != nil {
		return err
	}
	body, err := resp.AppendJSON(make([]byte, 0, 256+len(resp.Items)*1024))
	if err != nil {
		return err
	}
	c.Response().Header().Set(syncproto.HeaderLastModifiedVersion, strconv.FormatInt(resp.Version, 10))
	return c.JSONBlob(http.StatusOK, body)
}

// push answers POST /v1/sync. The Idempotency-Key makes retries safe: the first answer to a key is stored and
// replayed for every retry with the same body, without writing anything again. If the process dies after the
// write and before the answer is stored, the retry is merged again; its changes now equal the server's fields,
// so they apply as no-ops and write nothing either.
func (a *app) push(c echo.Context) error {
	key := c.Request().Header.Get(syncproto.HeaderIdempotencyKey)
	if !validKey(key) {
		return a.refusePush(c, "", "", apiError(syncproto.CodeInvalid, "send an Idempotency-Key header: 1 to 255 printable ASCII characters"))
	}
	body, err := readBody(c)
	if err != nil {
		return a.refusePush(c, "", "", err)
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	ctx := c.Request().Context()
	p := who(c)
	var req syncproto.PushRequest
	err = decodeBytes(body, &req)
	if n := len(req.Changes) + len(req.Deletions); err == nil && n > syncproto.MaxPushOps {
		err = apiError(syncproto.CodeInvalid, "a push holds at most %d changes and deletions, not %d", syncproto.MaxPushOps, n)
	}
	if err != nil {
		return a.refusePush(c, key, hash, err)
	}
	// The device check and the key's stored answer come with the push's read, and its answer is stored with its
	// write (the route leaves the device check to it).
	ans, version, fresh, err := a.store.PushOnce(ctx, p.userID, p.deviceID, key, hash, &req)
	if err != nil {
		return err
	}
	if !fresh {
		// The key's answer from before, or from an identical request that raced this one and stored it first.
		return a.replay(c, hash, ans.RequestHash, ans.Status, ans.Body)
	}
	c.Response().Header().Set(syncproto.HeaderLastModifiedVersion, strconv.FormatInt(version, 10))
	return c.JSONBlob(http.StatusOK, ans.Body)
}

// refusePush answers a push refused for err as if the device check and the lookup of its key (when valid) came
// first, as they did before PushOnce took them into its read: a revoked session, then a replay of the key's
// stored answer, else err.
func (a *app) refusePush(c echo.Context, key, hash string, err error) error {
	ctx := c.Request().Context()
	p := who(c)
	if active, derr := a.store.DeviceActive(ctx, p.userID, p.deviceID); derr != nil {
		return derr
	} else if !active {
		return errRevoked()
	}
	if key == "" {
		return err
	}
	if prev, perr := a.store.IdempotentResponse(ctx, p.userID, key); perr != nil {
		return perr
	} else if prev != nil {
		return a.replay(c, hash, prev.RequestHash, prev.Status, prev.Body)
	}
	return err
}

func (a *app) replay(c echo.Context, hash, storedHash string, status int, body []byte) error {
	if storedHash != hash {
		return apiError(syncproto.CodeIdempotencyReused, "this Idempotency-Key was used for a different request")
	}
	c.Response().Header().Set("Idempotent-Replayed", "true")
	return c.JSONBlob(status, body)
}

func validKey(k string) bool {
	if len(k) == 0 || len(k) > 255 {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x21 || k[i] > 0x7e {
			return false
		}
	}
	return true
}
