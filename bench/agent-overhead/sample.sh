# Sourced by run.sh and startup.sh (from the repository root, OUT set).

# A TCP port free on the loopback interface right now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Keeps the VARIANTS (entries "name" or "name=java options") that ONLY names (comma-separated), in
# their order; without ONLY all of them. ONLY naming none of them is an error.
keep_only_variants() {
  [ -n "${ONLY:-}" ] || return 0
  local kept=() v
  for v in "${VARIANTS[@]}"; do [[ ",$ONLY," == *",${v%%=*},"* ]] && kept+=("$v"); done
  if [ "${#kept[@]}" -eq 0 ]; then
    echo "ONLY=$ONLY names no variant (there are: $(printf '%s ' "${VARIANTS[@]%%=*}"))" >&2
    exit 2
  fi
  VARIANTS=("${kept[@]}")
}

# Fetches Tomcat 11 (and any extra Maven coordinates given, e.g. the OpenTelemetry agent) into
# $OUT/lib, compiles SampleApp, builds the agent jar if missing, and sets TOMCAT_VERSION and CP (the
# sample's classpath).
prepare_sample() {
  TOMCAT_VERSION=$(sed -n 's:.*<tomcat11.version>\(.*\)</tomcat11.version>.*:\1:p' pom.xml)
  local a
  for a in org.apache.tomcat.embed:tomcat-embed-core:$TOMCAT_VERSION \
           org.apache.tomcat:tomcat-annotations-api:$TOMCAT_VERSION "$@"; do
    local artifact=${a#*:}
    local file="$OUT/lib/${artifact%%:*}-${a##*:}.jar"
    [ -f "$file" ] || ./mvnw -B -q dependency:copy -Dartifact="$a" -DoutputDirectory="$OUT/lib" >/dev/null
  done
  [ -f agent/target/greenlight-agent.jar ] || ./mvnw -B -q package -pl agent -DskipTests
  CP="$OUT/classes:$OUT/lib/tomcat-embed-core-$TOMCAT_VERSION.jar:$OUT/lib/tomcat-annotations-api-$TOMCAT_VERSION.jar"
  mkdir -p "$OUT/classes"
  javac -d "$OUT/classes" -cp "$CP" bench/agent-overhead/SampleApp.java
}

# Compiles the Spring Boot service (spring/) against its dependencies, copied once from Maven
# Central into $OUT/spring/lib with the versions of the root pom; sets SPRING_CP.
prepare_spring() {
  local spring=$OUT/spring
  if [ ! -d "$spring/lib" ]; then
    ./mvnw -B -q -f bench/agent-overhead/spring/pom.xml dependency:copy-dependencies \
      -Dspring-boot.version="$(sed -n 's:.*<spring-boot-bench.version>\(.*\)</spring-boot-bench.version>.*:\1:p' pom.xml)" \
      -Dpostgresql.version="$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' pom.xml)" \
      -DoutputDirectory="$PWD/$spring/lib" >/dev/null
  fi
  mkdir -p "$spring/classes"
  javac -d "$spring/classes" -cp "$spring/lib/*" -parameters bench/agent-overhead/spring/src/bench/spring/SpringSample.java
  SPRING_CP="$spring/classes:$spring/lib/*"
}

# A PostgreSQL for the shop and the Spring service: the embedded one of a gate started for the run
# (stopped on exit). Sets DB (a JDBC URL) and GATE_JAR, SHOP_JAR.
start_database() {
  SHOP_JAR=samples/shop/target/greenlight-sample-shop.jar
  GATE_JAR=gate-service/target/greenlight-gate.jar
  [ -f "$SHOP_JAR" ] && [ -f "$GATE_JAR" ] ||
    ./mvnw -B -q package -pl samples/shop,gate-service -am -DskipTests -Dspotless.check.skip=true
  DB_WORK=$(mktemp -d)
  local port
  port=$(free_port)
  printf 'tokens:\n  - {name: bench, role: ci, token: "%s"}\n' "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$DB_WORK/gate.yaml"
  java -Xmx256m -jar "$GATE_JAR" serve --port "$port" --data-dir "$DB_WORK/data" --config "$DB_WORK/gate.yaml" >"$OUT/gate.log" 2>&1 &
  DB_GATE_PID=$!
  trap 'kill $DB_GATE_PID 2>/dev/null; wait $DB_GATE_PID 2>/dev/null || true; rm -rf "$DB_WORK"' EXIT
  for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
  [ -f "$DB_WORK/data/postmaster.pid" ] || { echo "the gate's PostgreSQL did not start; see $OUT/gate.log" >&2; exit 1; }
  local pg_port
  pg_port=$(sed -n 4p "$DB_WORK/data/postmaster.pid" | tr -d '[:space:]')
  DB="jdbc:postgresql://127.0.0.1:$pg_port/postgres?user=postgres"
}
