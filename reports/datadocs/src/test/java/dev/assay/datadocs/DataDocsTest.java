package dev.assay.datadocs;

import static dev.assay.datadocs.Fixtures.XSS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.store.MetricHistory;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDocsTest {
    @TempDir
    Path tmp;

    Path siteDir;
    RecordingStore site;
    ResultStore results;
    MetricHistory history;

    @BeforeEach
    void setUp() {
        siteDir = tmp.resolve("site");
        site = new RecordingStore(Store.local(siteDir));
        Store projectStore = Store.local(tmp.resolve("store"));
        results = new ResultStore(projectStore);
        history = new MetricHistory(projectStore);
    }

    DataDocsReport build() {
        return DataDocs.builder(site).build(results, history);
    }

    String page(String key) throws IOException {
        return Files.readString(siteDir.resolve(key), UTF_8);
    }

    static String runPage(ResultKey key) {
        return StoredRuns.page(key.key());
    }

    @Nested
    class Rendering {
        @Test
        void a_failing_run_page_shows_phrases_observed_values_and_samples_grouped_by_column() throws IOException {
            ResultKey key = Fixtures.save(results, Fixtures.failing("trips", "yellow"));

            DataDocsReport report = build();

            assertThat(report.newRuns()).containsExactly(key.key());
            assertThat(report.problems()).isEmpty();
            String html = page(runPage(key));
            assertThat(html)
                    .contains("<h3>passenger_count</h3>")
                    .contains("values must be between 0 and 6, at least 50% of the time")
                    .contains("2 of 3 non-null values (66.7%)")
                    .contains("<li><code>9</code></li>")
                    .contains("<li><code>7</code></li>")
                    .contains("<h3>vendor</h3>")
                    .contains("values must be one of {&quot;cmt&quot;, &quot;vts&quot;}")
                    .contains("<h3>trip_id</h3>")
                    .contains("values must not be null")
                    .contains("values must be unique")
                    .contains("<span class=\"badge failed\">failed</span>")
                    .contains("<dt>Checkpoint</dt><dd>nightly</dd>")
                    .contains("<td>validity</td><td>2</td><td>0</td><td>2</td><td>0%</td>")
                    .contains("<td>completeness</td><td>1</td><td>1</td><td>0</td><td>100%</td>");
        }

        @Test
        void the_index_links_every_run_its_suite_and_asset_with_relative_links() throws IOException {
            ResultKey failed = Fixtures.save(results, Fixtures.failing("trips", "yellow"));
            ResultKey passed = Fixtures.save(results, Fixtures.passing("trips", "green"));

            DataDocsReport report = build();

            assertThat(report.pagesWritten())
                    .containsExactlyInAnyOrder(
                            "assay.css",
                            "assay.js",
                            "index.html",
                            "failed.html",
                            runPage(failed),
                            runPage(passed),
                            "suites/trips.html",
                            "assets/yellow.html",
                            "assets/green.html");
            String index = page("index.html");
            assertThat(index)
                    .contains("href=\"" + runPage(failed) + "\"")
                    .contains("href=\"" + runPage(passed) + "\"")
                    .contains("href=\"suites/trips.html\"")
                    .contains("2 runs stored, 1 failed.");
            assertThat(page("failed.html")).contains(runPage(failed)).doesNotContain(runPage(passed));
            assertThat(page(runPage(failed)))
                    .contains("href=\"../../../../assay.css\"")
                    .contains("href=\"../../../../suites/trips.html\"");
            for (String key : report.pagesWritten()) {
                if (key.endsWith(".html")) {
                    assertThat(hrefsAndSrcs(page(key))).as(key).allSatisfy(link -> assertThat(link)
                            .doesNotStartWith("/")
                            .doesNotContain("://"));
                }
            }
        }

        @Test
        void the_suite_page_lists_its_expectations_in_plain_language_and_its_recent_runs() throws IOException {
            ResultKey key = Fixtures.save(results, Fixtures.passing("trips", "green"));

            build();

            assertThat(page("suites/trips.html"))
                    .contains("5 expectations, as of its newest run; 1 run stored, 0 failed.")
                    .contains("values must be between 0 and 6, at least 50% of the time")
                    .contains("href=\"../" + runPage(key) + "\"")
                    .contains("href=\"../assets/green.html\"");
        }

        @Test
        void the_asset_page_charts_every_numeric_series_of_its_history_as_inline_svg() throws IOException {
            Fixtures.save(results, Fixtures.passing("trips", "green"));
            Fixtures.history(history, "green", 3);

            build();

            String html = page("assets/green.html");
            assertThat(html)
                    .contains("<strong>table.row_count</strong> · newest 102 · min 100 · max 102")
                    .contains("<strong>column.mean(fare)</strong> · newest 8.5 · min 8.5 · max 10.5")
                    .contains("<polyline points=\"8.0,152.0 320.0,80.0 632.0,8.0\" class=\"chart-line\"/>")
                    .contains("<title>2026-01-01 02:00:00 UTC · day=2 · 102</title>")
                    .doesNotContain("<script>")
                    .doesNotContain("http://", "https://");
        }

        @Test
        void names_that_are_not_safe_file_names_get_escaped_keys_and_links() throws IOException {
            ResultKey key = Fixtures.save(results, Fixtures.passing("trips", "my trips"));

            build();

            assertThat(siteDir.resolve("assets/my%20trips.html")).exists();
            assertThat(page("index.html")).contains("href=\"assets/my%2520trips.html\"");
            assertThat(runPage(key)).startsWith("runs/trips/my%20trips/my%20trips/");
            assertThat(page("index.html")).contains("href=\"" + runPage(key).replace("%", "%25") + "\"");
        }
    }

    @Nested
    class Escaping {
        @Test
        void every_value_from_the_data_is_shown_as_text() throws IOException {
            String name = "<b>suite</b>";
            ResultKey key = Fixtures.save(results, Fixtures.failing(name, XSS));
            Fixtures.history(history, XSS, 2);

            DataDocsReport report = build();

            assertThat(page(runPage(key)))
                    .contains("<li><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></li>")
                    .contains("&lt;b&gt;suite&lt;/b&gt;");
            for (String written : report.pagesWritten()) {
                if (written.endsWith(".html")) {
                    assertThat(page(written))
                            .as(written)
                            .doesNotContain(XSS)
                            .doesNotContain("<b>suite</b>")
                            .doesNotContain("<script>alert");
                }
            }
            assertThat(page("index.html")).contains("&lt;b&gt;suite&lt;/b&gt;");
        }

        @Test
        void no_template_turns_escaping_off() throws IOException {
            for (String name : List.of("layout.ftlh", "index.ftlh", "run.ftlh", "suite.ftlh", "asset.ftlh")) {
                try (var in = DataDocs.class.getResourceAsStream("/dev/assay/datadocs/templates/" + name)) {
                    assertThat(in).as(name).isNotNull();
                    assertThat(new String(in.readAllBytes(), UTF_8))
                            .as(name)
                            .doesNotContain("no_esc", "noautoesc", "noAutoEsc", "outputformat", "outputFormat");
                }
            }
        }

        @Test
        void a_stored_result_written_by_hand_has_its_query_reason_and_error_escaped() throws IOException {
            ResultKey key = new ResultKey("s", "a", "b", Instant.parse("2026-02-01T00:00:00Z"), "abc123");
            String json =
                    """
                    {"success": false, "suite_name": "s",
                     "statistics": {"evaluated_expectations": 2, "successful_expectations": 0, "success_percent": 0.0},
                     "results": [
                       {"success": false,
                        "expectation_config": {"type": "expect_column_values_to_match_regex",
                                               "kwargs": {"column": "name", "regex": "^<a>$"}},
                        "result": {"element_count": 4, "missing_count": 0, "unexpected_count": 1,
                                   "unexpected_percent": 25.0,
                                   "partial_unexpected_list": ["</td><img src=x onerror=alert(1)>"],
                                   "partial_unexpected_counts": [{"value": "<i>x</i>", "count": 1}],
                                   "partial_unexpected_index_list": [{"id": "<7>"}],
                                   "unexpected_index_query": "SELECT * FROM t WHERE name !~ '<a>'",
                                   "reason": "1 value did not match <a>"},
                        "exception_info": {"raised_exception": false},
                        "dimension": "validity"},
                       {"success": false,
                        "expectation_config": {"type": "expect_column_to_exist", "kwargs": {"column": "<col>"}},
                        "result": {},
                        "exception_info": {"raised_exception": true, "exception_message": "no <col>",
                                           "exception_traceback": "at <frame>"},
                        "dimension": "schema"}],
                     "meta": {"run_id": "abc123", "data_asset": "a", "batch_key": "b",
                              "run_started_at": "2026-02-01T00:00:00Z"},
                     "statistics_by_dimension": {}}
                    """;
            results.store().write(key.key(), json.getBytes(UTF_8));

            DataDocsReport report = build();

            assertThat(report.problems()).isEmpty();
            assertThat(page(runPage(key)))
                    .contains("values must match the regular expression ^&lt;a&gt;$")
                    .contains("<code>&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;</code>")
                    .contains("<td><code>&lt;i&gt;x&lt;/i&gt;</code></td><td>1</td>")
                    .contains("<code>{&quot;id&quot;:&quot;&lt;7&gt;&quot;}</code>")
                    .contains("<code>SELECT * FROM t WHERE name !~ &#39;&lt;a&gt;&#39;</code>")
                    .contains("1 value did not match &lt;a&gt;")
                    .contains("<h3>&lt;col&gt;</h3>")
                    .contains("<dd class=\"error\">no &lt;col&gt;</dd>")
                    .contains("<pre>at &lt;frame&gt;</pre>")
                    .doesNotContain("<img", "<i>x", "<7>", "<col>", "<frame>");
        }
    }

    @Nested
    class Paging {
        @Test
        void the_index_is_split_into_pages_with_links_between_them() throws IOException {
            for (int i = 0; i < 25; i++) {
                Fixtures.save(results, i % 5 == 0 ? Fixtures.failing("trips", "t") : Fixtures.passing("trips", "t"));
            }

            DataDocsReport report = DataDocs.builder(site).runsPerPage(10).build(results, history);

            assertThat(report.totalRuns()).isEqualTo(25);
            assertThat(report.pagesWritten()).contains("index.html", "index-2.html", "index-3.html", "failed.html");
            assertThat(report.pagesWritten()).doesNotContain("index-4.html", "failed-2.html");
            assertThat(rows(page("index.html"))).isEqualTo(10);
            assertThat(rows(page("index-3.html"))).isEqualTo(5);
            assertThat(rows(page("failed.html"))).isEqualTo(5);
            assertThat(page("index-2.html"))
                    .contains("Page 2 of 3")
                    .contains("<a href=\"index.html\">previous</a>")
                    .contains("<span class=\"current\">2</span>")
                    .contains("<a href=\"index-3.html\">next</a>");
            assertThat(page("index.html")).doesNotContain("previous");
        }

        @Test
        void a_long_pager_shows_a_window_around_the_current_page() {
            assertThat(Pages.pager(false, 10, 100).stream().map(l -> l.label()).toList())
                    .containsExactly("previous", "1", "…", "7", "8", "9", "10", "11", "12", "13", "…", "100", "next");
        }

        @Test
        void pages_that_are_no_longer_needed_are_deleted() {
            List<ResultKey> keys = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                keys.add(Fixtures.save(results, Fixtures.passing("trips", "t")));
            }
            DataDocs.builder(site).runsPerPage(10).build(results, history);
            assertThat(siteDir.resolve("index-2.html")).exists();

            results.store().delete(keys.get(0).key());
            results.store().delete(keys.get(1).key());
            DataDocsReport report = DataDocs.builder(site).runsPerPage(10).build(results, history);

            assertThat(report.removedRuns())
                    .containsExactlyInAnyOrder(keys.get(0).key(), keys.get(1).key());
            assertThat(siteDir.resolve("index-2.html")).doesNotExist();
            assertThat(siteDir.resolve(runPage(keys.get(0)))).doesNotExist();
            assertThat(report.totalRuns()).isEqualTo(10);
        }
    }

    @Nested
    class Incremental {
        @Test
        void one_new_run_writes_its_page_the_index_pages_and_its_suite_and_asset_pages_only() {
            Fixtures.save(results, Fixtures.passing("trips", "green"));
            Fixtures.save(results, Fixtures.passing("rides", "blue"));
            build();
            site.clear();

            ResultKey added = Fixtures.save(results, Fixtures.passing("trips", "green"));
            DataDocsReport report = build();

            assertThat(report.newRuns()).containsExactly(added.key());
            assertThat(report.fullRebuild()).isFalse();
            assertThat(report.pagesWritten())
                    .containsExactly(
                            "assets/green.html", "failed.html", "index.html", runPage(added), "suites/trips.html");
            assertThat(site.writes())
                    .containsExactly(
                            Manifest.KEY,
                            "assets/green.html",
                            "failed.html",
                            "index.html",
                            runPage(added),
                            "suites/trips.html");
            assertThat(report.summary()).isEqualTo("1 new run, 5 pages written");
        }

        @Test
        void index_pages_whose_runs_did_not_change_are_not_rewritten() {
            for (int i = 0; i < 3; i++) {
                Fixtures.save(results, Fixtures.failing("trips", "green"));
            }
            DataDocs.builder(site).runsPerPage(2).build(results, history);

            // A passing run shifts the pages of all runs, while the failed runs' second page stays as it was.
            Fixtures.save(results, Fixtures.passing("trips", "green"));
            DataDocsReport report = DataDocs.builder(site).runsPerPage(2).build(results, history);

            assertThat(report.pagesWritten())
                    .contains("index.html", "index-2.html", "failed.html")
                    .doesNotContain("failed-2.html");
        }

        @Test
        void nothing_new_writes_no_page_and_reads_no_result() {
            Fixtures.save(results, Fixtures.passing("trips", "green"));
            build();
            site.clear();

            DataDocsReport report = build();

            assertThat(report.newRuns()).isEmpty();
            assertThat(report.pagesWritten()).isEmpty();
            assertThat(site.writes()).containsExactly(Manifest.KEY);
            assertThat(report.summary()).isEqualTo("0 new runs, 0 pages written");
        }

        @Test
        void a_full_rebuild_reads_every_result_and_writes_every_page() {
            ResultKey a = Fixtures.save(results, Fixtures.passing("trips", "green"));
            ResultKey b = Fixtures.save(results, Fixtures.failing("trips", "green"));
            build();

            DataDocsReport report = DataDocs.builder(site).fullRebuild(true).build(results, history);

            assertThat(report.fullRebuild()).isTrue();
            assertThat(report.newRuns()).containsExactlyInAnyOrder(a.key(), b.key());
            assertThat(report.pagesWritten()).hasSize(8);
        }

        @Test
        void an_unreadable_manifest_makes_a_full_rebuild_and_says_so() {
            Fixtures.save(results, Fixtures.passing("trips", "green"));
            build();
            site.write(Manifest.KEY, "{not json".getBytes(UTF_8));

            DataDocsReport report = build();

            assertThat(report.fullRebuild()).isTrue();
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo(".assay/manifest.json");
                assertThat(p.reason()).startsWith("cannot read the site's manifest, so every page is rebuilt: ");
            });
            assertThat(report.newRuns()).hasSize(1);
        }
    }

    @Nested
    class CorruptResults {
        @Test
        void a_corrupt_result_is_reported_with_its_key_and_reason_and_the_rest_is_built() throws IOException {
            ResultKey good = Fixtures.save(results, Fixtures.passing("trips", "green"));
            ResultKey bad = new ResultKey("trips", "green", "green", Instant.parse("2026-03-01T00:00:00Z"), "bad1");
            results.store().write(bad.key(), "{\"success\": true, \"results\": [".getBytes(UTF_8));

            DataDocsReport report = build();

            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo(bad.key());
                assertThat(p.reason())
                        .startsWith("not valid JSON: Unexpected end-of-input: expected close marker for Array")
                        .endsWith("(line 1, column 31)");
            });
            assertThat(report.newRuns()).containsExactly(good.key());
            assertThat(siteDir.resolve(runPage(good))).exists();
            assertThat(siteDir.resolve(runPage(bad))).doesNotExist();
            assertThat(page("index.html"))
                    .contains("Results that could not be shown")
                    .contains("<code>" + bad.key() + "</code>: not valid JSON");
        }

        @Test
        void a_result_of_the_wrong_shape_is_reported_with_the_field_that_is_wrong() {
            ResultKey bad = new ResultKey("trips", "green", "green", Instant.parse("2026-03-01T00:00:00Z"), "bad2");
            results.store().write(bad.key(), "{\"success\": true, \"results\": {}}".getBytes(UTF_8));

            DataDocsReport report = build();

            assertThat(report.problems())
                    .containsExactly(new BuildProblem(bad.key(), "field 'results' is missing or not an array"));
        }

        @Test
        void a_known_corrupt_result_is_reported_again_but_not_reread() {
            ResultKey bad = new ResultKey("trips", "green", "green", Instant.parse("2026-03-01T00:00:00Z"), "bad3");
            results.store().write(bad.key(), "[]".getBytes(UTF_8));
            build();
            site.clear();

            DataDocsReport report = build();

            assertThat(report.problems()).containsExactly(new BuildProblem(bad.key(), "not a JSON object"));
            assertThat(report.pagesWritten()).isEmpty();
        }
    }

    @Test
    void options_must_be_positive() {
        assertThatThrownBy(() -> DataDocs.builder(site).runsPerPage(0))
                .isInstanceOf(AssayException.class)
                .hasMessage("data docs runsPerPage must be at least 1, got 0");
    }

    private static int rows(String html) {
        Matcher m = Pattern.compile("<tr class=\"(passed|failed)\" data-status").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<String> hrefsAndSrcs(String html) {
        Matcher m = Pattern.compile("(?:href|src)=\"([^\"]*)\"").matcher(html);
        return Stream.iterate(m.find(), found -> found, found -> m.find())
                .map(found -> m.group(1))
                .toList();
    }
}
