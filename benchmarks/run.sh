#!/usr/bin/env bash
# Side-by-side benchmark: Assay's CLI vs DuckDB computing the same metrics over the same CSV.
# Usage: benchmarks/run.sh [ROWS]   (default 10,000,000; ~1.1 GB of CSV written to benchmarks/work/)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
rows="${1:-10000000}"
work="$here/work"
mkdir -p "$work/lib"
csv="$work/bench-trips-$rows.csv"

if [ ! -f "$csv" ]; then
  echo "generating $rows rows into $csv ..."
  java "$here/src/GenerateTrips.java" "$csv" "$rows"
fi
ls -l "$csv"

duck="$work/lib/duckdb_jdbc.jar"
if [ ! -f "$duck" ]; then
  version=$(sed -n "s#.*<duckdb.version>\(.*\)</duckdb.version>.*#\1#p" "$root/pom.xml")
  (cd "$root" && ./mvnw -q -B dependency:copy -Dartifact="org.duckdb:duckdb_jdbc:$version" \
      -DoutputDirectory="$work/lib" -Dmdep.stripVersion=true)
fi
"$root/assay" --version > /dev/null   # builds the CLI jar if needed

measure() { # label, command...: prints wall time and peak RSS of the whole process
  local label="$1"; shift
  local stats="$work/time-$label.txt"
  local code=0
  /usr/bin/time -f "%e %M" -o "$stats" "$@" > "$work/out-$label.txt" || code=$?
  # The suite has planted defects, so assay exits 1; anything else is a broken run.
  if [ "$code" -gt 1 ]; then
    echo "$label failed with exit code $code:" >&2
    cat "$work/out-$label.txt" >&2
    exit 1
  fi
  # /usr/bin/time prefixes "Command exited with non-zero status N" when the suite fails (exit 1).
  read -r secs kb < <(tail -n 1 "$stats")
  echo "$label: wall ${secs}s, peak RSS $((kb / 1024)) MB"
  eval "${label}_secs=$secs"
}

echo "--- DuckDB $(basename "$duck") (all cores), one SQL query over the CSV"
measure duckdb java -cp "$duck" "$here/src/DuckDbBaseline.java" "$csv"
cat "$work/out-duckdb.txt"
echo "--- Assay CLI, heap -Xmx1g, $(nproc) cores"
ASSAY_JAVA_OPTS="-Xmx1g" measure assay "$root/assay" validate --suite "$here/suites/trips-10m.json" --data "$csv" --ascii
cat "$work/out-assay.txt"
awk -v a="$assay_secs" -v d="$duckdb_secs" -v n="$rows" 'BEGIN {
  printf "assay: %.0f rows/s; duckdb: %.0f rows/s; assay/duckdb wall-time ratio: %.2f\n", n / a, n / d, a / d }'
