#!/usr/bin/env bash
# Restores an archive of scripts/backup.sh into an EMPTY target, then checks it against the archive's manifest.
#
#   scripts/restore.sh ARCHIVE
#
# The target is where the service's settings point (VANTHU_DATA_DIR, VANTHU_DB_URL, VANTHU_DB_USER,
# VANTHU_DB_PASSWORD; relative paths count from the project folder, as for scripts/run.sh):
#  - H2: the data folder must be empty or absent, and the database file absent; the service must not be running.
#  - PostgreSQL: the database must exist and hold no table (createdb it); needs pg_restore and psql.
# An archive goes back to the kind of database it came from. Every file's SHA-256 is checked before anything is
# written, and every table's row count after. Then start the service and check GET /api/v1/audit/verify.
set -euo pipefail
umask 077
[ $# -eq 1 ] || { echo "usage: $0 ARCHIVE" >&2; exit 2; }
archive=$1
case "$archive" in /*) ;; *) archive=$PWD/$archive ;; esac
cd "$(dirname "$0")/.."
# shellcheck source=lib/backup-common.sh
. scripts/lib/backup-common.sh

[ -f "$archive" ] || die "$archive not found"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xf "$archive" -C "$work"
manifest=$work/manifest.json
[ -f "$manifest" ] || die "$archive has no manifest.json: not a vanthu backup"
grep -q '"format": "vanthu-backup 1"' "$manifest" || die "$archive: unknown backup format"
from=$(sed -n 's/^ *"database": "\([a-z0-9]*\)".*/\1/p' "$manifest")
kind=$(db_kind)
[ "$from" = "$kind" ] || die "the backup is of $from; VANTHU_DB_URL points at $kind"
for f in database.zip database.dump demo-tokens.json; do
  expected=$(manifest_sha "$manifest" "$f")
  if [ -n "$expected" ]; then
    [ -f "$work/$f" ] || die "$archive lacks $f"
    [ "$(sha256 "$work/$f")" = "$expected" ] || die "$f does not match its SHA-256 in the manifest"
  fi
done

dir=$(data_dir)
if [ "$kind" = h2 ]; then
  target=$(h2_path)
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then die "$dir is not empty: restore into an empty data folder"; fi
  [ ! -e "$target.mv.db" ] || die "$target.mv.db exists: restore into an empty data folder"
  h2_java org.h2.tools.Restore -file "$work/database.zip" -dir "$work/h2" -quiet
  restored=$(find "$work/h2" -name '*.mv.db' | head -1)
  [ -n "$restored" ] || die "database.zip holds no H2 database"
  mkdir -p "$dir" "$(dirname "$target")"
  # The copy keeps the name of the database it came from; the target's name is this service's.
  mv "$restored" "$target.mv.db"
  counts=$(h2_counts "$target")
else
  command -v pg_restore >/dev/null || die "pg_restore is not installed (apt-get install postgresql-client)"
  pg_env
  [ "$(pg_sql "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ] \
    || die "database $PGDATABASE on $PGHOST is not empty: restore into a new database (createdb)"
  [ ! -e "$dir/demo-tokens.json" ] || die "$dir/demo-tokens.json exists: restore into an empty data folder"
  pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$PGDATABASE" "$work/database.dump"
  counts=$(pg_counts)
fi
if [ -f "$work/demo-tokens.json" ]; then
  mkdir -p "$dir"
  cp "$work/demo-tokens.json" "$dir/demo-tokens.json"
  chmod 600 "$dir/demo-tokens.json"
fi

if ! diff <(manifest_counts "$manifest") <(echo "$counts") >"$work/diff"; then
  die "the restored tables differ from the manifest (< manifest, > restored):
$(cat "$work/diff")"
fi
echo "Restored $(echo "$counts" | wc -l) tables of the backup of $(sed -n 's/^ *"createdAt": "\(.*\)".*/\1/p' "$manifest"); row counts match the manifest"
