# shellcheck shell=bash disable=SC2034  # variables are for the scripts that source this
# Sourced by start: make_pki DIR writes a throwaway CA (DIR/ca.pem) and a
# server certificate for mail.conformance.test, localhost, 127.0.0.1 and
# 127.0.0.2 (DIR/tls/server.pem with the chain, DIR/tls/server.key). P-256,
# valid for a week: long enough for any test run, short enough that nobody
# keeps trusting it.

readonly pki_days=7

make_pki() {
  local dir=$1 tls=$1/tls
  mkdir -p "$tls"
  chmod 755 "$tls"
  local quiet=(-quiet)
  openssl req -help 2>&1 | grep -q -- '-quiet' || quiet=()

  openssl req -x509 -new -nodes "${quiet[@]}" -newkey ec -pkeyopt ec_paramgen_curve:P-256 -sha256 \
    -days "$pki_days" -subj "/O=conformance/CN=conformance throwaway CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" \
    -keyout "$tls/ca.key" -out "$dir/ca.pem" 2>/dev/null

  openssl req -new -nodes "${quiet[@]}" -newkey ec -pkeyopt ec_paramgen_curve:P-256 -sha256 \
    -subj "/O=conformance/CN=mail.conformance.test" \
    -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null

  cat >"$tls/server.ext" <<'EOF'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:mail.conformance.test, DNS:localhost, IP:127.0.0.1, IP:127.0.0.2, IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  openssl x509 -req -sha256 -days "$pki_days" -in "$tls/server.csr" -CA "$dir/ca.pem" -CAkey "$tls/ca.key" \
    -set_serial "0x$(openssl rand -hex 8)" -extfile "$tls/server.ext" -out "$tls/server.crt" 2>/dev/null
  cat "$tls/server.crt" "$dir/ca.pem" >"$tls/server.pem"
  rm -f "$tls/server.csr" "$tls/server.ext"

  # The CA key is not needed once the leaf is signed; dropping it means a
  # leaked run directory cannot mint certificates.
  rm -f "$tls/ca.key"
  chmod 600 "$tls/server.key"
  chmod 644 "$dir/ca.pem" "$tls/server.pem" "$tls/server.crt"
}
