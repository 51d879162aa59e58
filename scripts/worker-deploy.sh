#!/usr/bin/env bash
# make deploy: deploys the sync backend to the Cloudflare account wrangler is logged in to (`wrangler login`, or
# CLOUDFLARE_API_TOKEN + CLOUDFLARE_ACCOUNT_ID). Creates the D1 database on the first run, applies the migrations
# to it, sets a random JWT secret if the Worker has none, and deploys. Safe to re-run: it never replaces the secret.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/worker-env.sh
db_name="${PAPERGIST_D1_NAME:-papergist}"
config="$worker_dir/wrangler.deploy.toml"

# --json: plain whoami exits 0 even when not logged in.
wrangler whoami --json >/dev/null 2>&1 || {
	echo "deploy: wrangler is not logged in: run 'cd backend/cmd/worker && npx wrangler login' (or set CLOUDFLARE_API_TOKEN)" >&2
	exit 1
}
scripts/worker-build.sh
scripts/worker-size.sh

db_id() {
	local list
	list="$(wrangler d1 list --json)" || { echo "deploy: wrangler d1 list failed" >&2; return 1; }
	node -e '
		const dbs = JSON.parse(require("fs").readFileSync(0, "utf8") || "[]");
		const db = dbs.find((d) => d.name === process.argv[1]);
		if (db) console.log(db.uuid);' "$db_name" <<<"$list"
}
id="$(db_id)"
if [[ -z "$id" ]]; then
	wrangler d1 create "$db_name"
	id="$(db_id)"
fi
[[ -n "$id" ]] || { echo "deploy: could not find or create the D1 database $db_name" >&2; exit 1; }

# The deploy copy sits beside wrangler.toml so that its relative paths (main, migrations_dir) still hold.
sed -E -e "s/^database_name = .*/database_name = \"$db_name\"/" -e "s/^database_id = .*/database_id = \"$id\"/" \
	"$worker_dir/wrangler.toml" >"$config"
wrangler d1 migrations apply "$db_name" --remote --config "$config"

secrets=()
if ! wrangler secret list --config "$config" 2>/dev/null | grep -q '"PAPERGIST_JWT_SECRET"'; then
	secrets_file="$(mktemp)"
	trap 'rm -f "$secrets_file"' EXIT
	printf '{"PAPERGIST_JWT_SECRET":"%s"}\n' "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$secrets_file"
	secrets=(--secrets-file "$secrets_file")
fi
wrangler deploy --config "$config" "${secrets[@]}"
