#!/usr/bin/env bash
# Issue throughput vs plain seal signing, 8 clients, against a running vanthu (scripts/run.sh).
#   N (default 40) requests of each; VANTHU_URL, VANTHU_DATA_DIR as for demo.sh.
#   VANTHU_URL may list several instances on one database ("http://127.0.0.1:18081 http://127.0.0.1:18082"):
#   drafts, seal signatures and issues then go round-robin over them (their demo tokens must be the same,
#   e.g. one VANTHU_DATA_DIR). `scripts/bench.sh dispatch2` starts PostgreSQL and two instances and runs both.
#   BENCH_PIDS ("pid …" of the instances and the database server, on this machine) adds the CPU time per request
#   of these processes and their children, which depends far less than the rates on what else the machine runs.
set -euo pipefail
cd "$(dirname "$0")/.."
urls=${VANTHU_URL:-http://localhost:8080}
read -ra list <<<"$urls"; url=${list[0]}; instances=${#list[@]}
tokens=${VANTHU_DATA_DIR:-./data}/demo-tokens.json
n=${N:-40}
official=$(jq -r .official "$tokens"); clerk=$(jq -r .clerk "$tokens")
pdf=scripts/samples/cong-van-don-doc-cchc-2023.pdf
signer=$(curl -sf -H "Authorization: Bearer $official" "$url/api/v1/users/me" | jq -r .id)
meta=$(jq -nc --arg s "$signer" '{documentType:"CV", subject:"V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính", signerPosition:"PHÓ GIÁM ĐỐC",
  signerName:"Nguyễn Hữu Thắng", signerUserId:$s, recipients:["Các phòng"], draftingUnit:"VP"}')
export urls official clerk pdf meta
# The base URL of request number $1: round-robin over the instances.
base() { local u; read -ra u <<<"$urls"; echo "${u[$(( $1 % ${#u[@]} ))]}"; }
draft() {
  local url; url=$(base "$1")
  id=$(curl -sf -H "Authorization: Bearer $clerk" -F "file=@$pdf;type=application/pdf" -F "metadata=$meta" "$url/api/v1/dispatches" | jq -r .id)
  curl -sf -o /dev/null -H "Authorization: Bearer $official" -H 'Content-Type: application/json' \
    -d '{"keyId":"official1","pin":"123456"}' "$url/api/v1/dispatches/$id/sign"
  echo "$id"
}
export -f draft
export -f base
if [ "$instances" = 1 ]; then echo "Preparing $n signed drafts …"; else echo "Preparing $n signed drafts on $instances instances …"; fi
ids=$(seq "$n" | xargs -P 8 -I{} bash -c 'draft {}')
# The plain seal signature of the same kind of document: the signed draft, PAdES at the default level, visible seal.
signed=$(mktemp); trap 'rm -f "$signed"' EXIT; curl -sf -H "Authorization: Bearer $clerk" -o "$signed" "$url/api/v1/dispatches/$(head -1 <<<"$ids")/file"
export signed
seal() { local url; url=$(base "$1"); curl -sf -o /dev/null -H "Authorization: Bearer $clerk" -F "file=@$signed;type=application/pdf" -F format=PAdES \
  -F keyId=seal -F pin=123456 -F 'visible={"page":2,"x":300,"y":500,"width":102,"height":102,"image":"own"}' "$url/api/v1/signatures"; }
issue() { local url; url=$(base "$1"); curl -sf -o /dev/null -H "Authorization: Bearer $clerk" -H 'Content-Type: application/json' \
  -d '{"keyId":"seal","pin":"123456"}' "$url/api/v1/dispatches/$2/issue"; }
export -f seal issue
cpu() {
  local p t=0
  for p in ${BENCH_PIDS:-} $(for p in ${BENCH_PIDS:-}; do pgrep -P "$p"; done); do
    t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo $t
}
c0=$(cpu); t0=$(date +%s.%N); seq "$n" | xargs -P "${P:-8}" -I{} bash -c 'seal {}'; t1=$(date +%s.%N); c1=$(cpu)
awk '{print NR, $0}' <<<"$ids" | xargs -P "${P:-8}" -I{} bash -c 'issue {}'; t2=$(date +%s.%N); c2=$(cpu)
python3 - "$n" "$instances" "$t0" "$t1" "$t2" "${BENCH_PIDS:+$c0 $c1 $c2 $(getconf CLK_TCK)}" <<'PY'
import sys
n, k, t0, t1, t2 = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:6])
seal, issue = n / (t1 - t0), n / (t2 - t1)
on = "" if k == 1 else f"   ({k} instances)"
print(f"plain seal signing: {seal:.1f}/s   issue: {issue:.1f}/s   ratio {issue / seal:.0%} (target ≥ 80 %){on}")
if sys.argv[6]:
    c0, c1, c2, tck = map(int, sys.argv[6].split())
    cs, ci = (c1 - c0) / tck / n * 1000, (c2 - c1) / tck / n * 1000
    print(f"CPU per request (BENCH_PIDS and children): seal {cs:.0f} ms   issue {ci:.0f} ms   ratio {cs / ci:.0%}")
PY
