#!/usr/bin/env bash
# Backs up vanthu while it runs, into one archive (tar): the database, demo-tokens.json when there is one, and
# manifest.json (what, when, the row count of every table, the end of the audit chain, the SHA-256 of each file).
#
#   scripts/backup.sh [ARCHIVE]      # default ./vanthu-backup-<UTC time>.tar
#
# It reads the service's settings (VANTHU_DATA_DIR, VANTHU_DB_URL, VANTHU_DB_USER, VANTHU_DB_PASSWORD, VANTHU_PORT);
# relative paths count from the project folder, as for scripts/run.sh.
#  - H2: the service itself copies its database (POST /api/v1/admin/backup runs H2's BACKUP TO), because the
#    running service holds the H2 file locked. Needs an administrator's token: BACKUP_TOKEN, or in development the
#    admin token of demo-tokens.json; the service's address: BACKUP_URL (default http://127.0.0.1:$VANTHU_PORT).
#  - PostgreSQL: pg_dump -Fc (needs pg_dump, as new as the server: apt-get install postgresql-client).
# H2_JAR names the jar with H2's tools (default target/vanthu.jar). Restore with scripts/restore.sh.
set -euo pipefail
umask 077   # the archive holds keys, token hashes and every document
archive=${1:-vanthu-backup-$(date -u +%Y%m%dT%H%M%SZ).tar}
case "$archive" in /*) ;; *) archive=$PWD/$archive ;; esac
cd "$(dirname "$0")/.."
# shellcheck source=lib/backup-common.sh
. scripts/lib/backup-common.sh

[ ! -e "$archive" ] || die "$archive exists; choose a new name"
kind=$(db_kind)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/backup"
out=$work/backup
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)

if [ "$kind" = h2 ]; then
  dbfile=database.zip
  token=${BACKUP_TOKEN:-}
  if [ -z "$token" ] && [ -f "$(data_dir)/demo-tokens.json" ]; then
    token=$(sed -n 's/.*"admin" *: *"\([^"]*\)".*/\1/p' "$(data_dir)/demo-tokens.json")
  fi
  [ -n "$token" ] || die "set BACKUP_TOKEN to an administrator's bearer token"
  url=${BACKUP_URL:-http://127.0.0.1:${VANTHU_PORT:-8080}}
  status=$(curl -sS -X POST -H "Authorization: Bearer $token" -o "$out/$dbfile" -w '%{http_code}' "$url/api/v1/admin/backup") \
    || die "cannot reach the service at $url"
  [ "$status" = 200 ] || die "the service answered $status: $(head -c 500 "$out/$dbfile")"
  # Open the copy (never the live file) to count what it holds; this also proves it opens.
  h2_java org.h2.tools.Restore -file "$out/$dbfile" -dir "$work/check" -quiet
  copy=$(find "$work/check" -name '*.mv.db' | head -1)
  [ -n "$copy" ] || die "the service's backup holds no H2 database"
  copy=${copy%.mv.db}
  counts=$(h2_counts "$copy")
  head=$(h2_audit_head "$copy")
  source=$(h2_path)
else
  command -v pg_dump >/dev/null || die "pg_dump is not installed (apt-get install postgresql-client)"
  dbfile=database.dump
  pg_env
  pg_dump --format=custom --no-owner --no-privileges --file="$out/$dbfile"
  counts=$(pg_dump_counts "$out/$dbfile")
  head=$(pg_dump_audit_head "$out/$dbfile")
  source="postgresql://$PGHOST:$PGPORT/$PGDATABASE"
fi
[ -n "$counts" ] || die "the backup holds no tables"

files=("$dbfile")
if [ -f "$(data_dir)/demo-tokens.json" ]; then
  cp "$(data_dir)/demo-tokens.json" "$out/demo-tokens.json"
  files+=(demo-tokens.json)
fi

{
  echo '{'
  echo '  "format": "vanthu-backup 1",'
  echo "  \"createdAt\": \"$created\","
  echo "  \"database\": \"$kind\","
  echo "  \"source\": \"$source\","
  echo '  "files": {'
  for f in "${files[@]}"; do
    echo "    \"$f\": \"$(sha256 "$out/$f")\""
  done | sed '$!s/$/,/'
  echo '  },'
  echo '  "tables": {'
  echo "$counts" | sed 's/^/    /; $!s/$/,/'
  echo '  },'
  echo "  \"audit\": {\"lastSeq\": ${head%% *}, \"lastHash\": \"${head#* }\"}"
  echo '}'
} >"$out/manifest.json"

tar -cf "$archive.part" -C "$out" manifest.json "${files[@]}"
mv "$archive.part" "$archive"
echo "$archive"
