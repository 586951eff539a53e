# shellcheck shell=bash
# Shared by scripts/backup.sh and scripts/restore.sh. Where the database is comes from the service's own settings
# (VANTHU_DATA_DIR, VANTHU_DB_URL, VANTHU_DB_USER, VANTHU_DB_PASSWORD), read the way the service reads them; table
# counts are printed as manifest lines ('"users": 5'), one per table, sorted, so that two counts compare with diff.

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

data_dir() { echo "${VANTHU_DATA_DIR:-./data}"; }

db_kind() {
  case "${VANTHU_DB_URL:-}" in
    "" | jdbc:h2:*) echo h2 ;;
    jdbc:postgresql:*) echo postgresql ;;
    *) die "VANTHU_DB_URL must start with jdbc:h2: or jdbc:postgresql:" ;;
  esac
}

# The H2 database file the service opens, without its .mv.db ending.
h2_path() {
  local url=${VANTHU_DB_URL:-}
  if [ -z "$url" ]; then
    echo "$(data_dir)/vanthu"
    return
  fi
  local p=${url#jdbc:h2:}
  p=${p%%;*}
  p=${p#file:}
  case "$p" in
    mem:* | tcp:* | ssl:* | zip:*) die "VANTHU_DB_URL is not an H2 file database: $url" ;;
  esac
  echo "$p"
}

# H2's own tools (Shell, Restore) come from the service's jar, or H2_JAR when set (the tests pass H2's jar).
h2_java() {
  local jar=${H2_JAR:-target/vanthu.jar}
  [ -f "$jar" ] || die "$jar not found: build it (mvn -DskipTests package) or set H2_JAR"
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$jar" "$@"
}

# Runs SQL on an H2 file database that no service holds open (a backup copy), read-only; prints the rows.
h2_sql() {
  h2_java org.h2.tools.Shell -url "jdbc:h2:file:$1;ACCESS_MODE_DATA=r" \
    -user "${VANTHU_DB_USER:-}" -password "${VANTHU_DB_PASSWORD:-}" -sql "$2"
}

h2_counts() {
  local t q="" tables
  # '@' marks result rows: Shell also prints a header and a row count.
  tables=$(h2_sql "$1" "SELECT '@' || TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'" | sed -n 's/^@//p')
  for t in $tables; do
    q+="${q:+ UNION ALL }SELECT '@\"' || LOWER('$t') || '\": ' || COUNT(*) FROM \"$t\""
  done
  [ -n "$q" ] || return 0
  h2_sql "$1" "$q" | sed -n 's/^@//p' | sed 's/ *$//' | LC_ALL=C sort
}

# libpq's PG* variables from the JDBC URL (jdbc:postgresql://host[:port]/database[?user=…&password=…&sslmode=…]);
# VANTHU_DB_USER and VANTHU_DB_PASSWORD win over the URL's parameters, as they do in the service.
pg_env() {
  [[ $VANTHU_DB_URL == jdbc:postgresql://*/* ]] || die "VANTHU_DB_URL must name a host: jdbc:postgresql://host[:port]/database"
  local url=${VANTHU_DB_URL#jdbc:postgresql://} hostport db params="" kv user=${VANTHU_DB_USER:-} pass=${VANTHU_DB_PASSWORD:-}
  hostport=${url%%/*}
  db=${url#*/}
  if [[ $db == *\?* ]]; then
    params=${db#*\?}
    db=${db%%\?*}
  fi
  export PGHOST=${hostport%%:*} PGPORT=5432 PGDATABASE=$db
  if [[ $hostport == *:* ]]; then PGPORT=${hostport##*:}; fi
  local IFS='&'
  for kv in $params; do
    case $kv in
      user=*) [ -n "$user" ] || user=${kv#user=} ;;
      password=*) [ -n "$pass" ] || pass=${kv#password=} ;;
      sslmode=*) export PGSSLMODE=${kv#sslmode=} ;;
    esac
  done
  if [ -n "$user" ]; then export PGUSER=$user; fi
  if [ -n "$pass" ]; then export PGPASSWORD=$pass; fi
}

pg_sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }

# Counts of the database PG* points at.
pg_counts() {
  local t q="" tables
  tables=$(pg_sql "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
  for t in $tables; do
    q+="${q:+ UNION ALL }SELECT '\"$t\": ' || COUNT(*) FROM public.\"$t\""
  done
  [ -n "$q" ] || return 0
  pg_sql "$q" | LC_ALL=C sort
}

# Counts of a pg_dump archive, read from its data (one COPY line per row), so they describe the dump's snapshot.
pg_dump_counts() {
  pg_restore --data-only --file=- "$1" | awk '
    /^COPY / { t = $2; sub(/^public\./, "", t); gsub(/"/, "", t); n = 0; copying = 1; next }
    copying && $0 == "\\." { printf "\"%s\": %d\n", t, n; copying = 0; next }
    copying { n++ }' | LC_ALL=C sort
}

# The "tables" lines of a manifest, in the same form as the counts above.
manifest_counts() {
  sed -n '/"tables": {/,/}/p' "$1" | grep '": [0-9]' | sed 's/^ *//; s/,$//' | LC_ALL=C sort
}

# The SHA-256 a manifest records for one of the archive's files.
manifest_sha() {
  sed -n "s/^ *\"$2\": \"\([0-9a-f]\{64\}\)\".*/\1/p" "$1"
}

sha256() { sha256sum "$1" | cut -d' ' -f1; }

# "<last seq> <last hash>" of the audit chain in an H2 copy or a pg_dump archive: the manifest records where the
# chain ended, so a restored service's GET /api/v1/audit/verify can be compared with it.
h2_audit_head() {
  h2_sql "$1" "SELECT '@' || last_seq || ' ' || last_hash FROM audit_head" | sed -n 's/^@//p' | sed 's/ *$//'
}

pg_dump_audit_head() {
  pg_restore --data-only --table=audit_head --file=- "$1" | awk -F'\t' '
    /^COPY / { copying = 1; next }
    copying && $0 == "\\." { copying = 0; next }
    copying { print $2 " " $3 }'
}
