#!/usr/bin/env bash
# Regenerates keystore-samples/: the development PKI used by tests and demos.
# FOR TESTS AND DEMOS ONLY - every private key here is public knowledge.
#
# Usage: scripts/gen-dev-pki.sh            (from anywhere; writes <repo>/keystore-samples)
# Needs: openssl (3.x), java 17+.
#
# Dates are fixed in the past where the story needs it (revoked on 2025-06-01, expired in 2023) and
# the hierarchy is back-dated to 2020 so that every certificate lies inside its issuer's validity.
# End dates are relative to "now" so a regeneration always gives >= 10 years of life.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT_DIR/keystore-samples"
PASS=123456                       # contract: every keystore password / PIN
BASE_URL="http://localhost:8080/pki"
PROVINCE="Thái Bình"
AGENCY="Sở Khoa học và Công nghệ tỉnh $PROVINCE"
EE_START=20250101000000Z
EE_DAYS=3700                      # > 10 years from the day the script runs
P12_OPTS=(-keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256 -iter 10000)

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Wipe everything except the hand-written README.md.
mkdir -p "$OUT"
find "$OUT" -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +

cat > "$WORK/openssl.cnf" <<CNF
[ req ]
distinguished_name = req_dn
string_mask        = utf8only
utf8               = yes
prompt             = no
[ req_dn ]

[ ca ]
default_ca = issuing_ca

[ root_ca ]
dir              = $WORK/root
database         = \$dir/index.txt
serial           = \$dir/serial
new_certs_dir    = \$dir/new
certificate      = $WORK/root-ca.crt
private_key      = $WORK/root-ca.key
default_md       = sha256
policy           = policy_any
preserve         = yes
unique_subject   = no
email_in_dn      = no
copy_extensions  = none
string_mask      = utf8only

[ issuing_ca ]
dir              = $WORK/issuing
database         = \$dir/index.txt
serial           = \$dir/serial
new_certs_dir    = \$dir/new
certificate      = $WORK/issuing-ca.crt
private_key      = $WORK/issuing-ca.key
default_md       = sha256
policy           = policy_any
preserve         = yes
unique_subject   = no
email_in_dn      = no
copy_extensions  = none
string_mask      = utf8only

[ policy_any ]
countryName            = optional
stateOrProvinceName    = optional
localityName           = optional
organizationName       = optional
organizationalUnitName = optional
title                  = optional
commonName             = supplied

[ v3_root ]
basicConstraints       = critical, CA:true
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_issuing ]
basicConstraints       = critical, CA:true, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints  = URI:$BASE_URL/crl/root.crl

[ v3_signer ]
basicConstraints       = critical, CA:false
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints  = URI:$BASE_URL/crl/issuing.crl
authorityInfoAccess    = OCSP;URI:$BASE_URL/ocsp, caIssuers;URI:$BASE_URL/certs/issuing-ca.crt
keyUsage               = critical, digitalSignature, nonRepudiation

[ v3_tsa ]
basicConstraints       = critical, CA:false
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints  = URI:$BASE_URL/crl/issuing.crl
authorityInfoAccess    = OCSP;URI:$BASE_URL/ocsp, caIssuers;URI:$BASE_URL/certs/issuing-ca.crt
keyUsage               = critical, digitalSignature
extendedKeyUsage       = critical, timeStamping

[ v3_ocsp ]
basicConstraints       = critical, CA:false
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints  = URI:$BASE_URL/crl/issuing.crl
authorityInfoAccess    = OCSP;URI:$BASE_URL/ocsp, caIssuers;URI:$BASE_URL/certs/issuing-ca.crt
keyUsage               = critical, digitalSignature
extendedKeyUsage       = OCSPSigning
noCheck                = ignored

[ v3_nokeyusage ]
basicConstraints       = critical, CA:false
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints  = URI:$BASE_URL/crl/issuing.crl
authorityInfoAccess    = OCSP;URI:$BASE_URL/ocsp, caIssuers;URI:$BASE_URL/certs/issuing-ca.crt
keyUsage               = critical, keyEncipherment
CNF

for d in root issuing; do mkdir -p "$WORK/$d/new"; : > "$WORK/$d/index.txt"; openssl rand -hex 16 > "$WORK/$d/serial"; done
export OPENSSL_CONF="$WORK/openssl.cnf"

newkey() { openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/$1.key"; }
csr()    { openssl req -new -utf8 -config "$WORK/openssl.cnf" -key "$WORK/$1.key" -subj "$2" -out "$WORK/$1.csr"; }
# sign <ca-section> <name> <extensions> <openssl ca date options...>
sign() {
  local ca=$1 name=$2 ext=$3; shift 3
  openssl ca -batch -notext -utf8 -rand_serial -config "$WORK/openssl.cnf" -name "$ca" \
    -extensions "$ext" -in "$WORK/$name.csr" -out "$WORK/$name.crt" "$@" >"$WORK/ca.log" 2>&1 \
    || { cat "$WORK/ca.log" >&2; exit 1; }
}
p12() {   # p12 <name> <chain files...>
  local name=$1; shift
  local chain=()
  if [ $# -gt 0 ]; then cat "$@" > "$WORK/$name.chain.pem"; chain=(-certfile "$WORK/$name.chain.pem"); fi
  openssl pkcs12 -export -name "$name" -inkey "$WORK/$name.key" -in "$WORK/$name.crt" \
    "${chain[@]}" -passout "pass:$PASS" "${P12_OPTS[@]}" -out "$OUT/$name.p12"
  cp "$WORK/$name.crt" "$OUT/$name.crt"
}

# --- Root CA (self-signed through "openssl ca -selfsign" so that its start date can be fixed) ---
newkey root-ca
csr root-ca "/C=VN/O=Vanthu Development/CN=Vanthu Development Root CA"
openssl ca -batch -notext -utf8 -rand_serial -selfsign -config "$WORK/openssl.cnf" -name root_ca \
  -keyfile "$WORK/root-ca.key" -extensions v3_root -in "$WORK/root-ca.csr" -out "$WORK/root-ca.crt" \
  -startdate 20200101000000Z -days 9200 >"$WORK/ca.log" 2>&1 || { cat "$WORK/ca.log" >&2; exit 1; }
p12 root-ca

# --- Issuing CA ---
newkey issuing-ca
csr issuing-ca "/C=VN/O=Vanthu Development/CN=Vanthu Development Issuing CA"
sign root_ca issuing-ca v3_issuing -startdate 20200101000000Z -days 7400
p12 issuing-ca "$WORK/root-ca.crt"

CHAIN=("$WORK/issuing-ca.crt" "$WORK/root-ca.crt")
ee() {   # ee <name> <subject> <extensions> <date options...>
  local name=$1 subj=$2 ext=$3; shift 3
  newkey "$name"; csr "$name" "$subj"; sign issuing_ca "$name" "$ext" "$@"; p12 "$name" "${CHAIN[@]}"
}
ORG="/C=VN/L=$PROVINCE/O=$AGENCY"
ee official1  "$ORG/title=PHÓ GIÁM ĐỐC/CN=Nguyễn Hữu Thắng"   v3_signer -startdate $EE_START -days $EE_DAYS
ee official2  "$ORG/title=GIÁM ĐỐC/CN=Trần Thị Mai Hương"      v3_signer -startdate $EE_START -days $EE_DAYS
ee seal       "$ORG/OU=Văn phòng Sở/CN=$AGENCY"                 v3_signer -startdate $EE_START -days $EE_DAYS
ee tsa        "/C=VN/O=Vanthu Development/CN=Vanthu Development TSA"          v3_tsa  -startdate $EE_START -days $EE_DAYS
ee ocsp       "/C=VN/O=Vanthu Development/CN=Vanthu Development OCSP Responder" v3_ocsp -startdate $EE_START -days $EE_DAYS
ee expired    "$ORG/title=CHUYÊN VIÊN/CN=Lê Văn Hết Hạn"         v3_signer -startdate 20230101000000Z -enddate 20240101000000Z
ee revoked    "$ORG/title=CHUYÊN VIÊN/CN=Phạm Thị Bị Thu Hồi"    v3_signer -startdate $EE_START -days $EE_DAYS
ee notyet     "$ORG/title=CHUYÊN VIÊN/CN=Hoàng Văn Chưa Hiệu Lực" v3_signer -startdate 20300101000000Z -enddate 20400101000000Z
ee nokeyusage "$ORG/title=CHUYÊN VIÊN/CN=Vũ Thị Không Ký"        v3_nokeyusage -startdate $EE_START -days $EE_DAYS

cp "$WORK/root-ca.crt" "$WORK/issuing-ca.crt" "$OUT/"

# --- Revocation list read by vn.vanthu.pki.DevPki: "<serial hex> <revocation time ISO-8601 UTC> <reason>" ---
serial() { openssl x509 -in "$OUT/$1.crt" -noout -serial | cut -d= -f2; }
{
  echo "# serial-hex revocation-time(UTC) reason  -- read by vn.vanthu.pki.DevPki; regenerated by scripts/gen-dev-pki.sh"
  echo "$(serial revoked) 2025-06-01T00:00:00Z keyCompromise"
} > "$OUT/revoked.txt"

# --- Images (signatures and the agency seal) ---
java -Djava.awt.headless=true "$ROOT_DIR/scripts/DevPkiImages.java" "$OUT" "$AGENCY"

echo "keystore-samples regenerated in $OUT"
