#!/usr/bin/env bash
# SQL pushdown benchmark: the 18-expectation suites/orders.json over public.bench_orders (load.sh) in the
# local PostgreSQL, against the same metrics computed by hand-written SQL (handwritten.sql) in psql.
# Usage: benchmarks/jdbc/run.sh [RUNS]   (default 5 timed runs of each, after one warm-up run)
# Connection: PGHOST/PGPORT/PGUSER/PGDATABASE, default 127.0.0.1:5432, user postgres, database test
# (no password: trust authentication). WIRE_PORT (default 15432): a free local port for the relay that
# counts the rows the server sends. Output files go to benchmarks/work/jdbc/ (git-ignored).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-5}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [RUNS]   (RUNS a positive integer, default 5)" >&2
  exit 2
fi
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" \
  PGDATABASE="${PGDATABASE:-test}"
wire_port="${WIRE_PORT:-15432}"
table=public.bench_orders
suite="$here/suites/orders.json"
sql="$here/handwritten.sql"
url="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?user=$PGUSER"
wire_url="jdbc:postgresql://127.0.0.1:$wire_port/$PGDATABASE?user=$PGUSER"
work="$root/benchmarks/work/jdbc"
mkdir -p "$work/lib"

psql_() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

if [ "$(psql_ -At -c "SELECT to_regclass('$table') IS NOT NULL")" != t ]; then
  echo "$table does not exist in $PGDATABASE on $PGHOST:$PGPORT: run benchmarks/jdbc/load.sh first" >&2
  exit 1
fi
echo "=== $table on $PGHOST:$PGPORT/$PGDATABASE, $(nproc) cores, $(psql_ -At -c 'SHOW server_version')"
psql_ -At -F ' ' -c "SELECT coalesce(obj_description('$table'::regclass, 'pg_class'), 'not made by load.sh') || ';',
    pg_size_pretty(pg_total_relation_size('$table')), 'with its index'"
# The machine may be shared: the load average says how much else was running.
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"

# median and minimum of the numbers on stdin, one a line
stats() { sort -g | awk '{ v[NR] = $1 } END {
  m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  printf "median %.3f s, min %.3f s (%d runs)\n", m, v[1], NR }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# label, command...: runs the command once (stdout to $work/out-LABEL.txt) and prints its wall time in
# seconds. Any other exit code than 0 aborts, except Assay's 1 (an expectation failed: a result).
timed() {
  local label="$1"; shift
  local start end code=0 ok=0
  case "$label" in assay*) ok=1 ;; esac
  start=$(date +%s%N)
  "$@" > "$work/out-$label.txt" || code=$?
  end=$(date +%s%N)
  if [ "$code" -gt "$ok" ]; then
    echo "$label failed with exit code $code:" >&2
    cat "$work/out-$label.txt" >&2
    exit 1
  fi
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

# label, command... (connecting to 127.0.0.1:$wire_port): runs the command once through WireCount, the
# relay that counts the DataRow messages (result rows) and bytes the server sends to the client.
# PostgreSQL cannot tell this itself: pg_stat_database.tup_returned/tup_fetched count rows the server
# read, not rows it sent, and pg_stat_statements (whose `rows` column is rows returned) needs
# shared_preload_libraries and a restart: CREATE EXTENSION succeeds, reading the view then fails.
wire() {
  local label="$1"; shift
  local code=0 ok=0
  if [ "$label" = assay ]; then ok=1; fi
  java "$here/WireCount.java" "$wire_port" "$PGHOST:$PGPORT" "$work/wire-$label.txt" -- "$@" \
    > "$work/out-wire-$label.txt" || code=$?
  if [ "$code" -gt "$ok" ]; then
    echo "$label through the relay failed with exit code $code:" >&2
    cat "$work/out-wire-$label.txt" >&2
    exit 1
  fi
  echo "$label, sent by the server: $(cat "$work/wire-$label.txt")"
}

# The three contenders, each one process run. Their timed runs are interleaved (a round runs each once)
# so that a change in the machine's load hits them alike: on a shared machine a block of psql runs and
# then a block of Assay runs can differ by 2x for no reason of their own.
run_psql() { psql_ -At -f "$sql"; }

# The same SELECT through PostgreSQL's JDBC driver from a fresh JVM: the floor under any JVM client.
jdbc_jar="$work/lib/postgresql.jar"
if [ ! -f "$jdbc_jar" ]; then
  version=$(sed -n "s#.*<postgresql.version>\(.*\)</postgresql.version>.*#\1#p" "$root/pom.xml")
  (cd "$root" && ./mvnw -q -B dependency:copy -Dartifact="org.postgresql:postgresql:$version" \
      -DoutputDirectory="$work/lib" -Dmdep.stripVersion=true)
fi
# Compiled once, so that the runs time the JVM and the query, not javac.
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jdbc_jar" "$here/JdbcBaseline.java"
run_jdbc() { java -cp "$work/classes:$jdbc_jar" JdbcBaseline "$url" "$sql"; }

# ---------------------------------------------------------------------------------------------------
# Assay: the suite through the CLI with SQL pushdown, timed in every round like the others; its median
# wall time and ratios to psql and JDBC are printed below. It runs as soon as `assay validate --help`
# mentions --table. Assay also reports the rows it received itself (its engine counts them); the relay
# (wire) is the independent check: with pushdown, the rows the server sends do not grow with the table.
# ---------------------------------------------------------------------------------------------------
run_assay() {
  "$root/assay" validate --suite "$suite" --data "$url" --table "$table" --format json
}
# The same metrics and nothing more, as the hand-written SELECT computes them: BOOLEAN_ONLY results fetch
# no samples of the failed checks (run_assay's BASIC results fetch up to 20 rows for each).
run_assay_metrics() {
  "$root/assay" validate --suite "$suite" --data "$url" --table "$table" --format json \
      --result-format BOOLEAN_ONLY
}
contenders="psql jdbc"
if "$root/assay" validate --help 2>/dev/null | grep -q -- '--table'; then
  contenders="psql jdbc assay assay_metrics"
fi

echo "--- hand-written SQL in psql: $(basename "$sql"), one SELECT"
psql_ -x -f "$sql" | tee "$work/handwritten-result.txt"

echo "--- wall time of whole processes: one warm-up each, then $runs rounds of: $contenders"
for label in $contenders; do
  timed "$label" "run_$label" > /dev/null
  : > "$work/times-$label.txt"
done
for _ in $(seq "$runs"); do
  for label in $contenders; do
    timed "$label" "run_$label" >> "$work/times-$label.txt"
  done
done
for label in $contenders; do
  echo "$label: wall $(stats < "$work/times-$label.txt"): $(tr '\n' ' ' < "$work/times-$label.txt")"
done
# label, baseline: ratio of the medians, and the median of the rounds' ratios (robust to load drift)
ratio() {
  local m
  m=$(paste "$work/times-$1.txt" "$work/times-$2.txt" | awk '{ print $1 / $2 }' | median)
  awk -v a="$(median < "$work/times-$1.txt")" -v b="$(median < "$work/times-$2.txt")" -v m="$m" -v x="$1/$2" \
    'BEGIN { printf "%s wall-time ratio: %.2f of the medians, %.2f median of the rounds\n", x, a / b, m }'
}
ratio jdbc psql
if [ "$contenders" = "psql jdbc assay assay_metrics" ]; then
  ratio assay_metrics psql
  echo "    (target: at most 1.3 for the same metrics)"
  ratio assay psql
  echo "    (with samples of the failed checks, which the hand-written SELECT does not fetch)"
  ratio assay jdbc
  grep -E '"(success|elapsed_ms|scan_elapsed_ms|scans|statements|queries|rows_scanned|rows_received|rows_transferred)"' \
      "$work/out-assay.txt" | grep -v '"success": true' | tr -d ' ,' | tr '\n' ' ' || true
  echo
else
  echo "--- assay JDBC CLI not available yet (\`assay validate --help\` has no --table): skipped"
fi

# Server side, without psql start-up and connecting: psql's \timing (the statement's round trip: parse,
# plan, execute, send) in one session, the first of RUNS + 1 dropped; then one EXPLAIN ANALYZE for
# planning, execution and JIT compilation times (TIMING OFF: no per-node clock overhead).
echo "--- the statement alone"
{
  printf '%s\n' '\timing on' '\o /dev/null'
  for _ in $(seq $((runs + 1))); do
    printf '\\i %s\n' "$sql"
  done
} | psql_ -At | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n +2 \
  | awk '{ print $1 / 1000 }' > "$work/times-psql-server.txt"
echo "psql's timing of the statement, in one session: $(stats < "$work/times-psql-server.txt")"
{ echo 'EXPLAIN (ANALYZE, TIMING OFF)'; cat "$sql"; } | psql_ -At > "$work/explain-handwritten.txt"
grep -E 'Planning Time|Execution Time|Timing:' "$work/explain-handwritten.txt" | sed 's/^ */EXPLAIN ANALYZE: /'

echo "--- rows and bytes the server sends, counted on the wire (one run each through a relay)"
wire psql psql -X -q -At -h 127.0.0.1 -p "$wire_port" -f "$sql"
wire jdbc java -cp "$work/classes:$jdbc_jar" JdbcBaseline "$wire_url" "$sql"
if [ "$contenders" = "psql jdbc assay assay_metrics" ]; then
  wire assay "$root/assay" validate --suite "$suite" --data "$wire_url" --table "$table" --format json
fi
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
