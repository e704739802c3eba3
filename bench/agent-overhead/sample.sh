# Sourced by run.sh and startup.sh (from the repository root, OUT set): fetches Tomcat 11 (and any
# extra Maven coordinates given, e.g. the OpenTelemetry agent) into $OUT/lib, compiles SampleApp,
# builds the agent jar if missing, and sets TOMCAT_VERSION and CP (the sample's classpath).
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
