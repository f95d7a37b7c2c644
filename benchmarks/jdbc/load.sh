#!/usr/bin/env bash
# Loads the benchmark table public.bench_orders into PostgreSQL: ROWS orders generated in the database
# with generate_series and deterministic pseudo-random values computed from order_id, with a few
# planted defects (null customers, unknown statuses, negative amounts, malformed emails, parcels shipped
# before they were ordered). No data file: the same ROWS give the same table on every machine.
# Usage: benchmarks/jdbc/load.sh [ROWS]   (default 10,000,000; ~1.4 GB with its primary key)
# Connection: PGHOST/PGPORT/PGUSER/PGDATABASE, default 127.0.0.1:5432, user postgres, database test.
# Skips the load when the table already holds ROWS rows of this generator version (its table comment
# says so); otherwise drops and re-creates it.
set -euo pipefail
rows="${1:-10000000}"
if ! [[ "$rows" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [ROWS]   (ROWS a positive integer, default 10000000)" >&2
  exit 2
fi
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" \
  PGDATABASE="${PGDATABASE:-test}"
psql_() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# Bump the version when the generator below changes, so that an old table is reloaded.
marker="assay benchmark bench_orders v2: $rows rows"
current=$(psql_ -At -c "SELECT coalesce(obj_description(to_regclass('public.bench_orders'), 'pg_class'), '')")
if [ "$current" = "$marker" ]; then
  echo "public.bench_orders already holds $rows rows ($marker); nothing to load"
else
  echo "loading $rows rows into public.bench_orders on $PGHOST:$PGPORT/$PGDATABASE ..."
  start=$(date +%s.%N)
  # The primary key is added after the insert (one index build is faster than 10M index inserts).
  psql_ -v rows="$rows" -v marker="$marker" <<'SQL'
SET maintenance_work_mem = '512MB';
SET client_min_messages = warning;
DROP TABLE IF EXISTS public.bench_orders;
CREATE TABLE public.bench_orders (
  order_id    bigint NOT NULL,
  customer_id bigint,
  status      text NOT NULL,
  amount      numeric(12,2) NOT NULL,
  quantity    integer NOT NULL,
  discount    double precision,
  country     char(2) NOT NULL,
  email       text NOT NULL,
  created_at  timestamp NOT NULL,
  shipped_at  timestamp,
  is_gift     boolean NOT NULL
);
INSERT INTO public.bench_orders
SELECT g,
       -- ~0.1% of orders have no customer
       CASE WHEN u2 % 1000 = 0 THEN NULL ELSE 1 + (u2 / 1000) % 250000 END,
       status,
       -- 0.00 .. 5000.00, and ~0.002% negative (refunds booked as orders)
       CASE WHEN u6 % 50000 = 17 THEN -((1 + u4 % 10000) / 100.0) ELSE (u4 % 500001) / 100.0 END,
       1 + u5 % 10,
       -- ~30% without a discount, else 0 .. 0.3
       CASE WHEN u7 % 10 < 3 THEN NULL ELSE ((u7 / 10) % 3001) / 10000.0 END,
       (ARRAY['US','DE','FR','GB','NL','ES','IT','PL','SE','JP'])[1 + u8 % 10],
       -- ~0.01% malformed: no top-level domain, upper case, or a space
       CASE (u3 / 10000) % 30000
         WHEN 1 THEN 'user' || g || '@example'
         WHEN 2 THEN 'User' || g || '@Example.com'
         WHEN 3 THEN 'user ' || g || '@example.com'
         ELSE 'user' || g || '@example.com'
       END,
       created_at,
       -- only shipped orders have a shipping time, 1 hour .. 14 days later; ~0.02% of them before the order
       CASE WHEN status <> 'SHIPPED' THEN NULL
            WHEN (u6 / 50000) % 5000 = 42 THEN created_at - interval '3 hours'
            ELSE created_at + (1 + (u8 / 10) % 336) * interval '1 hour'
       END,
       (u5 / 10) % 20 = 0
FROM (
  SELECT g, u2, u3, u4, u5, u6, u7, u8,
         -- ~0.03% 'unknown', then 20% NEW, 40% PAID, 35% SHIPPED, 5% CANCELLED
         CASE WHEN u3 % 10000 < 3 THEN 'unknown'
              WHEN u3 % 10000 < 2000 THEN 'NEW'
              WHEN u3 % 10000 < 6000 THEN 'PAID'
              WHEN u3 % 10000 < 9500 THEN 'SHIPPED'
              ELSE 'CANCELLED'
         END AS status,
         -- spread over 2024 (a leap year: 366 days), to the second
         timestamp '2024-01-01' + (u1 % (366 * 86400)) * interval '1 second' AS created_at
  FROM (
    -- u1..u8: pseudo-random draws in 0 .. 2^31-2, each the square of its own linear congruence of the
    -- order id modulo the prime 2^31-1 (squaring makes the draws of neighbouring ids and the 8 draws of
    -- one id look unrelated). OFFSET 0 keeps the planner from inlining them into every use.
    SELECT g,
           (s1 * s1) % 2147483647 AS u1, (s2 * s2) % 2147483647 AS u2,
           (s3 * s3) % 2147483647 AS u3, (s4 * s4) % 2147483647 AS u4,
           (s5 * s5) % 2147483647 AS u5, (s6 * s6) % 2147483647 AS u6,
           (s7 * s7) % 2147483647 AS u7, (s8 * s8) % 2147483647 AS u8
    FROM (
      SELECT g,
             (g * 48271 + 11) % 2147483647 AS s1,      (g * 950706376 + 7) % 2147483647 AS s2,
             (g * 742938285 + 3) % 2147483647 AS s3,   (g * 1226874159 + 5) % 2147483647 AS s4,
             (g * 62089911 + 13) % 2147483647 AS s5,   (g * 1343714438 + 17) % 2147483647 AS s6,
             (g * 630360016 + 19) % 2147483647 AS s7,  (g * 397204094 + 23) % 2147483647 AS s8
      FROM generate_series(1::bigint, :rows::bigint) AS g
    ) AS seeds
    OFFSET 0
  ) AS drawn
  OFFSET 0
) AS orders;
ALTER TABLE public.bench_orders ADD PRIMARY KEY (order_id);
COMMENT ON TABLE public.bench_orders IS :'marker';
SQL
  # VACUUM cannot run inside a transaction block, so on its own: it sets the visibility map (index-only
  # scans) and hint bits, so that the first benchmark run does not pay for them, and ANALYZE the statistics.
  psql_ -c 'VACUUM ANALYZE public.bench_orders'
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n="$rows" 'BEGIN { printf "loaded %d rows in %.1f s (%.0f rows/s)\n", n, e - s, n / (e - s) }'
fi
psql_ -At -F ' ' -c "SELECT 'table size: ' || pg_size_pretty(pg_total_relation_size('public.bench_orders'))
    || ' (' || pg_total_relation_size('public.bench_orders') || ' bytes; heap '
    || pg_size_pretty(pg_relation_size('public.bench_orders')) || ', primary key '
    || pg_size_pretty(pg_indexes_size('public.bench_orders')) || ')'"
