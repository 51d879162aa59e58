package syncproto

import "fmt"

// Error codes: stable strings that clients switch on. The backend maps each to one HTTP status.
const (
	CodeInvalid            = "invalid"             // 400: malformed body, parameter or field
	CodeUnauthorized       = "unauthorized"        // 401: missing, bad, expired or revoked credentials
	CodeNotFound           = "not_found"           // 404
	CodeMethodNotAllowed   = "method_not_allowed"  // 405
	CodeConflict           = "conflict"            // 409: e.g. the email is already registered
	CodeGone               = "gone"                // in a push result: the item was deleted on the server
	CodePreconditionFailed = "precondition_failed" // 412: If-Match does not match the item's version
	CodeTooLarge           = "too_large"           // 413: the request body is over the limit
	CodeUnsupportedMedia   = "unsupported_media"   // 415
	CodeIdempotencyReused  = "idempotency_key_reused"
	CodeRateLimited        = "rate_limited" // 429
	CodeInternal           = "internal"     // 500: details are logged, never sent
	CodeUnavailable        = "unavailable"  // 503
)

// Error is the one error shape of the API, sent as {"error": {"code", "message"}}, and the error of a push result.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorBody is the JSON body of every error response.
type ErrorBody struct {
	Error Error `json:"error"`
}
