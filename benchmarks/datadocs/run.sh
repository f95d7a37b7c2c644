#!/usr/bin/env bash
# Data docs benchmark: a full build of the site from RESULTS stored validation results (default 10,000)
# in a local store, then an incremental build after one new run, then one with nothing new.
# The results and their metric history are generated once into benchmarks/work/datadocs/store-RESULTS/
# (real Assay.validate results, ~10 s for 10,000); the site is rebuilt from nothing on every run.
# Usage: benchmarks/datadocs/run.sh [RESULTS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="${1:-10000}"
work="$root/benchmarks/work/datadocs"
mkdir -p "$work"
cd "$root"
./mvnw -q -B -ntp -pl core,reports/datadocs -am install -DskipTests
./mvnw -q -B -ntp -pl reports/datadocs test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
cp="reports/datadocs/target/classes:reports/datadocs/target/test-classes:$(cat "$work/classpath.txt")"
java -Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$cp" dev.assay.datadocs.DataDocsBenchmark "$work" "$results"
du -sh "$work/site-$results" | sed 's/^/site size: /'
