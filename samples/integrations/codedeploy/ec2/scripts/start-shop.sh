#!/usr/bin/env bash
# ApplicationStart: the shop with the Greenlight agent. "${GREENLIGHT_DEPLOY_ENV:-/etc/greenlight/deploy.env}" holds
# GREENLIGHT_GATE, GREENLIGHT_APP, GREENLIGHT_ENV, GREENLIGHT_TOKEN (agent role),
# GREENLIGHT_DEPLOY_TOKEN (deployer role, for the BeforeAllowTraffic check) and
# SHOP_JDBC_URL; the bundle's release.txt names the release.
set -euo pipefail
set -a
# shellcheck disable=SC1091
. "${GREENLIGHT_DEPLOY_ENV:-/etc/greenlight/deploy.env}"
set +a
SHOP_HOME=${SHOP_HOME:-/opt/shop}
RELEASE=$(cat "$SHOP_HOME/release.txt")
export GREENLIGHT_SLOT=green GREENLIGHT_RELEASE="$RELEASE"
nohup java -javaagent:"$SHOP_HOME/greenlight-agent.jar" -jar "$SHOP_HOME/greenlight-sample-shop.jar" \
  serve --release "$RELEASE" --port 8080 --bind 0.0.0.0 --sessions shared \
  >/var/log/shop.log 2>&1 </dev/null &
echo "shop release $RELEASE started (pid $!)"
