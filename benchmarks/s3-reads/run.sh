#!/usr/bin/env bash
# What Assay fetches from S3 for the benchmark Parquet file: bytes received, requests, wall time, for
# a suite over 2 of the 13 columns, the statistics-only suite and the full suite, each run twice (the
# first run includes JIT warm-up). Usage: ./run.sh [PARQUET_FILE]  (default: the 10M-row file that
# ../run.sh writes; run that first).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
file="${1:-$root/benchmarks/work/bench-trips-10000000.parquet}"
[ -f "$file" ] || { echo "no $file: run benchmarks/run.sh first" >&2; exit 2; }
(cd "$root" && ./mvnw -q -B -pl connectors/s3,connectors/parquet -am install -DskipTests)
(cd "$here" && "$root/mvnw" -q -B -f "$here/pom.xml" package)
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
java -Xmx2g --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$cp" dev.assay.bench.s3.S3Reads "$file" \
    "$root/benchmarks/suites/trips-2-columns.json" "$root/benchmarks/suites/trips-stats.json" \
    "$root/benchmarks/suites/trips-10m.json"
