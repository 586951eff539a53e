#!/usr/bin/env bash
# Signs sample documents through the running service's API in every format x level (plus a PDF signed by an
# official then sealed by the clerk, and one made by two-step signing with openssl as the client), then checks
# every artifact with tools nobody here wrote: pdfsig, qpdf --check, openssl cms -verify, openssl ts -verify,
# xmlsec1 --verify. Prints an artifact x tool table; exits non-zero on any FAIL.
# Usage: scripts/interop-check.sh            (from the repository root; builds the jar when missing)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

need() { command -v "$1" >/dev/null 2>&1; }
if ! need pdfsig || ! need qpdf || ! need xmlsec1 || ! need unzip; then
  apt-get install -y poppler-utils xmlsec1 qpdf unzip >/dev/null || { echo "cannot install poppler-utils xmlsec1 qpdf unzip"; exit 2; }
fi
for t in openssl curl jq java; do need $t || { echo "missing $t"; exit 2; }; done

if [ ! -f target/vanthu.jar ] || [ ! -f target/test-classes/vn/vanthu/signing/InteropExtract.class ]; then
  mvn -B -q -DskipTests package || exit 2
  mvn -B -q test-compile || exit 2
fi

WORK=$(mktemp -d /tmp/vanthu-interop.XXXXXX)
DATA="$WORK/data"; OUT="$WORK/out"; mkdir -p "$DATA" "$OUT"
PORT=18080
BASE="http://127.0.0.1:$PORT"
KS="$ROOT/keystore-samples"
ROOTCA="$KS/root-ca.crt"; ISSUING="$KS/issuing-ca.crt"
CP="$ROOT/target/vanthu.jar:$ROOT/target/test-classes"

VANTHU_PROFILE=dev VANTHU_PORT=$PORT VANTHU_HOST=127.0.0.1 VANTHU_DATA_DIR="$DATA" VANTHU_DEV_PKI_DIR="$KS" \
  java -jar target/vanthu.jar >"$WORK/service.log" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }
trap cleanup EXIT
for i in $(seq 1 120); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { echo "service did not start:"; tail -30 "$WORK/service.log"; exit 2; }
  sleep 0.5
done
TOKENS="$DATA/demo-tokens.json"
OFFICIAL=$(jq -r .official "$TOKENS"); CLERK=$(jq -r .clerk "$TOKENS")

PDF="$ROOT/src/test/resources/samples/cong-van.pdf"
XML="$ROOT/src/test/resources/samples/cong-van.xml"
cp "$XML" "$OUT/cong-van.xml"   # detached XAdES references the original by its name

declare -A RESULT; ARTIFACTS=(); TOOLS=(http pdfsig qpdf cms ts xmlsec1 sha256sum); FAILED=0
mark() { RESULT["$1|$2"]=$3; [ "$3" = FAIL ] && FAILED=1; return 0; }

# sign NAME TOKEN FILE FORMAT LEVEL PACKAGING KEY [extra curl args...]
sign() {
  local name=$1 token=$2 file=$3 format=$4 level=$5 packaging=$6 key=$7; shift 7
  ARTIFACTS+=("$name")
  local args=(-s -o "$OUT/$name" -w '%{http_code}' -H "Authorization: Bearer $token"
    -F "file=@$file" -F "format=$format" -F "level=$level" -F "keyId=$key" -F "pin=123456")
  [ -n "$packaging" ] && args+=(-F "packaging=$packaging")
  local code; code=$(curl "${args[@]}" "$@" "$BASE/api/v1/signatures")
  if [ "$code" = 200 ]; then mark "$name" http OK; else mark "$name" http FAIL; cat "$OUT/$name"; echo; fi
}

for level in B T LT LTA; do
  sign "pades-$level.pdf" "$OFFICIAL" "$PDF" PAdES $level "" official1
  sign "xades-enveloped-$level.xml" "$OFFICIAL" "$XML" XAdES $level ENVELOPED official1
  sign "xades-enveloping-$level.xml" "$OFFICIAL" "$XML" XAdES $level ENVELOPING official1
  sign "xades-detached-$level.xml" "$OFFICIAL" "$XML" XAdES $level DETACHED official1
  sign "cades-enveloping-$level.p7m" "$OFFICIAL" "$XML" CAdES $level ENVELOPING official1
  sign "cades-detached-$level.p7s" "$OFFICIAL" "$XML" CAdES $level DETACHED official1
  sign "asice-$level.asice" "$OFFICIAL" "$XML" ASiC-E $level "" official1 -F "file=@$PDF"
done

# Two people: the official signs (visible, own image), then the clerk applies the agency seal.
sign "pades-official.pdf" "$OFFICIAL" "$PDF" PAdES LT "" official1 \
  -F 'visible={"page":1,"x":330,"y":640,"width":160,"height":70,"image":"own"}'
sign "pades-official-seal.pdf" "$CLERK" "$OUT/pades-official.pdf" PAdES LT "" seal \
  -F 'visible={"page":1,"x":280,"y":620,"width":110,"height":110,"image":"own"}'

# Two-step: the client (openssl) holds the key.
ARTIFACTS+=("pades-two-step.pdf")
openssl pkcs12 -in "$KS/official1.p12" -passin pass:123456 -nocerts -nodes -out "$WORK/official1.key" 2>/dev/null
cat "$KS/official1.crt" "$ISSUING" > "$WORK/chain.pem"
PREP=$(curl -s -H "Authorization: Bearer $OFFICIAL" -F "file=@$PDF" -F format=PAdES -F level=LT \
  -F "certificate=<$WORK/chain.pem" "$BASE/api/v1/signatures/prepare")
PREP_ID=$(echo "$PREP" | jq -r .preparationId)
echo "$PREP" | jq -r .dataToSign | base64 -d > "$WORK/tbs.bin"
openssl dgst -sha256 -sign "$WORK/official1.key" -out "$WORK/tbs.sig" "$WORK/tbs.bin"
CODE=$(curl -s -o "$OUT/pades-two-step.pdf" -w '%{http_code}' -H "Authorization: Bearer $OFFICIAL" \
  -H 'Content-Type: application/json' -d "{\"signatureValue\":\"$(base64 -w0 "$WORK/tbs.sig")\"}" \
  "$BASE/api/v1/signatures/$PREP_ID/complete")
[ "$CODE" = 200 ] && mark pades-two-step.pdf http OK || { mark pades-two-step.pdf http FAIL; echo "$PREP"; cat "$OUT/pades-two-step.pdf"; }

# A work dossier: the two-person PDF filed, closed and sealed; the package is checked after the loop.
ARTIFACTS+=("dossier-package.zip")
CLERK_ID=$(curl -s -H "Authorization: Bearer $CLERK" "$BASE/api/v1/users/me" | jq -r .id)
DOSSIER=$(curl -s -H "Authorization: Bearer $CLERK" -H 'Content-Type: application/json' "$BASE/api/v1/dossiers" \
  -d "{\"symbol\":\"IOP.$$\",\"title\":\"Hồ sơ kiểm tra\",\"retention\":\"10Y\",\"responsibleUserId\":\"$CLERK_ID\"}" | jq -r .id)
curl -s -o /dev/null -H "Authorization: Bearer $CLERK" -F "file=@$OUT/pades-official-seal.pdf;type=application/pdf" \
  "$BASE/api/v1/dossiers/$DOSSIER/documents"
curl -s -o /dev/null -H "Authorization: Bearer $CLERK" -H 'Content-Type: application/json' \
  -d '{"keyId":"seal","pin":"123456"}' "$BASE/api/v1/dossiers/$DOSSIER/close"
CODE=$(curl -s -o "$OUT/dossier-package.zip" -w '%{http_code}' -H "Authorization: Bearer $CLERK" "$BASE/api/v1/dossiers/$DOSSIER/package")
[ "$CODE" = 200 ] && mark dossier-package.zip http OK || mark dossier-package.zip http FAIL

extract() { java -cp "$CP" vn.vanthu.signing.InteropExtract "$@" >/dev/null 2>>"$WORK/extract.log"; }
cms_verify() { # file [content]
  if [ -n "${2:-}" ]; then
    openssl cms -verify -binary -inform DER -in "$1" -content "$2" -CAfile "$ROOTCA" -certfile "$ISSUING" -purpose any -out /dev/null 2>>"$WORK/openssl.log"
  else
    openssl cms -verify -binary -inform DER -in "$1" -CAfile "$ROOTCA" -certfile "$ISSUING" -purpose any -out /dev/null 2>>"$WORK/openssl.log"
  fi
}
ts_verify_dir() { # dir name -> OK/FAIL/-
  local dir=$1 any=0 ok=1 t
  for t in "$dir"/*.tst; do
    [ -e "$t" ] || continue; any=1
    local base=${t%.tst}
    if [ -f "$base.data" ]; then
      openssl ts -verify -in "$t" -token_in -data "$base.data" -CAfile "$ROOTCA" -untrusted "$ISSUING" >>"$WORK/openssl.log" 2>&1 || ok=0
    else
      openssl ts -verify -in "$t" -token_in -digest "$(cat "$base.digest")" -CAfile "$ROOTCA" -untrusted "$ISSUING" >>"$WORK/openssl.log" 2>&1 || ok=0
    fi
  done
  [ $any = 0 ] && echo "-" || { [ $ok = 1 ] && echo OK || echo FAIL; }
}
XMLSEC_IDS=(--id-attr:Id "http://uri.etsi.org/01903/v1.3.2#:SignedProperties" --id-attr:Id "http://www.w3.org/2000/09/xmldsig#:Object"
            --id-attr:Id "http://www.w3.org/2000/09/xmldsig#:Manifest")
xmlsec_verify() { # file dir
  (cd "$2" && xmlsec1 --verify --trusted-pem "$ROOTCA" --untrusted-pem "$ISSUING" "${XMLSEC_IDS[@]}" "$1" >>"$WORK/xmlsec.log" 2>&1)
}

for a in "${ARTIFACTS[@]}"; do
  f="$OUT/$a"; [ "${RESULT["$a|http"]}" = OK ] || continue
  d="$WORK/x/$a"; mkdir -p "$d"
  level=$(echo "$a" | grep -oE -- '-(B|T|LT|LTA)\.' | tr -d '.-'); [ -z "$level" ] && level=LT
  case "$a" in
    *.pdf)
      out=$(pdfsig "$f" 2>&1); echo "== $a" >>"$WORK/pdfsig.log"; echo "$out" >>"$WORK/pdfsig.log"
      # pdfsig cannot check document timestamps (type unknown, signed by the TSA); openssl ts checks those.
      sigs=$(echo "$out" | awk '/^Signature #/{n++} /Signature Type: unknown/{t++} END{print n-t}')
      valid=$(echo "$out" | grep -c "Signature is Valid")
      [ "$sigs" -ge 1 ] && [ "$sigs" = "$valid" ] && mark "$a" pdfsig OK || mark "$a" pdfsig FAIL
      qpdf --check "$f" >>"$WORK/qpdf.log" 2>&1 && mark "$a" qpdf OK || mark "$a" qpdf FAIL
      extract pdf "$f" "$d"; ok=OK; n=0
      for s in "$d"/sig-*.p7s; do n=$((n+1)); cms_verify "$s" "${s%.p7s}.data" || ok=FAIL; done
      [ $n -ge 1 ] || ok=FAIL; mark "$a" cms $ok
      [ "$level" = B ] && mark "$a" ts "-" || mark "$a" ts "$(ts_verify_dir "$d")" ;;
    cades-enveloping-*)
      cms_verify "$f" && mark "$a" cms OK || mark "$a" cms FAIL
      extract cms "$f" "$d"; [ "$level" = B ] && mark "$a" ts "-" || mark "$a" ts "$(ts_verify_dir "$d")" ;;
    cades-detached-*)
      cms_verify "$f" "$XML" && mark "$a" cms OK || mark "$a" cms FAIL
      extract cms "$f" "$d"; [ "$level" = B ] && mark "$a" ts "-" || mark "$a" ts "$(ts_verify_dir "$d")" ;;
    xades-*)
      xmlsec_verify "$f" "$OUT" && mark "$a" xmlsec1 OK || mark "$a" xmlsec1 FAIL
      extract xml "$f" "$d"; [ "$level" = B ] && mark "$a" ts "-" || mark "$a" ts "$(ts_verify_dir "$d")" ;;
    *.zip)
      mkdir -p "$d/pkg"; (cd "$d/pkg" && unzip -q "$f") || true
      cp "$d/pkg/META-INF/signatures.xml" "$d/pkg/seal.xml" 2>/dev/null
      # the seal signs METS.xml (and its signed properties): xmlsec1 checks both references
      out=$( (cd "$d/pkg" && xmlsec1 --verify --trusted-pem "$ROOTCA" --untrusted-pem "$ISSUING" "${XMLSEC_IDS[@]}" seal.xml) 2>&1 ) \
        && echo "$out" | grep -qE '^SignedInfo References \(ok/all\): 2/2$' && mark "$a" xmlsec1 OK || mark "$a" xmlsec1 FAIL
      echo "$out" >>"$WORK/xmlsec.log"
      # every file METS.xml lists, with the SHA-256 it gives, checked by sha256sum
      tr '\n' ' ' < "$d/pkg/METS.xml" | grep -oE 'CHECKSUM="[0-9a-f]{64}"[^>]*>[[:space:]]*<FLocat[^>]*href="[^"]*"|href="[^"]*"[^>]*CHECKSUM="[0-9a-f]{64}"' \
        | sed -E 's/.*CHECKSUM="([0-9a-f]{64})".*href="([^"]*)".*/\1  \2/; s/.*href="([^"]*)".*CHECKSUM="([0-9a-f]{64})".*/\2  \1/' > "$d/sums"
      # ... and METS.xml lists every file of the package but itself and the seal
      files=$(cd "$d/pkg" && find . -type f ! -name METS.xml ! -name seal.xml ! -path './META-INF/*' | wc -l)
      [ -s "$d/sums" ] && [ "$(wc -l < "$d/sums")" = "$files" ] && (cd "$d/pkg" && sha256sum -c --quiet "$d/sums" >>"$WORK/sha256sum.log" 2>&1) \
        && mark "$a" sha256sum OK || mark "$a" sha256sum FAIL
      level=B ;;
    *.asice)
      extract zip "$f" "$d"; ok=FAIL
      for s in "$d"/container/META-INF/signatures*.xml; do
        cp "$s" "$d/container/sig.xml"; xmlsec_verify "$d/container/sig.xml" "$d/container" && ok=OK
      done
      mark "$a" xmlsec1 $ok
      [ "$level" = B ] && mark "$a" ts "-" || mark "$a" ts "$(ts_verify_dir "$d")" ;;
  esac
  # A timestamped artifact must contain at least one timestamp.
  if [ "$level" != B ] && [ "${RESULT["$a|ts"]:-}" = "-" ]; then mark "$a" ts FAIL; fi
done

printf '%-30s' artifact; for t in "${TOOLS[@]}"; do printf '%-9s' "$t"; done; echo
for a in "${ARTIFACTS[@]}"; do
  printf '%-30s' "$a"; for t in "${TOOLS[@]}"; do printf '%-9s' "${RESULT["$a|$t"]:-}"; done; echo
done
echo "logs: $WORK"
if [ $FAILED = 0 ]; then echo "interop-check: all OK"; else echo "interop-check: FAILURES"; exit 1; fi
