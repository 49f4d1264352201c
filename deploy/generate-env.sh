#!/bin/sh
# Writes ./.env for docker-compose: the JWT key pair (RS256), the password-setup token key, the information-request
# token key, the keys account-service and verification-service seal secrets with for notification-service (ADR 20), the
# password Prometheus scrapes the services with, one operator login and the Grafana admin password. POSIX sh and
# portable flags only (Linux, macOS, the BSDs). Needs openssl, and for the operator's BCrypt hash one of: htpasswd
# (apache2-utils), python3 with bcrypt, or Docker.
set -eu
cd "$(dirname "$0")/.."
if [ -e .env ] && [ "${1:-}" != "--force" ]; then
  echo ".env exists (use --force to replace it)" >&2
  exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cps-env.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
# one line of Base64 whatever the platform's base64 wraps at (GNU wraps at 76, its -w0 is unknown elsewhere)
b64() {
  openssl base64 -A
}
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/key.pem" 2>/dev/null
private=$(openssl pkcs8 -topk8 -nocrypt -in "$tmp/key.pem" -outform DER | b64)
public=$(openssl pkey -in "$tmp/key.pem" -pubout -outform DER | b64)
operator_password=$(openssl rand -base64 18 | tr -d '/+=' | cut -c1-20)
grafana_password=$(openssl rand -base64 18 | tr -d '/+=' | cut -c1-20)
if command -v htpasswd >/dev/null 2>&1; then
  hash=$(htpasswd -nbBC 10 "" "$operator_password" | tr -d ':\n' | sed 's/^\$2y/$2a/')
elif python3 -c 'import bcrypt' 2>/dev/null; then
  hash=$(python3 -c 'import bcrypt,sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(10)).decode())' "$operator_password")
elif command -v docker >/dev/null 2>&1; then
  hash=$(docker run --rm httpd:2.4-alpine htpasswd -nbBC 10 "" "$operator_password" | tr -d ':\n' | sed 's/^\$2y/$2a/')
else
  hash=
fi
# POSIX sh has no pipefail: a failed hash command shows as an empty or odd hash
case "$hash" in
  '$2'[aby]'$'*) ;;
  *)
    echo "Could not make the operator's BCrypt hash: install htpasswd (apache2-utils), python3 with bcrypt, or Docker" >&2
    exit 1
    ;;
esac
# single quotes: compose takes the value literally (a BCrypt hash is full of $)
umask 077
cat > .env <<ENV
CPS_JWT_PUBLIC_KEY=$public
CPS_ACCOUNT_PRIVATE_KEY=$private
CPS_ACCOUNT_PASSWORD_TOKEN_KEY=$(openssl rand -hex 32)
CPS_VERIFICATION_INFORMATION_TOKEN_KEY=$(openssl rand -hex 32)
CPS_ACCOUNT_NOTIFICATION_SEAL_KEY=$(openssl rand 32 | b64)
CPS_VERIFICATION_NOTIFICATION_SEAL_KEY=$(openssl rand 32 | b64)
CPS_MANAGEMENT_SCRAPE_PASSWORD=$(openssl rand -hex 24)
CPS_ACCOUNT_PRIVACY_MASTER_KEYS=$(openssl rand 32 | b64)
CPS_VERIFICATION_PRIVACY_MASTER_KEYS=$(openssl rand 32 | b64)
CPS_PRODUCT_PRIVACY_MASTER_KEYS=$(openssl rand 32 | b64)
CPS_POINTS_PRIVACY_MASTER_KEYS=$(openssl rand 32 | b64)
CPS_MEMBERSHIP_PRIVACY_MASTER_KEYS=$(openssl rand 32 | b64)
CPS_BILLING_PRIVACY_MASTER_KEYS=$(openssl rand 32 | b64)
CPS_NOTIFICATION_PRIVACY_MASTER_KEYS=$(openssl rand 32 | b64)
CPS_OPERATOR_EMAIL=operator@cps.example
CPS_OPERATOR_PASSWORD_HASH='{bcrypt}$hash'
CPS_GRAFANA_ADMIN_PASSWORD=$grafana_password
ENV
chmod 600 .env
echo "Wrote .env. Operator login: operator@cps.example / $operator_password"
echo "Grafana (http://localhost:3000): admin / $grafana_password"
