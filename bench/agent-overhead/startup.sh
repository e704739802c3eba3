#!/usr/bin/env bash
# Start-up cost of the agent alone: time and JVM CPU until the first 200, for no agent, an empty
# agent (a premain that does nothing: what the JVM itself charges for any -javaagent), a no-op
# transformer (a premain that registers a ClassFileTransformer returning null: what the JVM charges
# any agent that instruments at load time) and Greenlight, in alternating rounds. Not a test: it
# prints figures (startup.py does the measuring).
# The full comparison with throughput, latency, allocation and the OpenTelemetry agent is run.sh.
#
#   bench/agent-overhead/startup.sh [rounds=20] [sample|shop|spring|both|all=both, or a,b] [agent options]
#   AGENT_JAR=other.jar bench/agent-overhead/startup.sh ...
#   ONLY=none,greenlight bench/agent-overhead/startup.sh ...   (some variants only; the first is the baseline)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/agent-overhead/startup.sh ...   (another JVM)
#
# Two applications:
#   sample  the benchmark's one-servlet embedded Tomcat (SampleApp.java): ~0.9 s to its first
#           answer, the smallest start-up a servlet app has, so any fixed cost shows most;
#   shop    samples/shop (embedded Tomcat, pgjdbc + connection pool, Jackson, picocli), polled on
#           /products, which reads PostgreSQL: a start-up closer to a real service (~1.4 s here).
#           Its database is the embedded PostgreSQL of a gate started for the run.
#   spring  a small Spring Boot service (spring/src/bench/spring/SpringSample.java: Spring MVC,
#           HikariCP, one JdbcTemplate query per request on the same PostgreSQL), polled on
#           /tables: the start-up of a typical Spring service (~5 s here). Its dependencies come
#           from Maven Central (spring/pom.xml, versions from the root pom).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-20}
APPS=${2:-both}
for app in ${APPS//,/ }; do
  case "$app" in
    sample | shop | spring | both | all) ;;
    *) echo "unknown application '$app' (sample, shop, spring, both or all; several: a,b)" >&2; exit 2 ;;
  esac
done
EXTRA=${3:-}
OUT=bench-out/agent-overhead
mkdir -p "$OUT/classes" "$OUT/empty-agent"
# shellcheck source=bench/agent-overhead/sample.sh
. bench/agent-overhead/sample.sh
prepare_sample
JAR=$OUT/startup-agent.jar
cp "${AGENT_JAR:-agent/target/greenlight-agent.jar}" "$JAR" # a rebuild in the shared tree must not reach a run

# The empty agent: the JVM's own price for -javaagent (java.instrument, no archived module graph).
# The no-op transformer: that price plus the JVM's for any load-time transformer (every class load,
# CDS-archived ones included, then calls into Java with a copy of the class's bytes).
cat >"$OUT/empty-agent/EmptyAgent.java" <<'JAVA'
public final class EmptyAgent {
  public static void premain(String args, java.lang.instrument.Instrumentation inst) {}
}
JAVA
cat >"$OUT/empty-agent/NoopTransformerAgent.java" <<'JAVA'
public final class NoopTransformerAgent implements java.lang.instrument.ClassFileTransformer {
  public static void premain(String args, java.lang.instrument.Instrumentation inst) {
    inst.addTransformer(new NoopTransformerAgent(), false);
  }

  @Override
  public byte[] transform(ClassLoader loader, String name, Class<?> redefined,
      java.security.ProtectionDomain domain, byte[] classfile) {
    return null;
  }
}
JAVA
javac --release 11 -d "$OUT/empty-agent" "$OUT/empty-agent/EmptyAgent.java" "$OUT/empty-agent/NoopTransformerAgent.java"
printf 'Premain-Class: EmptyAgent\n' >"$OUT/empty-agent/manifest.txt"
jar cfm "$OUT/empty-agent.jar" "$OUT/empty-agent/manifest.txt" -C "$OUT/empty-agent" EmptyAgent.class
printf 'Premain-Class: NoopTransformerAgent\n' >"$OUT/empty-agent/noop-manifest.txt"
jar cfm "$OUT/noop-agent.jar" "$OUT/empty-agent/noop-manifest.txt" -C "$OUT/empty-agent" NoopTransformerAgent.class

GREENLIGHT="-javaagent:$JAR=app=bench,env=bench,slot=green,release=1,port=0${EXTRA:+,$EXTRA}"
VARIANTS=(none "empty=-javaagent:$OUT/empty-agent.jar" "noop=-javaagent:$OUT/noop-agent.jar" "greenlight=$GREENLIGHT")
keep_only_variants # ONLY=none,greenlight: more rounds in the same time

wants() { [[ ",$APPS," == *",$1,"* || $APPS == all || ($APPS == both && $1 != spring) ]]; }

if wants sample; then
  echo "== sample (SampleApp: one servlet on embedded Tomcat 11), $ROUNDS rounds"
  APP_CMD="-Xmx512m -cp $CP SampleApp {port}" APP_PATH=/hello \
    python3 bench/agent-overhead/startup.py "$ROUNDS" "$OUT/startup-sample.tsv" "${VARIANTS[@]}"
fi

# The shop and the Spring Boot service read PostgreSQL: the embedded one of a gate started here.
if wants shop || wants spring; then
  start_database
fi

if wants shop; then
  java -jar "$SHOP_JAR" migrate --path common --jdbc-url "$DB" >"$OUT/startup-migrate.log" 2>&1
  echo "== shop (samples/shop release 1, first 200 on /products from PostgreSQL), $ROUNDS rounds"
  APP_CMD="-Xmx512m -jar $SHOP_JAR serve --release 1 --port {port} --jdbc-url $DB" APP_PATH=/products \
    python3 bench/agent-overhead/startup.py "$ROUNDS" "$OUT/startup-shop.tsv" "${VARIANTS[@]}"
fi

if wants spring; then
  prepare_spring
  echo "== spring (Spring Boot MVC + HikariCP + JdbcTemplate, first 200 on /tables from PostgreSQL), $ROUNDS rounds"
  APP_CMD="-Xmx512m -cp $SPRING_CP bench.spring.SpringSample --server.port={port} --spring.datasource.url=$DB" APP_PATH=/tables \
    python3 bench/agent-overhead/startup.py "$ROUNDS" "$OUT/startup-spring.tsv" "${VARIANTS[@]}"
fi
