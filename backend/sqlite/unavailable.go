package sqlite

import (
	"errors"
	"strings"
)

// Unavailable reports whether err is the database saying it cannot serve for now rather than that the request
// is wrong: the disk is full, an I/O error, a read-only or locked file, too little memory; or, on D1, the same
// conditions and an overloaded or unreachable database. A retry later may succeed, so callers answer 503.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	var coded interface{ Code() int } // modernc.org/sqlite's *Error, without importing the driver here
	if errors.As(err, &coded) {
		switch coded.Code() & 0xff { // the primary result code; the extended ones add detail above the low byte
		case 5, 6, 7, 8, 10, 13, 14, 15: // BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN, PROTOCOL
			return true
		}
		return false
	}
	msg := err.Error() // D1 reports SQLite's errors, and its own, as text
	for _, s := range []string{"SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_BUSY", "SQLITE_NOMEM",
		"database or disk is full", "disk I/O error", "readonly database", "D1 DB is overloaded",
		"Network connection lost", "storage operation exceeded timeout"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
