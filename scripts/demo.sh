#!/usr/bin/env bash
# The outgoing-dispatch demo against a running vanthu (scripts/run.sh): the official signs the sample công văn,
# the clerk issues it (number shown), the register lists it, and the auditor validates the issued PDF and sees
# two valid signatures (the official's and the agency seal). Then the clerk files the issued dispatch and an
# incoming document into a work dossier, closes it (sealed archival package), and the auditor validates the package.
#   VANTHU_URL (default http://localhost:8080); tokens from $VANTHU_DATA_DIR/demo-tokens.json or ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
url=${VANTHU_URL:-http://localhost:8080}
tokens=${VANTHU_DATA_DIR:-./data}/demo-tokens.json
[ -f "$tokens" ] || { echo "No $tokens: start the service with scripts/run.sh first" >&2; exit 1; }
tok() { jq -r --arg u "$1" '.[$u]' "$tokens"; }
official=$(tok official); clerk=$(tok clerk); auditor=$(tok auditor)
pin=${DEMO_PIN:-123456}
out=$(mktemp -d)
call() { # call METHOD PATH TOKEN [curl args…] → body on stdout; fails on a 4xx/5xx with the error shown
  local method=$1 path=$2 token=$3; shift 3
  local code
  code=$(curl -sS -o "$out/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" "$@" "$url$path")
  if [ "$code" -ge 400 ]; then echo "$method $path → $code: $(cat "$out/body")" >&2; exit 1; fi
  cat "$out/body"
}

signer=$(call GET /api/v1/users/me "$official" | jq -r .id)
metadata=$(jq -nc --arg s "$signer" '{documentType:"CV", subject:"V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính năm 2023",
  signerPosition:"PHÓ GIÁM ĐỐC", signerName:"Nguyễn Hữu Thắng", signerUserId:$s,
  recipients:["Các phòng, đơn vị thuộc Sở"], draftingUnit:"VP", priority:"NORMAL", secret:false, dueDate:null}')
id=$(call POST /api/v1/dispatches "$clerk" -F "file=@scripts/samples/cong-van-don-doc-cchc-2023.pdf;type=application/pdf" \
  -F "metadata=$metadata" | jq -r .id)
echo "1. Clerk uploaded the draft: dispatch $id (DRAFT)"
call POST "/api/v1/dispatches/$id/attachments" "$clerk" -F "file=@scripts/samples/phu-luc-i.pdf;type=application/pdf" >/dev/null
echo "   with one appendix (phu-luc-i.pdf)"

status=$(call POST "/api/v1/dispatches/$id/sign" "$official" -H 'Content-Type: application/json' \
  -d "{\"keyId\":\"official1\",\"pin\":\"$pin\"}" | jq -r .status)
echo "2. Official Nguyễn Hữu Thắng signed it: $status"

issued=$(call POST "/api/v1/dispatches/$id/issue" "$clerk" -H 'Content-Type: application/json' \
  -d "{\"keyId\":\"seal\",\"pin\":\"$pin\"}")
echo "3. Clerk issued it: number $(jq -r .number <<<"$issued"), date $(jq -r .issuedDate <<<"$issued"), id $(jq -r .documentId <<<"$issued")"

year=$(jq -r .issuedDate <<<"$issued" | cut -c1-4)
echo "4. Outgoing register $year:"
call GET "/api/v1/registers/outgoing?year=$year" "$auditor" | jq -r '.items[] | "   \(.number)  \(.issuedDate)  \(.typeAndSubject)  — \(.signer)"'
call GET "/api/v1/registers/outgoing?year=$year&format=pdf" "$auditor" > "$out/so-van-ban-di.pdf"
echo "   printable register: $out/so-van-ban-di.pdf"

call GET "/api/v1/dispatches/$id/file" "$auditor" > "$out/issued.pdf"
echo "5. Auditor validates the issued PDF ($out/issued.pdf):"
call POST /api/v1/validations "$auditor" -F "file=@$out/issued.pdf;type=application/pdf" \
  | jq -r '"   \(.validSignaturesCount) of \(.signaturesCount) signatures valid", (.signatures[] | "   - \(.signedBy): \(.indication)")'

me=$(call GET /api/v1/users/me "$clerk" | jq -r .id)
symbol="VP.$(date +%H%M%S)"
dossier=$(call POST /api/v1/dossiers "$clerk" -H 'Content-Type: application/json' -d "$(jq -nc --arg s "$symbol" --arg u "$me" \
  '{symbol:$s, title:"Hồ sơ về công tác cải cách hành chính năm 2023", retention:"10Y", responsibleUserId:$u}')")
did=$(jq -r .id <<<"$dossier")
echo "6. Clerk opened dossier $(jq -r .fileCode <<<"$dossier"): $(jq -r .title <<<"$dossier")"
call POST "/api/v1/dossiers/$did/documents" "$clerk" -H 'Content-Type: application/json' -d "{\"dispatchId\":\"$id\"}" \
  | jq -r '"   filed the issued dispatch \(.numberSymbol) (\(.signaturesCount) signatures, \(.verdict)) and \(.appendices | length) appendix"'
call POST /api/v1/signatures "$official" -F "file=@scripts/samples/phu-luc-i.pdf;type=application/pdf" -F format=PAdES \
  -F level=LT -F keyId=official1 -F "pin=$pin" > "$out/cong-van-den.pdf"
call POST "/api/v1/dossiers/$did/documents" "$clerk" -F "file=@$out/cong-van-den.pdf;type=application/pdf" \
  -F 'metadata={"kind":"INCOMING","numberSymbol":"125/UBND-VP","documentDate":"2023-03-02","issuingOrgan":"UBND tỉnh Thái Bình","documentType":"Công văn","subject":"V/v triển khai văn bản điện tử"}' \
  | jq -r '"   filed the incoming document \(.numberSymbol) of \(.documentDate) (\(.signaturesCount) signature, \(.verdict))"'
closed=$(call POST "/api/v1/dossiers/$did/close" "$clerk" -H 'Content-Type: application/json' -d "{\"keyId\":\"seal\",\"pin\":\"$pin\"}")
echo "7. Clerk closed and sealed it: $(jq -r '"\(.status), \(.docTotal) documents, \(.pageTotal) pages, \(.startDate) – \(.endDate)"' <<<"$closed")"
call GET "/api/v1/dossiers/$did/package" "$auditor" > "$out/ho-so.zip"
echo "8. Auditor validates the package ($out/ho-so.zip):"
call POST /api/v1/validations "$auditor" -F "file=@$out/ho-so.zip;type=application/zip" \
  | jq -r '"   seal: \(.signatures[0].format) \(.signatures[0].indication); \(.validSignaturesCount) of \(.signaturesCount) signatures valid; \(.package.files) files, \(.package.problems | length) problems"'
