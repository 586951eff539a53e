#!/usr/bin/env bash
# Nothing lost in a crash: OPS (default 1000) operations from WORKERS (4) parallel curl clients — issue a dispatch
# (draft, official's signature, issue with the seal), copy an issued one (SY or TrS), open + file + close a dossier,
# upload a document — while the service is killed with SIGKILL every 20–60 operations and started again. Then:
#   duplicates / gaps  in the outgoing series (the register) and the copy series (COPIED events of the dispatches);
#                      the numbers the killed instances held are given back, so as many new issues (and copies) as
#                      there are holes must fill them exactly ("refilled" in the line printed);
#   orphans            every issued dispatch's file, every closed dossier's package, every acknowledged issue and
#                      upload answers 200 (no document referenced without its bytes, nothing acknowledged lost). Bytes referenced by nothing are
#                      deleted an hour later by the sweeper: OrphanSweeperTest covers that with a movable clock;
#   invalid signatures pdfsig finds two valid signatures (the official's and the seal) in every issued dispatch;
#   audit              GET /api/v1/audit/verify is intact.
#   register total     the outgoing register's page shows as many documents as are issued (its kept count,
#                      counted up in each issuing transaction); a difference counts as an orphan.
# Prints one line per database and exits non-zero on any failure:
#   crash-test h2: operations 1000, kills 25, duplicates 0, gaps 0, orphans 0, invalid signatures 0, audit intact
# Usage: scripts/crash-test.sh   (OPS, WORKERS, CRASH_DBS="h2 postgresql", KEEP=1 keeps the work folder)
# Needs curl, jq, pdfsig (poppler-utils), java; PostgreSQL is the embedded one of scripts/bench.sh dispatch2.
set -euo pipefail
cd "$(dirname "$0")/.."
OPS=${OPS:-1000}; WORKERS=${WORKERS:-4}; DBS=${CRASH_DBS:-h2 postgresql}
for t in curl jq pdfsig java; do command -v $t >/dev/null || { echo "crash-test: missing $t" >&2; exit 2; }; done
if [ ! -f target/vanthu.jar ] || [ -n "$(find src/main pom.xml -newer target/vanthu.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package
fi
if [[ " $DBS " == *" postgresql "* ]]; then
  [ -f target/test-classes/vn/vanthu/bench/BenchPostgres.class ] || mvn -B -q -DskipTests test-compile
  [ -f target/bench.classpath ] && [ target/bench.classpath -nt pom.xml ] \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/vanthu-crash.XXXXXX")
svc=""; pg=""
stop_all() {
  if [ -n "$svc" ]; then kill -KILL "$svc" 2>/dev/null || true; wait "$svc" 2>/dev/null || true; fi
  if [ -n "$pg" ]; then kill -TERM "$pg" 2>/dev/null || true; wait "$pg" 2>/dev/null || true; fi
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap stop_all EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_service() {  # $1 = folder, then settings (NAME=value …)
  local dir=$1; shift
  env "$@" VANTHU_PROFILE=dev VANTHU_DATA_DIR="$dir/data" VANTHU_HOST=127.0.0.1 VANTHU_PORT="$port" \
    java -Xmx512m -jar target/vanthu.jar >>"$dir/service.log" 2>&1 &
  svc=$!
  local i
  for i in $(seq 600); do
    curl -sf -o /dev/null "$url/health" && return 0
    kill -0 "$svc" 2>/dev/null || break
    sleep 0.2
  done
  echo "crash-test: the service did not start" >&2; tail -30 "$dir/service.log" >&2; exit 1
}

# One operation, run by a worker: waits while the service restarts, then does its work. A failure (the service
# was killed under it) is normal; only what the service acknowledged is recorded.
op() {
  until curl -sf -o /dev/null --max-time 2 "$url/health"; do sleep 0.2; done
  op_work "$1" || true
  echo "$1" >>"$dir/done"
}
op_work() {
  set -o pipefail   # bash -c does not inherit it: a killed curl must not pass for an empty answer
  local n=$1 r id did sha
  case $(( n % 10 )) in
    0|1|2|3) if id=$(issue_one); then echo "$id" >>"$dir/issued"; fi ;;
    4|5) id=$(shuf -n1 "$dir/issued" 2>/dev/null || true)
         if [ -n "$id" ]; then
           if (( n % 20 < 10 )); then r=(-F form=TrS -F pages=1); else r=(-F form=TrS -F pages=1-1); fi
           curl -sf -o /dev/null --max-time 120 -H "Authorization: Bearer $clerk" -F "source=$id" "${r[@]}" \
             -F keyId=seal -F pin=123456 "$url/api/v1/copies" || true
         fi ;;
    6) id=$(shuf -n1 "$dir/issued" 2>/dev/null || true)
       did=$(curl -sf --max-time 60 -H "Authorization: Bearer $clerk" -H 'Content-Type: application/json' \
         -d "{\"symbol\":\"CT.$n\",\"title\":\"Hồ sơ thử $n\",\"retention\":\"10Y\",\"responsibleUserId\":\"$clerk_id\"}" \
         "$url/api/v1/dossiers" | jq -er .id) || return 0
       if [ -n "$id" ]; then
         curl -sf -o /dev/null --max-time 120 -H "Authorization: Bearer $clerk" -H 'Content-Type: application/json' \
           -d "{\"dispatchId\":\"$id\"}" "$url/api/v1/dossiers/$did/documents" || return 0
       fi
       curl -sf -o /dev/null --max-time 180 -H "Authorization: Bearer $clerk" -H 'Content-Type: application/json' \
         -d '{"keyId":"seal","pin":"123456"}' "$url/api/v1/dossiers/$did/close" || true ;;
    *) head -c $(( 1000 + RANDOM )) /dev/urandom >"$dir/up.$n"
       if sha=$(curl -sf --max-time 60 -H "Authorization: Bearer $clerk" -F "file=@$dir/up.$n;type=application/octet-stream" \
         "$url/api/v1/documents" | jq -er .sha256) && [ -n "$sha" ]; then echo "$sha" >>"$dir/uploads"; fi
       rm -f "$dir/up.$n" ;;
  esac
}
issue_one() {  # draft → signed by the official → issued; prints the id
  set -o pipefail
  local id
  id=$(curl -sf --max-time 60 -H "Authorization: Bearer $clerk" -F "file=@$pdf;type=application/pdf" -F "metadata=$meta" \
    "$url/api/v1/dispatches" | jq -er .id) && [ -n "$id" ] || return 1
  curl -sf -o /dev/null --max-time 120 -H "Authorization: Bearer $official" -H 'Content-Type: application/json' \
    -d '{"keyId":"official1","pin":"123456"}' "$url/api/v1/dispatches/$id/sign" || return 1
  curl -sf -o /dev/null --max-time 120 -H "Authorization: Bearer $clerk" -H 'Content-Type: application/json' \
    -d '{"keyId":"seal","pin":"123456"}' "$url/api/v1/dispatches/$id/issue" || return 1
  echo "$id"
}
export -f op op_work issue_one

# Every page of a list endpoint, items as JSON lines.
all_items() {
  local path=$1 cursor="" page sep
  while :; do
    sep='?'; [[ $path == *'?'* ]] && sep='&'
    page=$(curl -sf -H "Authorization: Bearer $auditor" "$url$path${sep}limit=200${cursor:+&cursor=$cursor}")
    jq -c '.items[]' <<<"$page"
    cursor=$(jq -r '.nextCursor // empty' <<<"$page")
    [ -n "$cursor" ] || break
  done
}
outgoing_numbers() { curl -sf -H "Authorization: Bearer $auditor" "$url/api/v1/registers/outgoing?year=$year&format=json" \
  | jq -r '.items[].number' | sed 's#/.*##' | sed 's/^0*//'; }
copy_numbers() {  # from the COPIED events of every issued dispatch ("SY 07/SY-SKHCN" …)
  local id
  for id in $(all_items "/api/v1/dispatches?status=ISSUED&year=$year" | jq -r .id); do
    curl -sf -H "Authorization: Bearer $auditor" "$url/api/v1/dispatches/$id" \
      | jq -r '.history[] | select(.action == "COPIED") | .details' | awk '{print $2}' | sed 's#/.*##' | sed 's/^0*//'
  done
}
holes() { sort -n | awk 'BEGIN { m = 0 } { seen[$1]++; if ($1 > m) m = $1 } END { for (i = 1; i <= m; i++) if (!seen[i]) h++; print h + 0 }'; }
dups() { sort -n | uniq -d | wc -l; }

run() {
  local db=$1 settings=() t0 target d kills=0
  t0=$(date +%s)
  dir="$work/$db"; mkdir -p "$dir/data"; : >"$dir/done"; : >"$dir/issued"; : >"$dir/uploads"
  port=$(free_port); url="http://127.0.0.1:$port"
  if [ "$db" = postgresql ]; then
    java -cp "target/test-classes:$(cat target/bench.classpath)" vn.vanthu.bench.BenchPostgres "$dir/pg" >"$dir/pg.log" 2>&1 &
    pg=$!
    until grep -q '^VANTHU_DB_URL=' "$dir/pg.log" 2>/dev/null; do
      kill -0 "$pg" 2>/dev/null || { echo "crash-test: PostgreSQL did not start" >&2; tail -20 "$dir/pg.log" >&2; exit 1; }
      sleep 0.2
    done
    read -ra settings <<<"$(grep -m1 '^VANTHU_DB_URL=' "$dir/pg.log")"
  fi
  start_service "$dir" "${settings[@]}"
  official=$(jq -r .official "$dir/data/demo-tokens.json"); clerk=$(jq -r .clerk "$dir/data/demo-tokens.json")
  auditor=$(jq -r .auditor "$dir/data/demo-tokens.json")
  clerk_id=$(curl -sf -H "Authorization: Bearer $clerk" "$url/api/v1/users/me" | jq -r .id)
  local signer; signer=$(curl -sf -H "Authorization: Bearer $official" "$url/api/v1/users/me" | jq -r .id)
  pdf=scripts/samples/cong-van-don-doc-cchc-2023.pdf
  meta=$(jq -nc --arg s "$signer" '{documentType:"CV", subject:"V/v thử khôi phục sau sự cố", signerPosition:"PHÓ GIÁM ĐỐC",
    signerName:"Nguyễn Hữu Thắng", signerUserId:$s, recipients:["Các phòng"], draftingUnit:"VP", priority:"NORMAL", secret:false}')
  export dir url official clerk clerk_id pdf meta

  seq "$OPS" | xargs -P "$WORKERS" -I{} bash -c 'op {}' &
  local workers=$!
  target=$(( 20 + RANDOM % 41 ))
  while kill -0 "$workers" 2>/dev/null; do
    d=$(wc -l <"$dir/done")
    if [ "$d" -ge "$target" ] && [ "$d" -le $(( OPS - WORKERS * 2 )) ]; then
      kill -KILL "$svc"; wait "$svc" 2>/dev/null || true; kills=$((kills + 1))
      start_service "$dir" "${settings[@]}"
      target=$(( d + 20 + RANDOM % 41 ))
    fi
    sleep 0.1
  done
  wait "$workers" || true
  # On PostgreSQL an instance is known dead three missed heartbeats (30 s) after its last one; on H2 at start.
  if [ "$db" = postgresql ]; then sleep 42; fi

  year=$(TZ=Asia/Ho_Chi_Minh date +%Y)   # the series year is Vietnam's
  local out_holes copy_holes refilled i id
  out_holes=$(outgoing_numbers | holes); copy_holes=$(copy_numbers | holes)
  refilled=$((out_holes + copy_holes))
  for i in $(seq "$out_holes"); do id=$(issue_one) && echo "$id" >>"$dir/issued"; done
  for i in $(seq "$copy_holes"); do
    id=$(head -1 "$dir/issued")
    curl -sf -o /dev/null -H "Authorization: Bearer $clerk" -F "source=$id" -F form=TrS -F pages=1 -F keyId=seal -F pin=123456 "$url/api/v1/copies"
  done
  local outgoing copies duplicates gaps orphans=0 invalid=0 intact
  outgoing=$(outgoing_numbers); copies=$(copy_numbers)
  duplicates=$(( $(dups <<<"$outgoing") + $(dups <<<"$copies") ))
  gaps=$(( $(holes <<<"$outgoing") + $(holes <<<"$copies") ))
  for id in $(all_items "/api/v1/dispatches?status=ISSUED&year=$year" | jq -r .id); do
    if ! curl -sf -o "$dir/f.pdf" -H "Authorization: Bearer $auditor" "$url/api/v1/dispatches/$id/file"; then
      orphans=$((orphans + 1)); echo "crash-test $db: issued dispatch $id has no file" >&2; continue
    fi
    [ "$(pdfsig "$dir/f.pdf" 2>/dev/null | grep -c 'Signature is Valid')" = 2 ] \
      || { invalid=$((invalid + 1)); echo "crash-test $db: dispatch $id lacks two valid signatures" >&2; }
  done
  for id in $(all_items "/api/v1/dossiers?status=CLOSED" | jq -r .id); do
    curl -sf -o /dev/null -H "Authorization: Bearer $auditor" "$url/api/v1/dossiers/$id/package" \
      || { orphans=$((orphans + 1)); echo "crash-test $db: closed dossier $id has no package" >&2; }
  done
  while read -r id; do   # every issue the service acknowledged is still there
    curl -sf -o /dev/null -H "Authorization: Bearer $auditor" "$url/api/v1/dispatches/$id/file" \
      || { orphans=$((orphans + 1)); echo "crash-test $db: dispatch $id issued, then lost" >&2; }
  done <"$dir/issued"
  while read -r sha; do
    curl -sf -o /dev/null -H "Authorization: Bearer $auditor" "$url/api/v1/documents/$sha" \
      || { orphans=$((orphans + 1)); echo "crash-test $db: upload $sha acknowledged, then lost" >&2; }
  done <"$dir/uploads"
  intact=$(curl -sf -H "Authorization: Bearer $auditor" "$url/api/v1/audit/verify" | jq -r 'if .intact then "intact" else "BROKEN" end')
  local issued shown   # the register's kept total is the count of its issued dispatches
  issued=$(all_items "/api/v1/dispatches?status=ISSUED&year=$year" | jq -r .id | wc -l)
  shown=$(curl -sf -H "Authorization: Bearer $auditor" "$url/registers/outgoing?year=$year" | grep -o '[0-9][0-9]* văn bản · trang' | head -1 | cut -d' ' -f1)
  [ "$shown" = "$issued" ] || { orphans=$((orphans + 1)); echo "crash-test $db: the register shows $shown documents, $issued are issued" >&2; }
  kill -KILL "$svc"; wait "$svc" 2>/dev/null || true; svc=""
  if [ -n "$pg" ]; then kill -TERM "$pg"; wait "$pg" 2>/dev/null || true; pg=""; fi
  echo "crash-test $db: operations $OPS, kills $kills, duplicates $duplicates, gaps $gaps, orphans $orphans," \
    "invalid signatures $invalid, audit $intact ($(wc -l <"$dir/issued") issued, register total $shown of $issued," \
    "$refilled numbers given back and refilled, $(( $(date +%s) - t0 )) s)"
  [ "$duplicates" = 0 ] && [ "$gaps" = 0 ] && [ "$orphans" = 0 ] && [ "$invalid" = 0 ] && [ "$intact" = intact ]
}

status=0
for db in $DBS; do run "$db" || status=1; done
exit $status
