#!/usr/bin/env bash
# CSV parser comparison and Assay CSV reader throughput. Reproducible: the data is generated with a
# fixed seed. Usage: ./run.sh [rows (default 1000000)] [repetitions (default 3)] [candidate name filter]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
reps="${2:-3}"
work="$root/benchmarks/work"
mkdir -p "$work"

# The benchmark depends on the assay-csv jar: install it, with the parent POM and core it needs,
# into the local repository.
(cd "$root" && ./mvnw -q -pl connectors/csv -am install -DskipTests)
(cd "$here" && "$root/mvnw" -q -f "$here/pom.xml" package)
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
jvm=(-Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED)

data="$work/trips-$rows.csv"
if [ ! -f "$data" ]; then
  java "${jvm[@]}" -cp "$cp" dev.assay.bench.csv.GenerateTrips "$data" "$rows"
fi
echo "java: $(java -version 2>&1 | head -1), cores: $(nproc)"
java "${jvm[@]}" -cp "$cp" dev.assay.bench.csv.ParserBenchmark "$data" "$reps" "$(nproc)" "${3:-}"
