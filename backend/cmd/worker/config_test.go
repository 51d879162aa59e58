package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/papergist/papergist/backend/auth"
	"github.com/papergist/papergist/backend/httpapi"
	"github.com/papergist/papergist/shared/syncproto"
)

const secret = "0123456789abcdef0123456789abcdef"

func TestLoadConfig(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    httpapi.Config
		wantErr string
	}{
		{
			name: "secret only: Workers password costs, the app's default limits",
			env:  map[string]string{"PAPERGIST_JWT_SECRET": secret},
			want: httpapi.Config{JWTKey: []byte(secret), Argon2: auth.WorkersArgon2, BodyLimit: 1 << 20},
		},
		{
			name: "every var",
			env: map[string]string{"PAPERGIST_JWT_SECRET": secret, "PAPERGIST_ARGON2": "2,8192,1",
				"PAPERGIST_LOGIN_PER_ACCOUNT": "3", "PAPERGIST_LOGIN_PER_ADDRESS": "30", "PAPERGIST_REGISTER_PER_ADDRESS": "7",
				"PAPERGIST_LOGIN_WINDOW": "1h", "PAPERGIST_ACCESS_TTL": "5m"},
			want: httpapi.Config{JWTKey: []byte(secret), Argon2: auth.Argon2Params{Time: 2, MemoryKiB: 8192, Threads: 1},
				LoginPerAccount: 3, LoginPerAddress: 30, RegisterPerAddress: 7, LoginWindow: time.Hour,
				AccessTTL: 5 * time.Minute, BodyLimit: 1 << 20},
		},
		{name: "no secret", env: map[string]string{}, wantErr: "PAPERGIST_JWT_SECRET"},
		{name: "short secret", env: map[string]string{"PAPERGIST_JWT_SECRET": "short"}, wantErr: "at least 32"},
		{
			name:    "argon2 not three numbers",
			env:     map[string]string{"PAPERGIST_JWT_SECRET": secret, "PAPERGIST_ARGON2": "fast"},
			wantErr: "PAPERGIST_ARGON2",
		},
		{
			name:    "argon2 zero threads",
			env:     map[string]string{"PAPERGIST_JWT_SECRET": secret, "PAPERGIST_ARGON2": "1,4096,0"},
			wantErr: "PAPERGIST_ARGON2",
		},
		{
			name:    "login limit not a number",
			env:     map[string]string{"PAPERGIST_JWT_SECRET": secret, "PAPERGIST_LOGIN_PER_ACCOUNT": "ten"},
			wantErr: "PAPERGIST_LOGIN_PER_ACCOUNT",
		},
		{
			name:    "login limit zero",
			env:     map[string]string{"PAPERGIST_JWT_SECRET": secret, "PAPERGIST_LOGIN_PER_ADDRESS": "0"},
			wantErr: "PAPERGIST_LOGIN_PER_ADDRESS",
		},
		{
			name:    "register limit negative",
			env:     map[string]string{"PAPERGIST_JWT_SECRET": secret, "PAPERGIST_REGISTER_PER_ADDRESS": "-1"},
			wantErr: "PAPERGIST_REGISTER_PER_ADDRESS",
		},
		{
			name:    "access TTL too short",
			env:     map[string]string{"PAPERGIST_JWT_SECRET": secret, "PAPERGIST_ACCESS_TTL": "1s"},
			wantErr: "PAPERGIST_ACCESS_TTL",
		},
		{
			name:    "access TTL not a duration",
			env:     map[string]string{"PAPERGIST_JWT_SECRET": secret, "PAPERGIST_ACCESS_TTL": "900"},
			wantErr: "PAPERGIST_ACCESS_TTL",
		},
		{
			name:    "login window not a duration",
			env:     map[string]string{"PAPERGIST_JWT_SECRET": secret, "PAPERGIST_LOGIN_WINDOW": "300"},
			wantErr: "PAPERGIST_LOGIN_WINDOW",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := loadConfig(func(k string) string { return tt.env[k] })
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestMisconfiguredSaysWhyInTheAPIErrorShape(t *testing.T) {
	_, err := loadConfig(func(string) string { return "" })
	require.Error(t, err)
	rec := httptest.NewRecorder()
	misconfigured(err).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/me", nil))

	assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
	assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	var body syncproto.ErrorBody
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
	assert.Equal(t, syncproto.CodeUnavailable, body.Error.Code)
	assert.Contains(t, body.Error.Message, "PAPERGIST_JWT_SECRET")
}
