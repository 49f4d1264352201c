#!/usr/bin/env bash
# Writes ./.env for docker-compose: the JWT key pair (RS256), the password-setup token key and one operator login.
# Needs openssl, and for the operator's BCrypt hash one of: htpasswd (apache2-utils), python3 with bcrypt, or Docker.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -e .env && "${1:-}" != "--force" ]]; then
  echo ".env exists (use --force to replace it)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/key.pem" 2>/dev/null
private=$(openssl pkcs8 -topk8 -nocrypt -in "$tmp/key.pem" -outform DER | base64 -w0)
public=$(openssl pkey -in "$tmp/key.pem" -pubout -outform DER | base64 -w0)
operator_password=$(openssl rand -base64 18 | tr -d '/+=' | cut -c1-20)
if command -v htpasswd >/dev/null; then
  hash=$(htpasswd -nbBC 10 "" "$operator_password" | tr -d ':\n' | sed 's/^\$2y/$2a/')
elif python3 -c 'import bcrypt' 2>/dev/null; then
  hash=$(python3 -c 'import bcrypt,sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(10)).decode())' "$operator_password")
else
  hash=$(docker run --rm httpd:2.4-alpine htpasswd -nbBC 10 "" "$operator_password" | tr -d ':\n' | sed 's/^\$2y/$2a/')
fi
# single quotes: compose takes the value literally (a BCrypt hash is full of \$)
cat > .env <<ENV
CPS_JWT_PUBLIC_KEY=$public
CPS_ACCOUNT_PRIVATE_KEY=$private
CPS_ACCOUNT_PASSWORD_TOKEN_KEY=$(openssl rand -hex 32)
CPS_OPERATOR_EMAIL=operator@cps.example
CPS_OPERATOR_PASSWORD_HASH='{bcrypt}$hash'
ENV
echo "Wrote .env. Operator login: operator@cps.example / $operator_password"
