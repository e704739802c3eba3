#!/usr/bin/env bash
# Blue-green deploy of the sample shop, gated by Greenlight:
#   find the idle slot → start the new release there with the agent → run its checks →
#   wait for the gate's allow → switch the router → watch the error rate → switch back on errors →
#   keep the old slot for the insurance window → stop it.
# Every step prints what it does; any failure exits non-zero. See --help.
set -euo pipefail

PROG=$(basename "$0")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

usage() {
  cat <<EOF
Usage: $PROG --release R --gate URL --jdbc-url URL [options]
       $PROG --first --release R --gate URL --jdbc-url URL [options]

Deploys release R of the shop into the idle slot, waits for the Greenlight gate to allow the
switch, flips the router, watches the error rate, switches back on errors, and stops the old
slot once the insurance window is over.

Required:
  --release R               release label, reported by the agent and used by the shop (1 or 2)
  --gate URL                the gate, e.g. http://127.0.0.1:8470        (env GREENLIGHT_GATE)
  --jdbc-url URL            the shop's shared PostgreSQL                (env SHOP_JDBC_URL)

Gate:
  --app NAME                app name at the gate (default: shop)
  --env NAME                environment (default: prod)
  --token TOKEN             deployer token for switches and reads      (env GREENLIGHT_DEPLOY_TOKEN)
  --agent-token TOKEN       token the agent pushes reports with        (env GREENLIGHT_AGENT_TOKEN)
  --check-timeout SECONDS   how long to wait while the gate answers pending (default: 300)

Router:
  --router haproxy|gate     haproxy: this script flips HAProxy over its runtime API (socat) and
                            records the switch at the gate; gate: the gate's router driver flips
                            (router: in gate.yaml) (default: haproxy)
  --haproxy-socket PATH     HAProxy admin socket (default: /run/haproxy/admin.sock)
  --backend NAME            HAProxy backend (default: shop)
  --server-blue NAME        HAProxy server of the blue slot (default: blue1)
  --server-green NAME       HAProxy server of the green slot (default: green1)

Slots:
  --blue-port N             shop port of blue (default: 8081)
  --green-port N            shop port of green (default: 8082)
  --agent-port-blue N       agent port of blue (default: 9491)
  --agent-port-green N      agent port of green (default: 9492)
  --sessions memory|shared  where the shop keeps HTTP sessions (default: shared)
  --shop-jar PATH           (default: samples/shop/target/greenlight-sample-shop.jar)
  --agent-jar PATH          (default: agent/target/greenlight-agent.jar)
  --java-opts "OPTS"        extra JVM options for the shop
  --state-dir DIR           pid files and logs of the slots (default: ./deploy-state)
  --start-timeout SECONDS   how long the new slot may take to answer /health (default: 60)
  --warmup-rate N           requests per second sent to the new slot while the gate is asked
                            (default: 20; 0 when real traffic warms it)

After the switch:
  --watch SECONDS           error-rate window after the switch (default: 30)
  --max-error-rate PCT      switch back above this error rate, in percent (default: 1)
  --probe-path PATH         what the watch probes on the new slot (default: /products)
  --insurance SECONDS       keep the old slot this long (default: until the gate's status says
                            decommissionAllowed), watching the error rate meanwhile
  --keep-old                never stop the old slot

Other:
  --first                   first deployment: start R in the gate's live slot, no switch
  --live-slot blue|green    skip detection (trust this)
  -h, --help                this help

Exit codes: 0 switched (or first deploy done); 1 the gate denied, a check failed, the router failed
or traffic was switched back; 2 usage error.
EOF
}

# ---------- output ----------
step_no=0
step() { step_no=$((step_no + 1)); printf '\n==> [%d] %s\n' "$step_no" "$*"; }
info() { printf '    %s\n' "$*"; }
fail() { printf '\n%s: FAILED: %s\n' "$PROG" "$*" >&2; exit 1; }
usage_error() { printf '%s: %s (see --help)\n' "$PROG" "$*" >&2; exit 2; }

# ---------- options ----------
RELEASE=""
GATE="${GREENLIGHT_GATE:-}"
JDBC_URL="${SHOP_JDBC_URL:-}"
APP="shop"
ENV_NAME="prod"
TOKEN="${GREENLIGHT_DEPLOY_TOKEN:-}"
AGENT_TOKEN="${GREENLIGHT_AGENT_TOKEN:-}"
CHECK_TIMEOUT=300
ROUTER="haproxy"
HAPROXY_SOCKET="/run/haproxy/admin.sock"
BACKEND="shop"
SERVER_BLUE="blue1"
SERVER_GREEN="green1"
BLUE_PORT=8081
GREEN_PORT=8082
AGENT_PORT_BLUE=9491
AGENT_PORT_GREEN=9492
SESSIONS="shared"
SHOP_JAR="$ROOT/samples/shop/target/greenlight-sample-shop.jar"
AGENT_JAR="$ROOT/agent/target/greenlight-agent.jar"
JAVA_OPTS_EXTRA=""
STATE_DIR="./deploy-state"
START_TIMEOUT=60
WARMUP_RATE=20
WATCH=30
MAX_ERROR_RATE=1
PROBE_PATH="/products"
INSURANCE=""
KEEP_OLD=false
FIRST=false
LIVE_OVERRIDE=""

need_value() { [ "$#" -ge 2 ] && [ -n "$2" ] || usage_error "$1 needs a value"; }
is_number() { [[ "$2" =~ ^[0-9]+([.][0-9]+)?$ ]] || usage_error "$1 must be a number, got '$2'"; }

while [ "$#" -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --first) FIRST=true; shift; continue ;;
    --keep-old) KEEP_OLD=true; shift; continue ;;
  esac
  need_value "$@"
  case "$1" in
    --release) RELEASE=$2 ;;
    --gate) GATE=${2%/} ;;
    --jdbc-url) JDBC_URL=$2 ;;
    --app) APP=$2 ;;
    --env) ENV_NAME=$2 ;;
    --token) TOKEN=$2 ;;
    --agent-token) AGENT_TOKEN=$2 ;;
    --check-timeout) is_number "$1" "$2"; CHECK_TIMEOUT=$2 ;;
    --router) ROUTER=$2 ;;
    --haproxy-socket) HAPROXY_SOCKET=$2 ;;
    --backend) BACKEND=$2 ;;
    --server-blue) SERVER_BLUE=$2 ;;
    --server-green) SERVER_GREEN=$2 ;;
    --blue-port) is_number "$1" "$2"; BLUE_PORT=$2 ;;
    --green-port) is_number "$1" "$2"; GREEN_PORT=$2 ;;
    --agent-port-blue) is_number "$1" "$2"; AGENT_PORT_BLUE=$2 ;;
    --agent-port-green) is_number "$1" "$2"; AGENT_PORT_GREEN=$2 ;;
    --sessions) SESSIONS=$2 ;;
    --shop-jar) SHOP_JAR=$2 ;;
    --agent-jar) AGENT_JAR=$2 ;;
    --java-opts) JAVA_OPTS_EXTRA=$2 ;;
    --state-dir) STATE_DIR=$2 ;;
    --start-timeout) is_number "$1" "$2"; START_TIMEOUT=$2 ;;
    --warmup-rate) is_number "$1" "$2"; WARMUP_RATE=$2 ;;
    --watch) is_number "$1" "$2"; WATCH=$2 ;;
    --max-error-rate) is_number "$1" "$2"; MAX_ERROR_RATE=$2 ;;
    --probe-path) PROBE_PATH=$2 ;;
    --insurance) is_number "$1" "$2"; INSURANCE=$2 ;;
    --live-slot) LIVE_OVERRIDE=$2 ;;
    *) usage_error "unknown option '$1'" ;;
  esac
  shift 2
done

[ -n "$RELEASE" ] || usage_error "--release is required"
[ -n "$GATE" ] || usage_error "--gate (or GREENLIGHT_GATE) is required"
[ -n "$JDBC_URL" ] || usage_error "--jdbc-url (or SHOP_JDBC_URL) is required"
[[ "$GATE" =~ ^https?:// ]] || usage_error "--gate must be an http(s) URL, got '$GATE'"
[[ "$JDBC_URL" == jdbc:postgresql:* ]] || usage_error "--jdbc-url must start with jdbc:postgresql:, got '$JDBC_URL'"
case "$ROUTER" in haproxy|gate) ;; *) usage_error "--router must be haproxy or gate, got '$ROUTER'" ;; esac
case "$SESSIONS" in memory|shared) ;; *) usage_error "--sessions must be memory or shared, got '$SESSIONS'" ;; esac
case "$LIVE_OVERRIDE" in ""|blue|green) ;; *) usage_error "--live-slot must be blue or green, got '$LIVE_OVERRIDE'" ;; esac
[ -n "$AGENT_TOKEN" ] || AGENT_TOKEN=$TOKEN

for tool in curl java; do
  command -v "$tool" >/dev/null || fail "'$tool' is not on the PATH"
done
if [ "$ROUTER" = haproxy ] && ! command -v socat >/dev/null; then
  fail "--router haproxy talks to HAProxy's runtime API with socat, which is not on the PATH (apt-get install socat)"
fi
[ -f "$SHOP_JAR" ] || fail "shop jar not found: $SHOP_JAR (build it: ./mvnw -B -pl samples/shop -am package -DskipTests)"
[ -f "$AGENT_JAR" ] || fail "agent jar not found: $AGENT_JAR (build it: ./mvnw -B -pl agent -am package -DskipTests)"
mkdir -p "$STATE_DIR"
STATE_DIR=$(cd "$STATE_DIR" && pwd)

API="$GATE/v1/apps/$APP/envs/$ENV_NAME"
AUTH=()
[ -z "$TOKEN" ] || AUTH=(-H "Authorization: Bearer $TOKEN")
BODY="$STATE_DIR/last-gate-answer.json"

# ---------- helpers ----------
or_none() { if [ -n "$1" ] && [ "$1" != null ]; then echo "$1"; else echo none; fi; }
other() { if [ "$1" = blue ]; then echo green; else echo blue; fi; }
port_of() { if [ "$1" = blue ]; then echo "$BLUE_PORT"; else echo "$GREEN_PORT"; fi; }
agent_port_of() { if [ "$1" = blue ]; then echo "$AGENT_PORT_BLUE"; else echo "$AGENT_PORT_GREEN"; fi; }
server_of() { if [ "$1" = blue ]; then echo "$SERVER_BLUE"; else echo "$SERVER_GREEN"; fi; }

# Top-level string or boolean field of a JSON file: jq when installed, else a plain pattern.
json_field() {
  if command -v jq >/dev/null; then
    jq -r --arg f "$2" '.[$f] // empty | tostring' "$1" 2>/dev/null || true
  else
    tr -d '\n' <"$1" | grep -o "\"$2\" *: *\(\"[^\"]*\"\|true\|false\|[0-9]*\)" | head -1 |
      sed -e 's/^"[^"]*" *: *//' -e 's/^"//' -e 's/"$//'
  fi
}

# The decision's reasons, one per line: "CODE (verdict): message".
print_reasons() {
  if command -v jq >/dev/null; then
    jq -r '.reasons[]? | "    - \(.code) (\(.verdict)): \(.message)"' "$1" 2>/dev/null || cat "$1"
  else
    tr -d '\n' <"$1" | grep -o '"message" *: *"[^"]*"' | sed -e 's/^"message" *: *"/    - /' -e 's/"$//'
  fi
}

haproxy_cmd() {
  local answer
  answer=$(printf '%s\n' "$1" | socat -t 5 stdio "unix-connect:$HAPROXY_SOCKET" 2>&1) ||
    fail "HAProxy runtime API at $HAPROXY_SOCKET did not answer '$1': $answer"
  printf '%s' "$answer"
}

# "ready" or "maint" for a server, from 'show servers state' (srv_admin_state bit 1 = maintenance).
haproxy_server_state() {
  haproxy_cmd "show servers state $BACKEND" | awk -v srv="$1" '
    /^# / { for (i = 2; i <= NF; i++) col[$i] = i - 1; next }
    col["srv_name"] && $col["srv_name"] == srv {
      print (($col["srv_admin_state"] % 2) == 1 ? "maint" : "ready"); found = 1 }
    END { if (!found) print "missing" }'
}

haproxy_set() {
  local answer
  answer=$(haproxy_cmd "set server $BACKEND/$1 state $2")
  [ -z "$(printf '%s' "$answer" | tr -d '[:space:]')" ] || fail "HAProxy refused 'set server $BACKEND/$1 state $2': $answer"
  info "haproxy: set server $BACKEND/$1 state $2"
}

# Totals of a server from 'show stat': "<responses> <errors>" (5xx + connection/response errors).
haproxy_counts() {
  haproxy_cmd "show stat" | awk -F, -v be="$BACKEND" -v srv="$1" '
    NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["pxname"] == be && $col["svname"] == srv {
      total = $col["hrsp_1xx"] + $col["hrsp_2xx"] + $col["hrsp_3xx"] + $col["hrsp_4xx"] + $col["hrsp_5xx"] + $col["hrsp_other"]
      errors = $col["hrsp_5xx"] + $col["econ"] + $col["eresp"]
      print total + 0, errors + 0 }'
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_slot() {
  local slot=$1 pidfile="$STATE_DIR/$1.pid" pid waited=0
  if ! pid_alive "$pidfile"; then
    info "no process of ours runs in $slot (no live pid in $pidfile)"
    rm -f "$pidfile"
    return 0
  fi
  pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    info "$slot (pid $pid) ignored TERM for 30 s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  info "stopped $slot (pid $pid)"
}

start_slot() {
  local slot=$1 port agent_port log pidfile
  port=$(port_of "$slot")
  agent_port=$(agent_port_of "$slot")
  log="$STATE_DIR/$slot.log"
  pidfile="$STATE_DIR/$slot.pid"
  if pid_alive "$pidfile"; then
    info "$slot still runs an earlier release (pid $(cat "$pidfile")): stopping it first"
    stop_slot "$slot"
  fi
  local agent="-javaagent:$AGENT_JAR=app=$APP,env=$ENV_NAME,slot=$slot,release=$RELEASE,port=$agent_port,gate=$GATE"
  info "java $agent -jar $(basename "$SHOP_JAR") serve --release $RELEASE --slot $slot --port $port --sessions $SESSIONS"
  info "(the agent's token goes in GREENLIGHT_TOKEN, not on the command line where ps shows it)"
  # shellcheck disable=SC2086 # JAVA_OPTS_EXTRA is a list of options
  GREENLIGHT_TOKEN="$AGENT_TOKEN" SHOP_JDBC_URL="$JDBC_URL" nohup java $JAVA_OPTS_EXTRA "$agent" \
    -jar "$SHOP_JAR" serve --release "$RELEASE" --slot "$slot" --port "$port" \
    --sessions "$SESSIONS" >"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  info "$slot started: pid $(cat "$pidfile"), log $log"
}

# Waits for /health, then checks the slot answers as itself and serves the catalogue.
check_slot() {
  local slot=$1 port url headers
  port=$(port_of "$slot")
  url="http://127.0.0.1:$port"
  info "waiting up to $START_TIMEOUT s for $url/health"
  local deadline=$(($(date +%s) + START_TIMEOUT))
  until curl -s --fail -o "$STATE_DIR/$slot-health.json" --max-time 5 "$url/health"; do
    if ! pid_alive "$STATE_DIR/$slot.pid"; then
      info "the $slot process has exited; last lines of its log:"
      tail -n 20 "$STATE_DIR/$slot.log" | sed 's/^/      | /' >&2 || true
      fail "$slot exited while starting"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -n 20 "$STATE_DIR/$slot.log" | sed 's/^/      | /' >&2 || true
      fail "$slot did not become healthy at $url/health within $START_TIMEOUT s"
    fi
    sleep 1
  done
  info "health: $(tr -d '\n' <"$STATE_DIR/$slot-health.json")"
  headers=$(curl -sS --fail -o /dev/null -D - --max-time 10 "$url$PROBE_PATH") ||
    fail "$slot answers /health but not $PROBE_PATH"
  local served_by
  served_by=$(printf '%s' "$headers" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-slot" { print $2 }')
  [ "$served_by" = "$slot" ] || fail "port $port answered as slot '$served_by', expected $slot"
  info "smoke test: GET $PROBE_PATH → 200 from X-Slot: $served_by"
  local readiness
  readiness=$(curl -s --max-time 5 "http://127.0.0.1:$(agent_port_of "$slot")/greenlight/health/readiness" || true)
  info "agent readiness: ${readiness:-no answer on port $(agent_port_of "$slot")}"
}

# Keeps a steady trickle of requests on the new slot while the gate is asked: the agent judges
# warm-up from real traffic (requests per second over time), so a single burst is not enough.
WARMUP_PID=""
start_warm_up() {
  local port
  port=$(port_of "$1")
  [ "$WARMUP_RATE" -gt 0 ] || return 0
  curl -s --rate "$WARMUP_RATE/s" --max-time "$((CHECK_TIMEOUT + 60))" -o /dev/null \
    "http://127.0.0.1:$port$PROBE_PATH?warmup=[1-$((WARMUP_RATE * (CHECK_TIMEOUT + 60)))]" \
    >/dev/null 2>&1 </dev/null &
  WARMUP_PID=$!
  info "warm-up traffic: $WARMUP_RATE requests/s to $1$PROBE_PATH until the gate decides"
}
stop_warm_up() {
  [ -z "$WARMUP_PID" ] || kill "$WARMUP_PID" 2>/dev/null || true
  WARMUP_PID=""
}
trap stop_warm_up EXIT

# Asks the gate until it answers allow (exit 0) or deny, or the timeout passes (exit 1).
# curl --retry retries 503 (pending) by itself; between rounds the pending reasons are printed.
wait_for_allow() {
  local slot=$1 url code deadline
  url="$API/check?release=$RELEASE&slot=$slot"
  deadline=$(($(date +%s) + CHECK_TIMEOUT))
  info "GET $url"
  while :; do
    code=$(curl -sS -o "$BODY" -w '%{http_code}' "${AUTH[@]}" --retry 10 --retry-delay 3 \
      --retry-max-time 30 --retry-connrefused --max-time 10 "$url") || code=000
    case "$code" in
      200)
        info "gate: ALLOW (decision $(json_field "$BODY" decisionId))"
        return 0 ;;
      409)
        info "gate: DENY"
        print_reasons "$BODY"
        fail "the gate denied switching $APP/$ENV_NAME to $slot for release $RELEASE" ;;
      503)
        info "gate: PENDING"
        print_reasons "$BODY" ;;
      000) info "gate unreachable at $GATE" ;;
      401|403) fail "the gate refused the token ($code): $(tr -d '\n' <"$BODY")" ;;
      *) fail "the gate answered $code: $(tr -d '\n' <"$BODY")" ;;
    esac
    [ "$(date +%s)" -lt "$deadline" ] || fail "still pending after $CHECK_TIMEOUT s (--check-timeout)"
  done
}

gate_post() {
  local path=$1 data=$2 code
  code=$(curl -sS -o "$BODY" -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: application/json' \
    --max-time 30 -X POST --data "$data" "$API/$path") || code=000
  echo "$code"
}

flip_router() {
  local to=$1 from
  from=$(other "$to")
  if [ "$ROUTER" = haproxy ]; then
    # New slot first, then the old one out: for a moment both serve, never neither.
    haproxy_set "$(server_of "$to")" ready
    haproxy_set "$(server_of "$from")" maint
  fi
}

# Sends probes to the slot for WINDOW seconds and adds HAProxy's counters for its server;
# prints "<requests> <errors>".
measure_errors() {
  local slot=$1 window=$2 port probes codes probe_total probe_errors before after
  port=$(port_of "$slot")
  probes=$((window * 5))
  [ "$ROUTER" != haproxy ] || before=$(haproxy_counts "$(server_of "$slot")")
  codes=$(curl -s --rate 5/s --max-time $((window + 30)) -o /dev/null -w '%{http_code}\n' \
    "http://127.0.0.1:$port$PROBE_PATH?probe=[1-$probes]" || true)
  probe_total=$(printf '%s\n' "$codes" | grep -c . || true)
  probe_errors=$(printf '%s\n' "$codes" | grep -vc '^[23]' || true)
  # curl stops early when the slot vanishes: count the missing probes as errors.
  probe_errors=$((probe_errors + probes - probe_total))
  probe_total=$probes
  if [ "$ROUTER" = haproxy ]; then
    after=$(haproxy_counts "$(server_of "$slot")")
    set -- $before $after
    echo $((probe_total + $3 - $1)) $((probe_errors + $4 - $2))
  else
    echo "$probe_total" "$probe_errors"
  fi
}

# Watches the slot for WINDOW seconds; returns 1 (after printing) when the error rate is too high.
watch_errors() {
  local slot=$1 window=$2 counts total errors
  counts=$(measure_errors "$slot" "$window")
  total=${counts% *}
  errors=${counts#* }
  if awk -v e="$errors" -v t="$total" -v max="$MAX_ERROR_RATE" 'BEGIN { exit !(t == 0 || e * 100 > max * t) }'; then
    if [ "$total" -eq 0 ]; then
      info "no request reached $slot in $window s: cannot judge it"
    fi
    info "error rate on $slot: $errors of $total requests failed (limit $MAX_ERROR_RATE %)"
    return 1
  fi
  info "error rate on $slot: $errors of $total requests failed (limit $MAX_ERROR_RATE %): OK"
}

switch_back() {
  local to=$1 reason=$2 code
  step "Switching back to $to: $reason"
  code=$(gate_post switch-back "{\"reason\": \"$reason\"}")
  [ "$code" = 200 ] || info "gate switch-back answered $code: $(tr -d '\n' <"$BODY")"
  [ "$code" != 200 ] || info "gate recorded the switch back; live: $(json_field "$BODY" live); warnings: $(json_field "$BODY" warnings)"
  flip_router "$to"
}

# ---------- the deploy ----------
printf '%s: deploying %s release %s to %s (gate %s, router %s, sessions %s)\n' \
  "$PROG" "$APP" "$RELEASE" "$ENV_NAME" "$GATE" "$ROUTER" "$SESSIONS"

step "Finding the live and the idle slot"
if [ -n "$LIVE_OVERRIDE" ]; then
  LIVE=$LIVE_OVERRIDE
  info "live slot given: $LIVE"
else
  code=$(curl -sS -o "$BODY" -w '%{http_code}' "${AUTH[@]}" --retry 5 --retry-connrefused \
    --max-time 10 "$API/status") || code=000
  [ "$code" = 200 ] || fail "GET $API/status answered $code: $(tr -d '\n' <"$BODY" 2>/dev/null)"
  LIVE=$(json_field "$BODY" live)
  case "$LIVE" in blue|green) ;; *) fail "the gate's status names no live slot: $(tr -d '\n' <"$BODY")" ;; esac
  info "gate: live slot is $LIVE (previous: $(or_none "$(json_field "$BODY" previous)"), switched at $(or_none "$(json_field "$BODY" switchedAt)"))"
fi
if [ "$ROUTER" = haproxy ]; then
  live_state=$(haproxy_server_state "$(server_of "$LIVE")")
  idle_state=$(haproxy_server_state "$(server_of "$(other "$LIVE")")")
  info "haproxy: $BACKEND/$(server_of "$LIVE") is $live_state, $BACKEND/$(server_of "$(other "$LIVE")") is $idle_state"
  [ "$live_state" != missing ] && [ "$idle_state" != missing ] ||
    fail "HAProxy backend $BACKEND lacks server $(server_of "$LIVE") or $(server_of "$(other "$LIVE")")"
  if ! $FIRST && [ "$live_state" != ready ]; then
    fail "the gate says $LIVE is live but HAProxy does not send it traffic: fix the router first"
  fi
fi

if $FIRST; then
  step "First deployment: starting release $RELEASE in the live slot $LIVE"
  start_slot "$LIVE"
  step "Checking $LIVE"
  check_slot "$LIVE"
  if [ "$ROUTER" = haproxy ]; then
    step "Routing traffic to $LIVE"
    haproxy_set "$(server_of "$LIVE")" ready
    haproxy_set "$(server_of "$(other "$LIVE")")" maint
  fi
  printf '\n%s: release %s serves %s/%s from %s\n' "$PROG" "$RELEASE" "$APP" "$ENV_NAME" "$LIVE"
  exit 0
fi

IDLE=$(other "$LIVE")
info "idle slot: $IDLE"

step "Starting release $RELEASE in $IDLE with the Greenlight agent"
start_slot "$IDLE"

step "Checking $IDLE"
check_slot "$IDLE"

step "Waiting for the gate to allow $IDLE (release $RELEASE)"
start_warm_up "$IDLE"
if ! (wait_for_allow "$IDLE"); then
  stop_warm_up
  step "Not switching: stopping $IDLE, $LIVE keeps serving"
  stop_slot "$IDLE"
  exit 1
fi
stop_warm_up
DECISION=$(json_field "$BODY" decisionId)

step "Switching $APP/$ENV_NAME from $LIVE to $IDLE"
# A decision id names the exact evidence it was made on; a fresh agent report in between makes a
# new one. Then the gate answers 409 "no longer current" and we ask again (a deny stops here).
attempt=1
while :; do
  code=$(gate_post switches "{\"decisionId\": \"$DECISION\", \"to\": \"$IDLE\"}")
  if [ "$code" = 409 ] && grep -q 'no longer current' "$BODY" && [ "$attempt" -lt 5 ]; then
    info "decision $DECISION is no longer current (new evidence arrived): asking the gate again"
    attempt=$((attempt + 1))
    code=$(curl -sS -o "$BODY" -w '%{http_code}' "${AUTH[@]}" --max-time 10 \
      "$API/check?release=$RELEASE&slot=$IDLE") || code=000
    if [ "$code" != 200 ]; then
      info "gate now answers $code:"
      print_reasons "$BODY"
      stop_slot "$IDLE"
      fail "the gate no longer allows $IDLE"
    fi
    DECISION=$(json_field "$BODY" decisionId)
    info "gate: ALLOW (decision $DECISION)"
    continue
  fi
  break
done
case "$code" in
  200) info "gate recorded the switch (audit #$(json_field "$BODY" auditSeq)); router by gate: $(or_none "$(json_field "$BODY" router)")" ;;
  409) info "gate refused: $(tr -d '\n' <"$BODY")"; stop_slot "$IDLE"; fail "the decision is no longer a current allow" ;;
  502) info "gate's router failed: $(tr -d '\n' <"$BODY")"; stop_slot "$IDLE"; fail "the gate's router driver could not switch" ;;
  *) stop_slot "$IDLE"; fail "POST $API/switches answered $code: $(tr -d '\n' <"$BODY")" ;;
esac
flip_router "$IDLE"

step "Watching $IDLE for $WATCH s (switch back above $MAX_ERROR_RATE % errors)"
if ! watch_errors "$IDLE" "$WATCH"; then
  switch_back "$LIVE" "error rate above $MAX_ERROR_RATE % in the first $WATCH s on $IDLE"
  stop_slot "$IDLE"
  fail "switched back to $LIVE"
fi

if $KEEP_OLD; then
  printf '\n%s: release %s is live in %s; %s kept running (--keep-old)\n' "$PROG" "$RELEASE" "$IDLE" "$LIVE"
  exit 0
fi

if [ -n "$INSURANCE" ]; then
  step "Insurance window: keeping $LIVE for $INSURANCE s while watching $IDLE"
  end=$(($(date +%s) + ${INSURANCE%.*}))
  while [ "$(date +%s)" -lt "$end" ]; do
    chunk=$((end - $(date +%s)))
    [ "$chunk" -le "$WATCH" ] || chunk=$WATCH
    [ "$chunk" -gt 0 ] || break
    if ! watch_errors "$IDLE" "$chunk"; then
      switch_back "$LIVE" "error rate above $MAX_ERROR_RATE % on $IDLE during the insurance window"
      stop_slot "$IDLE"
      fail "switched back to $LIVE"
    fi
  done
else
  step "Insurance window: keeping $LIVE until the gate allows decommissioning"
  while :; do
    code=$(curl -sS -o "$BODY" -w '%{http_code}' "${AUTH[@]}" --max-time 10 --retry 3 "$API/status") || code=000
    if [ "$code" = 200 ] && [ "$(json_field "$BODY" decommissionAllowed)" = true ]; then
      info "gate: decommission allowed (window ended $(json_field "$BODY" insuranceWindowEndsAt))"
      break
    fi
    if [ "$code" = 200 ] && [ "$(json_field "$BODY" rollbackAdvised)" = true ]; then
      switch_back "$LIVE" "the gate advises a rollback"
      stop_slot "$IDLE"
      fail "switched back to $LIVE"
    fi
    [ "$code" = 200 ] && info "window ends $(json_field "$BODY" insuranceWindowEndsAt)" || info "gate status answered $code"
    if ! watch_errors "$IDLE" "$WATCH"; then
      switch_back "$LIVE" "error rate above $MAX_ERROR_RATE % on $IDLE during the insurance window"
      stop_slot "$IDLE"
      fail "switched back to $LIVE"
    fi
  done
fi

step "Stopping the old slot $LIVE"
stop_slot "$LIVE"
printf '\n%s: release %s is live in %s\n' "$PROG" "$RELEASE" "$IDLE"
