#!/usr/bin/env bash
# What the agent's hooks add to each request and each JDBC statement, without the noise of a whole
# service on two shared cores: HookCostBench (JMH, agent/src/test/java/.../HookCostBench.java) calls
# Tomcat's real HttpServlet and a driver-shaped class, each defined as compiled and as transformed
# by the agent, two threads at a time. Not a test: it prints JMH's table (ns per call; the
# difference between instrumented=true and false is the agent's cost).
#
#   bench/agent-overhead/hooks.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench-out/agent-overhead
mkdir -p "$OUT"
# The reactor build of the agent's test classes (JMH's annotation processor writes the benchmark
# list) and its test class path; the agent module comes last in the reactor, so its class path is
# the one left in the file.
./mvnw -B -q -pl agent -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$OUT/hooks-classpath.txt" >/dev/null
java -cp "agent/target/test-classes:agent/target/classes:$(cat "$OUT/hooks-classpath.txt")" \
  org.openjdk.jmh.Main HookCostBench "$@"
