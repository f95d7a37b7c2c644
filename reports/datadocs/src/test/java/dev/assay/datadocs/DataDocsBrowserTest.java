package dev.assay.datadocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.project.AssayProject;
import dev.assay.store.MetricHistory;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens a built site from disk in headless Chromium, as a person would: runs when {@code
 * ASSAY_TEST_CHROMEDRIVER} names a chromedriver (CI sets it), skipped otherwise. Leaves a screenshot of
 * the failing run's page in {@code target/datadocs-screenshots/}.
 */
class DataDocsBrowserTest {
    private static final String BROWSER = "/usr/bin/chromium";
    // Selenium warns that it has no DevTools bindings for this Chromium; the test does not use them.
    // Held here because java.util.logging keeps loggers only weakly.
    private static final java.util.logging.Logger DEVTOOLS_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    @TempDir
    Path tmp;

    WebDriver driver;

    @BeforeEach
    void startBrowser() throws Exception {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        String chromedriver = System.getenv("ASSAY_TEST_CHROMEDRIVER");
        assumeTrue(
                chromedriver != null && !chromedriver.isBlank(),
                "set ASSAY_TEST_CHROMEDRIVER to a chromedriver (e.g. /usr/bin/chromedriver) to run the browser test");
        assumeTrue(
                Files.isExecutable(Path.of(chromedriver)),
                "ASSAY_TEST_CHROMEDRIVER is not executable: " + chromedriver);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--window-size=1280,1600",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void a_person_finds_the_failing_run_from_the_index_and_reads_why_it_failed() throws Exception {
        Store store = Store.local(tmp.resolve("store"));
        ResultStore results = new ResultStore(store);
        MetricHistory history = new MetricHistory(store);
        Fixtures.save(results, Fixtures.passing("trips", "green"));
        ResultKey failing = Fixtures.save(results, Fixtures.failing("trips", "yellow"));
        Fixtures.history(history, "yellow", 4);
        Path siteDir = tmp.resolve("site");
        DataDocs.builder(Store.local(siteDir)).build(results, history);

        driver.get(siteDir.resolve("index.html").toUri().toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> d.findElement(By.cssSelector(".controls")).isDisplayed());
        assertThat(driver.getTitle()).isEqualTo("Validation runs · Assay data docs");

        // The script's filter narrows the table to the failed run.
        WebElement status = driver.findElement(By.cssSelector(".status-filter"));
        status.findElement(By.cssSelector("option[value=failed]")).click();
        assertThat(driver.findElement(By.cssSelector(".shown")).getText()).isEqualTo("1 of 2 runs on this page");

        driver.findElement(By.cssSelector("tr.failed a.run-link")).click();
        wait.until(d -> d.getCurrentUrl().endsWith(failing.runId() + ".html"));

        String text = driver.findElement(By.tagName("main")).getText();
        assertThat(text)
                .contains("values must be between 0 and 6, at least 50% of the time")
                .contains("the mean must be between 0 and 5")
                .contains("6.333333333333333")
                .contains("2 of 3 non-null values (66.7%)")
                .contains(Fixtures.XSS);
        assertThat(driver.findElements(By.cssSelector("ul.samples code")))
                .extracting(WebElement::getText)
                .contains("9", "7", Fixtures.XSS);
        // Everything the page refers to is one of the site's own files, and the style sheet was applied.
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.querySelectorAll('[src], link[href], a[href]'))"
                        + ".map(e => e.src || e.href);");
        assertThat(resources).isNotEmpty().allSatisfy(url -> assertThat(url).matches("file:///.*|data:,"));
        assertThat(driver.findElement(By.cssSelector("header.top")).getCssValue("background-color"))
                .isEqualTo("rgba(36, 41, 47, 1)");

        Path shots = Files.createDirectories(Path.of("target", "datadocs-screenshots"));
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(shots.resolve("run.png"), png);

        driver.findElement(By.linkText("yellow")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("assets/yellow.html"));
        assertThat(driver.findElements(By.cssSelector("figure.chart svg polyline")))
                .hasSize(2);
        Files.write(
                shots.resolve("asset.png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(errors).isEmpty();
        assertThat(png.length).isGreaterThan(1000);
    }

    @Test
    void the_docs_a_checkpoint_run_writes_lead_to_the_breach() throws Exception {
        // A copy of the example project, run as its README says: once passing, once with a breach.
        Path project = tmp.resolve("project");
        Path example = Path.of("..", "..", "examples", "project");
        for (String file : List.of(
                "assay.yml",
                "checkpoints/nightly_trips.yml",
                "suites/trips.json",
                "suites/trips_volume.yaml",
                "data/trips.csv")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.copy(example.resolve(file), project.resolve(file));
        }
        AssayProject assay = AssayProject.open(project)
                .withOut(new java.io.PrintStream(
                        java.io.OutputStream.nullOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(assay.checkpoint("nightly_trips").run().exitCode()).isZero();
        assertThat(assay.checkpoint("nightly_trips")
                        .withParameters(java.util.Map.of("min_rows", 5000))
                        .run()
                        .exitCode())
                .isEqualTo(1);

        driver.get(project.resolve("docs/index.html").toUri().toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> d.findElement(By.cssSelector(".controls")).isDisplayed());
        assertThat(driver.findElements(By.cssSelector("a.run-link"))).hasSize(4);
        driver.findElement(By.cssSelector("tr.failed a.run-link")).click();
        wait.until(d -> d.getCurrentUrl().contains("/runs/trips_volume/"));

        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("the row count must be between 5000 and 1000000")
                .contains("nightly_trips")
                .contains("the row count must change by at most 50% from the previous run");
        Files.write(
                Files.createDirectories(Path.of("target", "datadocs-screenshots"))
                        .resolve("checkpoint-run.png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()))
                .isEmpty();
    }
}
