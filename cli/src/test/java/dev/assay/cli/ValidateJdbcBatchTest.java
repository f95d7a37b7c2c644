package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.CliRun.Result;
import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code assay validate --data jdbc:... --table T} on one batch of the table: chosen with {@code --batch
 * COLUMN=VALUE}, or the last partition with {@code --partition-by} and {@code --latest}; on an in-process H2
 * database whose four orders fall on three days.
 */
class ValidateJdbcBatchTest extends JdbcOrders {
    @Nested
    class Batches {
        @Test
        void batch_on_a_timestamp_column_selects_a_day() throws IOException {
            Result r = run(validateTable(suite(2), url, "orders", "--batch", "created_at=2024-01-31", "--ascii"));

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on ").contains("created_at=2024-01-31]: PASSED");
        }

        @Test
        void batch_takes_a_range_of_days_and_a_second_column() throws IOException {
            Result r = run(validateTable(
                    suite(2), url, "orders", "--batch", "created_at=2024-01-30..2024-01-31", "--batch", "id=2..4"));

            assertThat(r.code()).as(r.out() + r.err()).isZero();
        }

        @Test
        void latest_with_partition_by_day_takes_the_last_day() throws IOException {
            Result r = latest("created_at:day");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on ").contains("created_at=2024-02-01]: PASSED");
        }

        @Test
        void latest_with_partition_by_month_takes_the_last_month() throws IOException {
            Result r = latest("created_at:month");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on ").contains("created_at=2024-02]: PASSED");
        }

        @Test
        void latest_with_partition_by_a_plain_column_takes_its_greatest_value() throws IOException {
            Result r = latest("id");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on orders [id=4]: PASSED");
        }

        /** Validates the last partition of orders by {@code partitionBy} against a suite of one row. */
        private Result latest(String partitionBy) throws IOException {
            return run(validateTable(suite(1), url, "orders", "--partition-by", partitionBy, "--latest", "--ascii"));
        }
    }

    @Nested
    class Usage {
        @Test
        void two_for_latest_without_partition_by() throws IOException {
            Result r = run(validateTable(suite(1), url, "orders", "--latest"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--latest on jdbc: data needs --partition-by COLUMN[:day|month|year]" + NL);
        }

        @Test
        void two_for_partition_by_without_latest() throws IOException {
            Result r = run(validateTable(suite(1), url, "orders", "--partition-by", "created_at"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("--partition-by is used with --latest; select a batch with --batch COLUMN=VALUE" + NL);
        }

        @Test
        void two_for_an_unknown_partition_unit() throws IOException {
            Result r = run(validateTable(suite(1), url, "orders", "--partition-by", "created_at:week", "--latest"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("--partition-by must be COLUMN or COLUMN:day, COLUMN:month or COLUMN:year,"
                            + " got 'created_at:week'" + NL);
        }

        @Test
        void two_for_latest_with_batch() throws IOException {
            Result r = run(validateTable(
                    suite(1), url, "orders", "--latest", "--partition-by", "created_at:day", "--batch", "id=1"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--latest cannot be combined with --batch" + NL);
        }

        @Test
        void two_for_a_batch_column_the_table_lacks() throws IOException {
            Result r = run(validateTable(suite(1), url, "orders", "--batch", "day=2024-01-31"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("assay: ").contains("'day'").endsWith(NL);
        }
    }
}
