#!/usr/bin/env bash
# Issue throughput vs plain seal signing, 8 clients, against a running vanthu (scripts/run.sh).
#   N (default 40) requests of each; VANTHU_URL, VANTHU_DATA_DIR as for demo.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
url=${VANTHU_URL:-http://localhost:8080}
tokens=${VANTHU_DATA_DIR:-./data}/demo-tokens.json
n=${N:-40}
official=$(jq -r .official "$tokens"); clerk=$(jq -r .clerk "$tokens")
pdf=scripts/samples/cong-van-don-doc-cchc-2023.pdf
signer=$(curl -sf -H "Authorization: Bearer $official" "$url/api/v1/users/me" | jq -r .id)
meta=$(jq -nc --arg s "$signer" '{documentType:"KH", subject:"Kế hoạch", signerPosition:"PHÓ GIÁM ĐỐC",
  signerName:"Nguyễn Hữu Thắng", signerUserId:$s, recipients:["Các phòng"], draftingUnit:"VP"}')
export url official clerk pdf meta
draft() {
  id=$(curl -sf -H "Authorization: Bearer $clerk" -F "file=@$pdf;type=application/pdf" -F "metadata=$meta" "$url/api/v1/dispatches" | jq -r .id)
  curl -sf -o /dev/null -H "Authorization: Bearer $official" -H 'Content-Type: application/json' \
    -d '{"keyId":"official1","pin":"123456"}' "$url/api/v1/dispatches/$id/sign"
  echo "$id"
}
export -f draft
echo "Preparing $n signed drafts …"
ids=$(seq "$n" | xargs -P 8 -I{} bash -c draft)
# The plain seal signature of the same kind of document: the signed draft, PAdES at the default level, visible seal.
signed=$(mktemp); curl -sf -H "Authorization: Bearer $clerk" -o "$signed" "$url/api/v1/dispatches/$(head -1 <<<"$ids")/file"
export signed
seal() { curl -sf -o /dev/null -H "Authorization: Bearer $clerk" -F "file=@$signed;type=application/pdf" -F format=PAdES \
  -F keyId=seal -F pin=123456 -F 'visible={"page":2,"x":300,"y":500,"width":102,"height":102,"image":"own"}' "$url/api/v1/signatures"; }
issue() { curl -sf -o /dev/null -H "Authorization: Bearer $clerk" -H 'Content-Type: application/json' \
  -d '{"keyId":"seal","pin":"123456"}' "$url/api/v1/dispatches/$1/issue"; }
export -f seal issue
t0=$(date +%s.%N); seq "$n" | xargs -P "${P:-8}" -I{} bash -c seal; t1=$(date +%s.%N)
xargs -P "${P:-8}" -I{} bash -c 'issue {}' <<<"$ids"; t2=$(date +%s.%N)
python3 - "$n" "$t0" "$t1" "$t2" <<'PY'
import sys
n, t0, t1, t2 = int(sys.argv[1]), *map(float, sys.argv[2:])
seal, issue = n / (t1 - t0), n / (t2 - t1)
print(f"plain seal signing: {seal:.1f}/s   issue: {issue:.1f}/s   ratio {issue / seal:.0%} (target ≥ 80 %)")
PY
