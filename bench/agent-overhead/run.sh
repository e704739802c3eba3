#!/usr/bin/env bash
# Overhead of the Greenlight agent against no agent and the OpenTelemetry Java agent (exporters
# off), on a servlet service under wrk. Not a test: it prints figures.
#
#   bench/agent-overhead/run.sh [rounds=5] [seconds-per-measurement=10] [sample|spring=sample]
#
# sample: SampleApp, one servlet on embedded Tomcat 11 answering JSON from memory (~1 s start-up);
# spring: spring/src/bench/spring/SpringSample.java, Spring Boot MVC with HikariCP and one
#         JdbcTemplate query per request on PostgreSQL (the embedded one of a gate started for the
#         run; ~3 s start-up), so the servlet, JDBC and session-store hooks all run.
#
# Variants alternate inside every round (the order rotates) because two shared cores are noisy.
# Per variant: startup to first 200 (wall time and the JVM's CPU time until then), throughput, p50/p99 latency (wrk), and bytes allocated per
# request (all threads' allocation counters, read from the app before and after the run).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
SECONDS_PER_RUN=${2:-10}
APP=${3:-sample}
WARMUP_SECONDS=3
OUT=bench-out/agent-overhead
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
OTEL_VERSION=$(sed -n 's:.*<opentelemetry-javaagent.version>\(.*\)</opentelemetry-javaagent.version>.*:\1:p' pom.xml)
# shellcheck source=bench/agent-overhead/sample.sh
. bench/agent-overhead/sample.sh
prepare_sample io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION
case "$APP" in
  sample) APP_PATH=/hello ;;
  spring) prepare_spring; start_database; APP_PATH=/tables ;;
  *) echo "unknown app '$APP' (sample or spring)" >&2; exit 2 ;;
esac
app_args() {
  if [ "$APP" = spring ]; then
    printf '%s\n' -cp "$SPRING_CP" bench.spring.SpringSample --server.port="$1" --spring.datasource.url="$DB"
  else
    printf '%s\n' -cp "$CP" SampleApp "$1"
  fi
}

variant_args() {
  case "$1" in
    none) echo "" ;;
    greenlight) echo "-javaagent:agent/target/greenlight-agent.jar=app=bench,env=bench,slot=green,release=1,port=$(free_port)" ;;
    otel) echo "-javaagent:$OUT/lib/opentelemetry-javaagent-$OTEL_VERSION.jar -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none" ;;
  esac
}

RESULTS="$OUT/results-$APP.tsv"
echo -e "round\tvariant\tstartup_ms\tstartup_cpu_ms\trps\tp50_ms\tp99_ms\talloc_bytes_per_req" > "$RESULTS"

to_ms() { # wrk prints 1.23ms, 456.00us, 1.20s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v } else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000 } else print v }'
}

measure() {
  local round=$1 variant=$2
  local start end pid args app
  PORT=$(free_port)
  args=$(variant_args "$variant") # before the clock starts: it may run python3 (free_port)
  mapfile -t app < <(app_args "$PORT")
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java -Xmx512m $args "${app[@]}" >"$OUT/$APP-$variant.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT$APP_PATH"; do
    kill -0 "$pid" 2>/dev/null || { echo "$variant did not start; see $OUT/$APP-$variant.log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  local startup_ms=$(( (end - start) / 1000000 ))
  # CPU the JVM used until then (user + system): far less sensitive to a busy machine than wall time.
  local ticks startup_cpu_ms
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  startup_cpu_ms=$(( ticks * 1000 / $(getconf CLK_TCK) ))
  wrk -t2 -c16 -d${WARMUP_SECONDS}s "http://127.0.0.1:$PORT$APP_PATH" >/dev/null
  local before after
  before=$(curl -sf "http://127.0.0.1:$PORT/stats" | tr -dc '0-9')
  wrk -t2 -c16 -d${SECONDS_PER_RUN}s --latency "http://127.0.0.1:$PORT$APP_PATH" >"$OUT/wrk-$APP-$variant-$round.txt"
  after=$(curl -sf "http://127.0.0.1:$PORT/stats" | tr -dc '0-9')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local rps p50 p99 requests
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$APP-$variant-$round.txt")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk-$APP-$variant-$round.txt")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk-$APP-$variant-$round.txt")")
  requests=$(awk '/requests in/ {print $1}' "$OUT/wrk-$APP-$variant-$round.txt")
  local alloc=$(( (after - before) / (requests > 0 ? requests : 1) ))
  echo -e "$round\t$variant\t$startup_ms\t$startup_cpu_ms\t$rps\t$p50\t$p99\t$alloc" | tee -a "$RESULTS"
}

VARIANTS=(none greenlight otel)
keep_only_variants # ONLY=none,greenlight: more rounds in the same time
N=${#VARIANTS[@]}
for round in $(seq 1 "$ROUNDS"); do
  for i in $(seq 0 $((N - 1))); do
    measure "$round" "${VARIANTS[$(( (i + round) % N ))]}"
  done
done

python3 - "$RESULTS" "$APP" "${VARIANTS[@]}" <<'PY'
import collections, csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
metrics = [("startup_ms", "startup to first 200 (ms)"), ("startup_cpu_ms", "CPU used until first 200 (ms)"), ("rps", "throughput (req/s)"),
           ("p50_ms", "p50 latency (ms)"), ("p99_ms", "p99 latency (ms)"), ("alloc_bytes_per_req", "allocation (bytes/request)")]
variants = sys.argv[3:]
names = {"none": "no agent", "greenlight": "Greenlight", "otel": "OpenTelemetry 2.31.0"}
short = {"greenlight": "Greenlight", "otel": "OTel"}
others = [v for v in variants if v != "none"]
by_round = collections.defaultdict(dict)
for r in rows:
    by_round[r["round"]][r["variant"]] = r
print()
# Ratio of the medians, and in brackets the median of the rounds' own ratios (each round's variants
# ran back to back, so a slow period weighs on both sides of that ratio).
print("| figure | " + " | ".join(names[v] for v in variants) + " | " + " | ".join("%s / none [per round]" % short[v] for v in others) + " |")
print("|---" * (1 + len(variants) + len(others)) + "|")
for key, label in metrics:
    cells, med = [], {}
    for v in variants:
        values = [float(r[key]) for r in rows if r["variant"] == v]
        med[v] = statistics.median(values)
        cells.append(f"{med[v]:.2f} ({min(values):.2f}–{max(values):.2f})" if med[v] < 100 else f"{med[v]:.0f} ({min(values):.0f}–{max(values):.0f})")
    for v in others:
        paired = [float(rs[v][key]) / float(rs["none"][key]) for rs in by_round.values() if v in rs and "none" in rs and float(rs["none"][key])]
        cells.append(f"{med[v] / med['none']:.3f} [{statistics.median(paired):.3f}]" if med["none"] else "n/a")
    print(f"| {label} | " + " | ".join(cells) + " |")
print()
print(f"app: {sys.argv[2]}; rounds: {len(by_round)}; cells are median (min–max)")
PY
