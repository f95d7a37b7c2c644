#!/usr/bin/env bash
# Side-by-side benchmark: Assay's CLI vs DuckDB computing the same metrics over the same CSV and
# the same Parquet file, plus a statistics-only suite over the Parquet file.
# Usage: benchmarks/run.sh [ROWS] [FORMATS]   (default 10,000,000 rows, "csv parquet"; ~1.1 GB of CSV
# and ~0.35 GB of Parquet written to benchmarks/work/)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
rows="${1:-10000000}"
formats="${2:-csv parquet}"
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

compare() { # data file, label suffix
  local data="$1" kind="$2"
  echo "--- DuckDB $(basename "$duck") (all cores), one SQL query over the $kind file"
  measure "duckdb_$kind" java -cp "$duck" "$here/src/DuckDbBaseline.java" "$data"
  cat "$work/out-duckdb_$kind.txt"
  echo "--- Assay CLI, heap -Xmx1g, $(nproc) cores, the $kind file"
  ASSAY_JAVA_OPTS="-Xmx1g" measure "assay_$kind" "$root/assay" validate --suite "$here/suites/trips-10m.json" \
      --data "$data" --ascii
  cat "$work/out-assay_$kind.txt"
  local a d
  eval "a=\$assay_${kind}_secs; d=\$duckdb_${kind}_secs"
  awk -v a="$a" -v d="$d" -v n="$rows" -v k="$kind" 'BEGIN {
    printf "%s: assay %.0f rows/s; duckdb %.0f rows/s; assay/duckdb wall-time ratio: %.2f\n", k, n / a, n / d, a / d }'
}

for kind in $formats; do
  case "$kind" in
    csv) compare "$csv" csv ;;
    parquet)
      parquet="$work/bench-trips-$rows.parquet"
      if [ ! -f "$parquet" ]; then
        echo "converting to $parquet (snappy, row groups of 120,000 rows) ..."
        java -cp "$duck" "$here/src/CsvToParquet.java" "$csv" "$parquet"
      fi
      ls -l "$parquet"
      compare "$parquet" parquet
      echo "--- Assay CLI, statistics-only suite over the Parquet file (footers only)"
      measure assay_stats "$root/assay" validate --suite "$here/suites/trips-stats.json" --data "$parquet" --format json
      grep -E '"(success|elapsed_ms|scan_elapsed_ms|scans|rows_scanned|parquet-statistics)"' \
          "$work/out-assay_stats.txt" | grep -v '"success": true' | tr -d ' ,' | tr '\n' ' '
      echo
      big="$work/bench-trips-$rows-uncompressed.parquet"
      if [ ! -f "$big" ]; then
        echo "converting to $big (uncompressed: the statistics-only suite must not care about file size) ..."
        java -cp "$duck" "$here/src/CsvToParquet.java" "$csv" "$big" uncompressed
      fi
      ls -l "$big"
      measure assay_stats_big "$root/assay" validate --suite "$here/suites/trips-stats.json" --data "$big" --format json
      grep -E '"(elapsed_ms|scans|parquet-statistics)"' "$work/out-assay_stats_big.txt" | tr -d ' ,' \
          | tr '\n' ' '
      echo
      ;;
    *) echo "unknown format $kind (csv or parquet)" >&2; exit 2 ;;
  esac
done
