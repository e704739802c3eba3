#!/usr/bin/env bash
# Gate benchmark with wrk on loopback: decisions/s and p99 (unchanged decision; a mix where the
# evidence changes), durable evidence writes/s, and the ratio to a static 200 route of the same
# server. The gate (and its embedded PostgreSQL) and wrk are pinned to separate cores when
# taskset and 2+ CPUs are there. Usage: bench/gate/run.sh [seconds per run, default 15]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${1:-15}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
"$root/bin/greenlight-gate" --version >/dev/null   # builds the jar when needed
jar="$root/gate-service/target/greenlight-gate.jar"

work="$(mktemp -d /tmp/gate-bench.XXXXXX)"
export GATE_TOKEN_CI="bench-ci-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
export GATE_TOKEN_AGENT="bench-agent-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
export GATE_TOKEN_VIEWER="bench-viewer-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
cat > "$work/gate.yaml" <<YAML
tokens:
  - {name: ci, role: ci, token: "$GATE_TOKEN_CI"}
  - {name: agent, role: agent, token: "$GATE_TOKEN_AGENT"}
  - {name: viewer, role: viewer, token: "$GATE_TOKEN_VIEWER"}
defaults:
  agent-report-ttl: 1h
YAML

gate_cpu=""; wrk_cpu=""
if [ -z "${GATE_BENCH_NO_PIN:-}" ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  gate_cpu="taskset -c 1"; wrk_cpu="taskset -c 0"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
$gate_cpu java -Xms512m -Xmx512m -jar "$jar" serve --port "$port" --data-dir "$work/data" \
  --config "$work/gate.yaml" > "$work/gate.out" 2> "$work/gate.err" &
gate_pid=$!
cleanup() { kill "$gate_pid" 2>/dev/null || true; wait "$gate_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 240); do
  grep -q "listening on" "$work/gate.out" 2>/dev/null && break
  kill -0 "$gate_pid" 2>/dev/null || { cat "$work/gate.err" >&2; exit 1; }
  sleep 0.5
done
base="http://127.0.0.1:$port"
auth_viewer="Authorization: Bearer $GATE_TOKEN_VIEWER"

curl -fsS -X PUT -H "Authorization: Bearer $GATE_TOKEN_CI" -H 'Content-Type: application/json' \
  --data '{"findings": []}' "$base/v1/apps/shop/releases/1.0/lint-report" >/dev/null
for i in 0 1 2 3; do
  curl -fsS -X POST -H "Authorization: Bearer $GATE_TOKEN_AGENT" -H 'Content-Type: application/json' \
    --data "{\"app\":\"shop\",\"environment\":\"prod\",\"slot\":\"green\",\"release\":\"1.0\",\"instanceId\":\"shop-green-$i\",\"observedAt\":\"2026-11-26T10:05:00Z\",\"warmup\":{\"verdict\":\"WARM\"},\"sessions\":{\"storage\":\"NONE\",\"active\":0}}" \
    "$base/v1/apps/shop/envs/prod/agents" >/dev/null
done
verdict=$(curl -fsS -H "$auth_viewer" "$base/v1/apps/shop/envs/prod/decision?release=1.0" | python3 -c 'import json,sys; print(json.load(sys.stdin)["verdict"])')
[ "$verdict" = allow ] || { echo "expected an allow to benchmark, got $verdict" >&2; exit 1; }

connections="${GATE_BENCH_CONNECTIONS:-32}"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$gate_pid/stat"; }
run() { # file name, label, then wrk arguments
  local name="$1" label="$2"; shift 2
  $wrk_cpu wrk -t1 -c"$connections" -d5s "$@" >/dev/null 2>&1 || true     # warm-up
  local cpu_before cpu_after
  cpu_before=$(cpu_ticks)
  $wrk_cpu wrk -t1 -c"$connections" -d"${duration}s" --latency "$@" > "$work/$name.txt" 2>&1
  cpu_after=$(cpu_ticks)
  local rps p99 errors requests us_per_request
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$name.txt")
  errors=$(awk '/Non-2xx/ {print $5}' "$work/$name.txt")
  requests=$(awk '/requests in/ {print $1}' "$work/$name.txt")
  # CPU the gate's JVM spent per request: robust against other load on the machine
  us_per_request=$(python3 -c "print('%.0f' % (($cpu_after - $cpu_before) * 1e6 / $(getconf CLK_TCK) / max(1, $requests)))")
  printf '%-38s %10s req/s   p99 %8s   gate JVM CPU %5s us/req   non-2xx %s\n' "$label" "$rps" "$p99" "$us_per_request" "${errors:-0}"
  echo "$us_per_request" > "$work/$name.cpu"
  echo "$rps" > "$work/$name.rps"
}

# JIT warm-up over every route measured below, so the first run is not the slowest
$wrk_cpu wrk -t1 -c"$connections" -d10s -H "$auth_viewer" "$base/healthz" >/dev/null 2>&1 || true
$wrk_cpu wrk -t1 -c"$connections" -d10s -s "$here/decision-mix.lua" "$base" >/dev/null 2>&1 || true
echo "greenlight gate benchmark: load average $(cut -d" " -f1-3 /proc/loadavg), ${duration}s per run, $connections connections, gate ${gate_cpu:-unpinned}, wrk ${wrk_cpu:-unpinned}"
run static "static 200 (/healthz)" -H "$auth_viewer" "$base/healthz"
run decision "decision, unchanged evidence" -H "$auth_viewer" "$base/v1/apps/shop/envs/prod/decision?release=1.0"
run mix "decision mix (10% evidence writes)" -s "$here/decision-mix.lua" "$base"
run writes "durable evidence writes" -s "$here/evidence-writes.lua" "$base"
static=$(cat "$work/static.rps")
decision=$(cat "$work/decision.rps")
python3 -c "print('decision / static throughput ratio: %.2f' % ($decision / $static))"
python3 -c "print('decision / static CPU-per-request ratio: %.2f (static cost / decision cost)' % ($(cat "$work/static.cpu") / max(1, $(cat "$work/decision.cpu"))))"
chain=$(curl -fsS -H "$auth_viewer" "$base/v1/audit/verify")
echo "audit after the runs: $chain"
