#!/usr/bin/env bash
# Start-up cost of the agent alone: time and JVM CPU until the first 200, for no agent, an empty
# agent (a premain that does nothing: what the JVM itself charges for any -javaagent) and
# Greenlight, in alternating rounds. Not a test: it prints figures (startup.py does the measuring).
# The full comparison with throughput, latency, allocation and the OpenTelemetry agent is run.sh.
#
#   bench/agent-overhead/startup.sh [rounds=20] [sample|shop|both=both] [agent options]
#   AGENT_JAR=other.jar bench/agent-overhead/startup.sh ...
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/agent-overhead/startup.sh ...   (another JVM)
#
# Two applications:
#   sample  the benchmark's one-servlet embedded Tomcat (SampleApp.java): ~0.9 s to its first
#           answer, the smallest start-up a servlet app has, so any fixed cost shows most;
#   shop    samples/shop (embedded Tomcat, pgjdbc + connection pool, Jackson, picocli), polled on
#           /products, which reads PostgreSQL: a start-up closer to a real service (~1.4 s here).
#           Its database is the embedded PostgreSQL of a gate started for the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-20}
APPS=${2:-both}
EXTRA=${3:-}
OUT=bench-out/agent-overhead
mkdir -p "$OUT/classes" "$OUT/empty-agent"
# shellcheck source=bench/agent-overhead/sample.sh
. bench/agent-overhead/sample.sh
prepare_sample
JAR=$OUT/startup-agent.jar
cp "${AGENT_JAR:-agent/target/greenlight-agent.jar}" "$JAR" # a rebuild in the shared tree must not reach a run

# The empty agent: the JVM's own price for -javaagent (java.instrument, no archived module graph).
cat >"$OUT/empty-agent/EmptyAgent.java" <<'JAVA'
public final class EmptyAgent {
  public static void premain(String args, java.lang.instrument.Instrumentation inst) {}
}
JAVA
javac --release 11 -d "$OUT/empty-agent" "$OUT/empty-agent/EmptyAgent.java"
printf 'Premain-Class: EmptyAgent\n' >"$OUT/empty-agent/manifest.txt"
jar cfm "$OUT/empty-agent.jar" "$OUT/empty-agent/manifest.txt" -C "$OUT/empty-agent" EmptyAgent.class

GREENLIGHT="-javaagent:$JAR=app=bench,env=bench,slot=green,release=1,port=0${EXTRA:+,$EXTRA}"
VARIANTS=(none "empty=-javaagent:$OUT/empty-agent.jar" "greenlight=$GREENLIGHT")

if [[ $APPS == sample || $APPS == both ]]; then
  echo "== sample (SampleApp: one servlet on embedded Tomcat 11), $ROUNDS rounds"
  APP_CMD="-Xmx512m -cp $CP SampleApp {port}" APP_PATH=/hello \
    python3 bench/agent-overhead/startup.py "$ROUNDS" "$OUT/startup-sample.tsv" "${VARIANTS[@]}"
fi

if [[ $APPS == shop || $APPS == both ]]; then
  SHOP_JAR=samples/shop/target/greenlight-sample-shop.jar
  GATE_JAR=gate-service/target/greenlight-gate.jar
  [ -f "$SHOP_JAR" ] && [ -f "$GATE_JAR" ] ||
    ./mvnw -B -q package -pl samples/shop,gate-service -am -DskipTests -Dspotless.check.skip=true
  WORK=$(mktemp -d)
  GATE_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  printf 'tokens:\n  - {name: bench, role: ci, token: "%s"}\n' "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$WORK/gate.yaml"
  java -Xmx256m -jar "$GATE_JAR" serve --port "$GATE_PORT" --data-dir "$WORK/data" --config "$WORK/gate.yaml" >"$OUT/startup-gate.log" 2>&1 &
  GATE_PID=$!
  trap 'kill $GATE_PID 2>/dev/null; wait $GATE_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
  for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$GATE_PORT/healthz" && break; sleep 0.2; done
  PG_PORT=$(sed -n 4p "$WORK/data/postmaster.pid" | tr -d '[:space:]')
  DB="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres"
  java -jar "$SHOP_JAR" migrate --path common --jdbc-url "$DB" >"$OUT/startup-migrate.log" 2>&1
  echo "== shop (samples/shop release 1, first 200 on /products from PostgreSQL), $ROUNDS rounds"
  APP_CMD="-Xmx512m -jar $SHOP_JAR serve --release 1 --port {port} --jdbc-url $DB" APP_PATH=/products \
    python3 bench/agent-overhead/startup.py "$ROUNDS" "$OUT/startup-shop.tsv" "${VARIANTS[@]}"
fi
