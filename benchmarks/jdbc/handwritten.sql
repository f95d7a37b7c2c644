-- Every number suites/orders.json needs, in one SELECT over public.bench_orders, written the way a person
-- who knows SQL would write it by hand: the baseline that Assay's pushdown is timed against (run.sh).
-- Each column names the expectation(s) it serves (#n = its position in suites/orders.json).
-- Not here: #2 expect_table_columns_to_match_set and #3 expect_column_to_exist come from the table's
-- schema (Assay reads it from the driver's result-set metadata; psql users would look at \d).
--
-- Column-map expectations skip nulls, so each gets the non-null count of its column (element count
-- minus missing) and the count of non-null rows that break its condition: `count(*) FILTER (WHERE x
-- violates)` counts no row where x is null, because the condition is then null, not true.
--
-- The main scan holds only plain aggregates, so PostgreSQL can run it with parallel workers; the two
-- questions that need every distinct value (uniqueness, the set of statuses) are scalar subqueries,
-- which the planner answers from the primary-key index (an index-only scan, already sorted) and with a
-- hash aggregate. Writing them as count(DISTINCT ...) / array_agg(DISTINCT ...) in the main scan is as
-- natural but slower: a DISTINCT aggregate sorts its input and rules out a parallel plan (see README.md).
SELECT
  count(*)                                                      AS row_count,          -- #1, and the element count of every column-map expectation
  count(order_id)                                               AS order_id_non_null,  -- #4 not null, #6 unique
  count(customer_id)                                            AS customer_id_non_null, -- #5 not null
  (SELECT coalesce(sum(n), 0)
     FROM (SELECT count(*) AS n FROM public.bench_orders
            WHERE order_id IS NOT NULL
            GROUP BY order_id HAVING count(*) > 1) AS repeated)  AS order_id_duplicate_rows, -- #6 unique: every row of a repeated value
  count(amount)                                                 AS amount_non_null,    -- #7, #13
  count(*) FILTER (WHERE amount NOT BETWEEN 0 AND 5000)         AS amount_out_of_range, -- #7 values between 0 and 5000
  count(quantity)                                               AS quantity_non_null,  -- #8
  count(*) FILTER (WHERE quantity NOT BETWEEN 1 AND 10)         AS quantity_out_of_range, -- #8 values between 1 and 10
  count(status)                                                 AS status_non_null,    -- #9
  count(*) FILTER (WHERE status NOT IN ('NEW', 'PAID', 'SHIPPED', 'CANCELLED'))
                                                                AS status_not_in_set,  -- #9 values in set
  count(country)                                                AS country_non_null,   -- #10, #12
  count(*) FILTER (WHERE country NOT IN ('US', 'DE', 'FR', 'GB', 'NL', 'ES', 'IT', 'PL', 'SE', 'JP', 'AT', 'CH'))
                                                                AS country_not_in_set, -- #10 values in set
  count(*) FILTER (WHERE length(country) <> 2)                  AS country_length_not_2, -- #12 value lengths equal 2
  count(email)                                                  AS email_non_null,     -- #11
  count(*) FILTER (WHERE email !~ '^[a-z0-9.]+@[a-z0-9.]+\.[a-z]+$')
                                                                AS email_not_matching, -- #11 match regex (mostly 0.999)
  avg(amount)                                                   AS amount_mean,        -- #13 mean between
  stddev_samp(discount)                                         AS discount_stdev,     -- #14 stdev between (sample, as GX)
  max(created_at)                                               AS created_at_max,     -- #15 max between
  count(discount)                                               AS discount_non_null,  -- #16 proportion of non-null = this / row_count
  count(*) FILTER (WHERE shipped_at IS NOT NULL AND created_at IS NOT NULL)
                                                                AS shipped_created_both_present, -- #17 (ignore_row_if: either_value_is_missing)
  count(*) FILTER (WHERE shipped_at < created_at)               AS shipped_before_created, -- #17 a >= b (or_equal) broken
  (SELECT array_agg(status ORDER BY status)
     FROM (SELECT DISTINCT status FROM public.bench_orders
            WHERE status IS NOT NULL) AS statuses)              AS status_distinct_values -- #18 distinct values in set
FROM public.bench_orders;
