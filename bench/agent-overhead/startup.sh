#!/usr/bin/env bash
# Start-up cost only (quick loop while working on the agent's premain path): for each variant,
# wall time and JVM CPU time until the first 200 of the sample service, and the number of classes
# loaded by then (-Xlog:class+load). Not a test: it prints figures. The full comparison with
# throughput, latency, allocation and the OpenTelemetry agent is run.sh.
#
#   bench/agent-overhead/startup.sh [rounds=5] [agent options appended to the Greenlight variant]
#   AGENT_JAR=other.jar bench/agent-overhead/startup.sh ...   (e.g. a no-op agent, to see the floor)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
EXTRA=${2:-}
OUT=bench-out/agent-overhead
TOMCAT_VERSION=$(sed -n 's:.*<tomcat11.version>\(.*\)</tomcat11.version>.*:\1:p' pom.xml)
if [ ! -f "$OUT/lib/tomcat-embed-core-$TOMCAT_VERSION.jar" ]; then
  for a in org.apache.tomcat.embed:tomcat-embed-core:$TOMCAT_VERSION \
           org.apache.tomcat:tomcat-annotations-api:$TOMCAT_VERSION; do
    ./mvnw -B -q dependency:copy -Dartifact=$a -DoutputDirectory="$OUT/lib" >/dev/null
  done
fi
CP="$OUT/classes:$OUT/lib/tomcat-embed-core-$TOMCAT_VERSION.jar:$OUT/lib/tomcat-annotations-api-$TOMCAT_VERSION.jar"
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$CP" bench/agent-overhead/SampleApp.java
JAR=$OUT/startup-agent.jar
cp "${AGENT_JAR:-agent/target/greenlight-agent.jar}" "$JAR" # a rebuild in the shared tree must not reach a run

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
RESULTS="$OUT/startup.tsv"
echo -e "round\tvariant\tstartup_ms\tstartup_cpu_ms\tclasses" > "$RESULTS"

measure() {
  local round=$1 variant=$2 agent=""
  [ "$variant" = greenlight ] && agent="-javaagent:$JAR=app=bench,env=bench,slot=green,release=1,port=$(free_port)${EXTRA:+,$EXTRA}"
  local port start end pid ticks
  port=$(free_port)
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java -Xmx512m $agent "-Xlog:class+load:file=$OUT/classes-$variant.log" -cp "$CP" SampleApp "$port" >"$OUT/startup-$variant.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/hello"; do
    kill -0 "$pid" 2>/dev/null || { echo "$variant did not start; see $OUT/startup-$variant.log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  local classes
  classes=$(grep -c 'source:' "$OUT/classes-$variant.log" || true)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo -e "$round\t$variant\t$(( (end - start) / 1000000 ))\t$(( ticks * 1000 / $(getconf CLK_TCK) ))\t$classes" | tee -a "$RESULTS"
}

for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then measure "$round" none; measure "$round" greenlight
  else measure "$round" greenlight; measure "$round" none; fi
done

python3 - "$RESULTS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
for key in ("startup_ms", "startup_cpu_ms", "classes"):
    med = {}
    for v in ("none", "greenlight"):
        vals = [float(r[key]) for r in rows if r["variant"] == v]
        med[v] = statistics.median(vals)
        print(f"{key:16} {v:11} median {med[v]:8.0f}  ({min(vals):.0f}-{max(vals):.0f})")
    print(f"{key:16} ratio       {med['greenlight'] / med['none']:.3f}")
PY
