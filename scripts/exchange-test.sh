#!/usr/bin/env bash
# The exchange between agencies with real processes (H2 each): A (Sở KH&CN) sends to B (Sở Nội vụ) and C (Sở Tài chính).
#   1. C is down: A sends one dispatch to B and C; the copy for C waits in A's outbox.
#   2. A issues and sends N dispatches to B; B is killed with SIGKILL while it receives them, then started again.
#   3. B registers every one: incoming numbers 1..N+1 without gap or duplicate; each status 03 reaches A.
#   4. A issues and sends N more; A is killed with SIGKILL while it delivers them, then started again.
#   5. C comes up and joins the directories: it receives its copy of step 1, once.
#   6. A recalls that dispatch: B (registered, not handled) and C (received) both answer 15.
# Then: B holds every message of A exactly once (2N+1, no duplicate DocumentId); sampled documents at B keep valid
# signatures (DSS verdicts and pdfsig); the audit chains of A, B and C are intact. Prints one line and exits non-zero on
# any failure:
#   exchange-test: N 200, B killed at 57/201, A killed at 262/401, delivered 401, duplicates 0, gaps 0, statuses 201/201,
#   C 1, recall 15/15, signatures ok, audit A intact B intact C intact (… s)
# Usage: scripts/exchange-test.sh   (N=200, WORKERS=4, KEEP=1 keeps the work folder)
# Needs curl, jq, pdfsig (poppler-utils), java.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-200}; WORKERS=${WORKERS:-4}
for t in curl jq pdfsig java python3; do command -v $t >/dev/null || { echo "exchange-test: missing $t" >&2; exit 2; }; done
if [ ! -f target/vanthu.jar ] || [ -n "$(find src/main pom.xml -newer target/vanthu.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/vanthu-exchange.XXXXXX")
declare -A pid port name organ
stop_all() {
  local a
  for a in "${!pid[@]}"; do kill -KILL "${pid[$a]}" 2>/dev/null || true; wait "${pid[$a]}" 2>/dev/null || true; done
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap stop_all EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
organ[A]=000.00.12.H56; name[A]="Sở Khoa học và Công nghệ tỉnh Thái Bình"
organ[B]=000.00.01.H56; name[B]="Sở Nội vụ tỉnh Thái Bình"
organ[C]=000.00.05.H56; name[C]="Sở Tài chính tỉnh Thái Bình"
for a in A B C; do port[$a]=$(free_port); mkdir -p "$work/$a/data"; done
url() { echo "http://127.0.0.1:${port[$1]}"; }
tok() { jq -r ".$2" "$work/$1/data/demo-tokens.json"; }

start() {  # $1 = agency
  local a=$1 i
  env VANTHU_PROFILE=dev VANTHU_DATA_DIR="$work/$a/data" VANTHU_HOST=127.0.0.1 VANTHU_PORT="${port[$a]}" \
    VANTHU_ORGAN_ID="${organ[$a]}" VANTHU_AGENCY_NAME="${name[$a]}" VANTHU_EXCHANGE_POLL_MILLIS=200 \
    VANTHU_EXCHANGE_RETRY_MAX_SECONDS=5 java -Xmx512m -jar target/vanthu.jar >>"$work/$a/service.log" 2>&1 &
  pid[$a]=$!
  for i in $(seq 600); do
    curl -sf -o /dev/null "$(url "$a")/health" && return 0
    kill -0 "${pid[$a]}" 2>/dev/null || break
    sleep 0.2
  done
  echo "exchange-test: $a did not start" >&2; tail -30 "$work/$a/service.log" >&2; exit 1
}
kill9() {  # in this shell, so that wait reaps it: its database file is free once it returns
  kill -KILL "${pid[$1]}"; wait "${pid[$1]}" 2>/dev/null || true
  while kill -0 "${pid[$1]}" 2>/dev/null; do sleep 0.1; done
}
api() {  # agency user method path [json]
  local a=$1 u=$2 m=$3 p=$4 body=()
  [ -z "${5:-}" ] || body=(-d "$5")
  curl -sf --max-time 180 -X "$m" -H "Authorization: Bearer $(tok "$a" "$u")" -H 'Content-Type: application/json' \
    "${body[@]}" "$(url "$a")$p"
}
organ_json() {  # agency-described, inbox token or ""
  jq -nc --arg id "${organ[$1]}" --arg n "${name[$1]}" --arg u "$(url "$1")/api/v1/exchange/inbox" \
    --rawfile c <(cat keystore-samples/seal.crt keystore-samples/issuing-ca.crt) --rawfile r keystore-samples/root-ca.crt \
    --arg t "$2" '{organId:$id, name:$n, inboxUrl:$u, certificate:$c, anchor:$r} + (if $t == "" then {} else {inboxToken:$t} end)'
}
list_organ() { api "$1" admin POST /api/v1/organs "$(organ_json "$2" "")" >/dev/null; }   # $1 lists $2
trust_each_other() {  # each issues the other a token for its inbox, the other stores it
  local t
  t=$(api "$1" admin POST "/api/v1/organs/${organ[$2]}/tokens" '{"expiresInDays":30}' | jq -r .token)
  api "$2" admin PUT "/api/v1/organs/${organ[$1]}" "$(organ_json "$1" "$t")" >/dev/null
  t=$(api "$2" admin POST "/api/v1/organs/${organ[$1]}/tokens" '{"expiresInDays":30}' | jq -r .token)
  api "$1" admin PUT "/api/v1/organs/${organ[$2]}" "$(organ_json "$2" "$t")" >/dev/null
}

issue_one() {  # $1 = recipients JSON array; prints the dispatch id
  set -o pipefail
  local id meta
  meta=$(jq -nc --arg s "$signer" --argjson r "$1" '{documentType:"CV", subject:"V/v thử trao đổi văn bản", signerPosition:"PHÓ GIÁM ĐỐC",
    signerName:"Nguyễn Hữu Thắng", signerUserId:$s, recipients:$r, draftingUnit:"VP", priority:"NORMAL", secret:false}')
  id=$(curl -sf --max-time 120 -H "Authorization: Bearer $clerkA" -F "file=@scripts/samples/cong-van-don-doc-cchc-2023.pdf;type=application/pdf" \
    -F "metadata=$meta" "$urlA/api/v1/dispatches" | jq -er .id) || return 1
  curl -sf -o /dev/null --max-time 180 -H "Authorization: Bearer $officialA" -H 'Content-Type: application/json' \
    -d '{"keyId":"official1","pin":"123456"}' "$urlA/api/v1/dispatches/$id/sign" || return 1
  curl -sf -o /dev/null --max-time 180 -H "Authorization: Bearer $clerkA" -H 'Content-Type: application/json' \
    -d '{"keyId":"seal","pin":"123456"}' "$urlA/api/v1/dispatches/$id/issue" || return 1
  echo "$id"
}
send_one() { curl -sf -o /dev/null --max-time 60 -X POST -H "Authorization: Bearer $clerkA" "$urlA/api/v1/dispatches/$1/send"; }
register_one() { curl -sf --max-time 60 -X POST -H "Authorization: Bearer $clerkB" "$urlB/api/v1/incoming/$1/register" | jq -r .incomingNumber; }
export -f issue_one send_one register_one

incoming_at() {  # every incoming document of agency $1 as JSON lines
  local cursor="" page
  while :; do
    page=$(api "$1" clerk GET "/api/v1/incoming?limit=200${cursor:+&cursor=$cursor}") || return 1
    jq -c '.items[]' <<<"$page"
    cursor=$(jq -r '.nextCursor // empty' <<<"$page")
    [ -n "$cursor" ] || break
  done
}
count_at() { incoming_at "$1" 2>/dev/null | wc -l; }
wait_count() {  # agency, count, seconds
  local end=$(( $(date +%s) + $3 ))
  until [ "$(count_at "$1")" -ge "$2" ]; do
    [ "$(date +%s)" -lt "$end" ] || { echo "exchange-test: $1 holds $(count_at "$1") of $2 after $3 s" >&2; return 1; }
    sleep 1
  done
}
latest() { api A clerk GET "/api/v1/dispatches/$1/deliveries" | jq -r --arg o "$2" '.items[] | select(.organId == $o) | .latestStatus.code // ""'; }
issue_batch() {  # count → ids in file $2
  seq "$1" | xargs -P "$WORKERS" -I{} bash -c "issue_one '[\"${name[B]}\"]'" >"$2"
  [ "$(wc -l <"$2")" = "$1" ] || { echo "exchange-test: issued $(wc -l <"$2") of $1" >&2; exit 1; }
}
kill_when() {  # agency to kill, agency to watch, count reached; the count seen goes to $seen
  until seen=$(count_at "$2") && [ "$seen" -ge "$3" ]; do sleep 0.3; done
  kill9 "$1"
}

t0=$(date +%s)
start A; start B
urlA=$(url A); urlB=$(url B)
clerkA=$(tok A clerk); officialA=$(tok A official); clerkB=$(tok B clerk)
signer=$(api A official GET /api/v1/users/me | jq -r .id)
export urlA urlB clerkA officialA clerkB signer
list_organ A B; list_organ B A; list_organ A C; trust_each_other A B

# 1. C is down: its copy waits.
d0=$(issue_one "[\"${name[B]}\", \"${name[C]}\"]"); send_one "$d0"
# 2. N to B, B killed while receiving.
issue_batch "$N" "$work/batch1"
xargs -P "$WORKERS" -I{} bash -c 'send_one {}' <"$work/batch1"
kill_when B B $(( N / 4 )); b_killed=$seen; sleep 1; start B
wait_count B $(( N + 1 )) 900
# 3. B registers every one; the statuses 03 come back to A.
incoming_at B | jq -r .id | xargs -P "$WORKERS" -I{} bash -c 'register_one {}' >"$work/numbers"
gaps=$(sort -n "$work/numbers" | awk '{ seen[$1]++; if ($1 > m) m = $1 } END { for (i = 1; i <= m; i++) if (!seen[i]) h++; print h + 0 }')
dups=$(sort -n "$work/numbers" | uniq -d | wc -l)
statuses=0; end=$(( $(date +%s) + 300 ))
for id in "$d0" $(cat "$work/batch1"); do
  until [ "$(latest "$id" "${organ[B]}")" = 03 ]; do
    [ "$(date +%s)" -lt "$end" ] || break 2
    sleep 0.5
  done
  statuses=$((statuses + 1))
done
# 4. N more, A killed while delivering.
issue_batch "$N" "$work/batch2"
xargs -P "$WORKERS" -I{} bash -c 'send_one {}' <"$work/batch2"
kill_when A B $(( N + 1 + N / 4 )); a_killed=$seen; sleep 1; start A
wait_count B $(( 2 * N + 1 )) 900
# 5. C comes up: it receives its copy.
start C; list_organ C A; trust_each_other A C
end=$(( $(date +%s) + 120 ))
until [ "$(count_at C)" -ge 1 ] || [ "$(date +%s)" -ge "$end" ]; do sleep 1; done
c_count=$(count_at C)
# 6. A recalls the first dispatch: B and C accept.
api A clerk POST "/api/v1/dispatches/$d0/recall" '{"reason":"Ban hành nhầm"}' >/dev/null
end=$(( $(date +%s) + 120 ))
until [ "$(latest "$d0" "${organ[B]}")" = 15 ] && [ "$(latest "$d0" "${organ[C]}")" = 15 ] || [ "$(date +%s)" -ge "$end" ]; do sleep 1; done
recall="$(latest "$d0" "${organ[B]}")/$(latest "$d0" "${organ[C]}")"

delivered=$(count_at B)
duplicates=$(incoming_at B | jq -r .senderDocumentId | sort | uniq -d | wc -l)
signatures=ok
for id in $(incoming_at B | jq -r .id | shuf -n 5); do
  verdicts=$(api B clerk GET "/api/v1/incoming/$id" | jq -r '[.signatures[].indication] | unique | join(",")')
  [ "$verdicts" = TOTAL_PASSED ] || { signatures="failed ($id: $verdicts)"; break; }
  curl -sf -o "$work/f.pdf" -H "Authorization: Bearer $clerkB" "$urlB/api/v1/incoming/$id/file?ordinal=1"
  [ "$(pdfsig "$work/f.pdf" 2>/dev/null | grep -c 'Signature is Valid')" = 2 ] || { signatures="pdfsig failed ($id)"; break; }
done
audit=""
for a in A B C; do audit="$audit $a $(api "$a" auditor GET /api/v1/audit/verify | jq -r 'if .intact then "intact" else "BROKEN" end')"; done
echo "exchange-test: N $N, B killed at $b_killed/$((N + 1)), A killed at $a_killed/$((2 * N + 1)), delivered $delivered," \
  "duplicates $duplicates, gaps $gaps, duplicate numbers $dups, statuses $statuses/$((N + 1)), C $c_count, recall $recall," \
  "signatures $signatures, audit$audit ($(( $(date +%s) - t0 )) s)"
[ "$delivered" = $((2 * N + 1)) ] && [ "$duplicates" = 0 ] && [ "$gaps" = 0 ] && [ "$dups" = 0 ] \
  && [ "$statuses" = $((N + 1)) ] && [ "$c_count" = 1 ] && [ "$recall" = 15/15 ] && [ "$signatures" = ok ] \
  && [[ "$audit" != *BROKEN* ]]
