#!/usr/bin/env bash
# BeforeAllowTraffic: ask the Greenlight gate whether this release may get traffic.
#   200 allow   → exit 0, CodeDeploy routes traffic to the replacement instances
#   503 pending → curl --retry waits (warm-up, evidence still arriving) up to GATE_WAIT seconds
#   409 deny    → exit 1 with the gate's reasons: CodeDeploy fails (and rolls back) the deployment
set -euo pipefail
set -a
# shellcheck disable=SC1091
. "${GREENLIGHT_DEPLOY_ENV:-/etc/greenlight/deploy.env}"
set +a
SHOP_HOME=${SHOP_HOME:-/opt/shop}
RELEASE=$(cat "$SHOP_HOME/release.txt")
: "${GATE_WAIT:=840}"
url="$GREENLIGHT_GATE/v1/apps/$GREENLIGHT_APP/envs/$GREENLIGHT_ENV/check?release=$RELEASE&slot=green"
echo "Greenlight: GET $url (deployment $DEPLOYMENT_ID, $LIFECYCLE_EVENT)"
answer=$(mktemp)
code=$(curl -sS -o "$answer" -w '%{http_code}' \
  -H "Authorization: Bearer $GREENLIGHT_DEPLOY_TOKEN" \
  --retry 200 --retry-delay 5 --retry-max-time "$GATE_WAIT" --retry-connrefused --max-time 10 \
  "$url") || code=000
echo "Greenlight answered $code: $(cat "$answer")"
rm -f "$answer"
[ "$code" = 200 ]
