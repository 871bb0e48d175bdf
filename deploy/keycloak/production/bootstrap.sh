#!/bin/sh
# Completes the production realm after Keycloak imported deploy/keycloak/production/dangjian-realm.json.
# What a realm file must not carry is created here from the environment (Secrets in Kubernetes,
# .env in compose): the first platform administrator, and the role grants of the two service
# accounts (Keycloak stores those as users, and the realm file holds no users).
#
# Idempotent: run it after every start (compose: the keycloak-bootstrap service; k8s: a Job).
#
# Environment:
#   KEYCLOAK_URL                       http://keycloak:8080 (in-cluster address of Keycloak)
#   KC_BOOTSTRAP_ADMIN_USERNAME/_PASSWORD   the master-realm bootstrap administrator
#   DANGJIAN_ADMIN_USERNAME            the first 组织部 administrator (realm role platform-admin)
#   DANGJIAN_ADMIN_INITIAL_PASSWORD    temporary: must be changed at first login, where an
#                                      authenticator app (OTP) must also be set up
#   KCADM                              path of kcadm.sh (default /opt/keycloak/bin/kcadm.sh)
#   DANGJIAN_REALM_FILE                optional: import this realm file when the realm does not exist
#                                      (Kubernetes, where Keycloak is run by an operator or the
#                                      platform team and does not import at start-up)
#   DANGJIAN_INTEGRATION_CLIENT_SECRET, DANGJIAN_MEMBER_SERVICE_CLIENT_SECRET,
#   DANGJIAN_ALERT_SERVICE_CLIENT_SECRET, DANGJIAN_WEB_REDIRECT_URI, DANGJIAN_WEB_ORIGIN
#                                      optional: applied to the clients on every run, so rotating
#                                      a secret is "change the Secret, run the Job again"
set -eu

KCADM=${KCADM:-/opt/keycloak/bin/kcadm.sh}
KEYCLOAK_URL=${KEYCLOAK_URL:-http://keycloak:8080}
REALM=dangjian
: "${KC_BOOTSTRAP_ADMIN_USERNAME:?set the master-realm bootstrap administrator}"
: "${KC_BOOTSTRAP_ADMIN_PASSWORD:?set the master-realm bootstrap administrator password}"
: "${DANGJIAN_ADMIN_USERNAME:?set the first platform administrator}"
: "${DANGJIAN_ADMIN_INITIAL_PASSWORD:?set the first platform administrator initial password}"
export KC_CLI_CONFIG="${KC_CLI_CONFIG:-${TMPDIR:-/tmp}/kcadm-$$.config}"
trap 'rm -f "$KC_CLI_CONFIG"' EXIT

echo "bootstrap: waiting for Keycloak at $KEYCLOAK_URL"
tries=0
until "$KCADM" config credentials --server "$KEYCLOAK_URL" --realm master \
    --user "$KC_BOOTSTRAP_ADMIN_USERNAME" --password "$KC_BOOTSTRAP_ADMIN_PASSWORD" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 90 ]; then
    echo "bootstrap: Keycloak did not accept the bootstrap administrator within 3 minutes" >&2
    exit 1
  fi
  sleep 2
done
if ! "$KCADM" get "realms/$REALM" --fields realm >/dev/null 2>&1; then
  if [ -z "${DANGJIAN_REALM_FILE:-}" ]; then
    echo "bootstrap: realm $REALM does not exist and DANGJIAN_REALM_FILE is not set" >&2
    exit 1
  fi
  echo "bootstrap: importing realm $REALM from $DANGJIAN_REALM_FILE"
  : "${DANGJIAN_WEB_REDIRECT_URI:?needed to import the realm}" "${DANGJIAN_WEB_ORIGIN:?needed to import the realm}"
  # Only Keycloak's start-up import fills ${VAR} placeholders: fill the web client's URIs here (the
  # secrets are set on the clients below, not written into a file).
  sed_escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }
  realm_file="${TMPDIR:-/tmp}/dangjian-realm-$$.json"
  sed -e "s|\${DANGJIAN_WEB_REDIRECT_URI}|$(sed_escape "$DANGJIAN_WEB_REDIRECT_URI")|g" \
      -e "s|\${DANGJIAN_WEB_ORIGIN}|$(sed_escape "$DANGJIAN_WEB_ORIGIN")|g" \
      "$DANGJIAN_REALM_FILE" > "$realm_file"
  "$KCADM" create realms -f "$realm_file"
  rm -f "$realm_file"
fi

client_id() {
  "$KCADM" get clients -r "$REALM" -q "clientId=$1" --fields id --format csv --noquotes
}
if [ -n "${DANGJIAN_INTEGRATION_CLIENT_SECRET:-}" ]; then
  "$KCADM" update "clients/$(client_id dangjian-integration)" -r "$REALM" \
    -s "secret=$DANGJIAN_INTEGRATION_CLIENT_SECRET"
fi
if [ -n "${DANGJIAN_MEMBER_SERVICE_CLIENT_SECRET:-}" ]; then
  "$KCADM" update "clients/$(client_id dangjian-member-service)" -r "$REALM" \
    -s "secret=$DANGJIAN_MEMBER_SERVICE_CLIENT_SECRET"
fi
if [ -n "${DANGJIAN_ALERT_SERVICE_CLIENT_SECRET:-}" ]; then
  "$KCADM" update "clients/$(client_id dangjian-alert-service)" -r "$REALM" \
    -s "secret=$DANGJIAN_ALERT_SERVICE_CLIENT_SECRET"
fi
if [ -n "${DANGJIAN_WEB_REDIRECT_URI:-}" ] && [ -n "${DANGJIAN_WEB_ORIGIN:-}" ]; then
  "$KCADM" update "clients/$(client_id dangjian-web)" -r "$REALM" \
    -s "redirectUris=[\"$DANGJIAN_WEB_REDIRECT_URI\"]" -s "webOrigins=[\"$DANGJIAN_WEB_ORIGIN\"]" \
    -s "attributes.\"post.logout.redirect.uris\"=$DANGJIAN_WEB_ORIGIN/*"
fi

echo "bootstrap: service-account roles"
"$KCADM" add-roles -r "$REALM" --uusername service-account-dangjian-integration --rolename integration
"$KCADM" add-roles -r "$REALM" --uusername service-account-dangjian-member-service \
  --cclientid realm-management \
  --rolename manage-users --rolename view-users --rolename query-users --rolename view-realm
"$KCADM" add-roles -r "$REALM" --uusername service-account-dangjian-alert-service \
  --rolename notification-sender

existing=$("$KCADM" get users -r "$REALM" -q "username=$DANGJIAN_ADMIN_USERNAME" -q exact=true \
  --fields id --format csv --noquotes)
if [ -z "$existing" ]; then
  echo "bootstrap: creating the first platform administrator $DANGJIAN_ADMIN_USERNAME"
  "$KCADM" create users -r "$REALM" -s "username=$DANGJIAN_ADMIN_USERNAME" -s enabled=true \
    -s 'requiredActions=["UPDATE_PASSWORD","CONFIGURE_TOTP"]'
  "$KCADM" set-password -r "$REALM" --username "$DANGJIAN_ADMIN_USERNAME" \
    --new-password "$DANGJIAN_ADMIN_INITIAL_PASSWORD" --temporary
  "$KCADM" add-roles -r "$REALM" --uusername "$DANGJIAN_ADMIN_USERNAME" --rolename platform-admin
else
  # Never reset an existing administrator's password or factors from the environment.
  echo "bootstrap: platform administrator $DANGJIAN_ADMIN_USERNAME exists, left unchanged"
fi
echo "bootstrap: done"
