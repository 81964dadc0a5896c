package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.testing.SyntheticCohort;
import org.mepsc.testing.SyntheticCohort.Extras;
import org.mepsc.testing.SyntheticCohort.Group;
import org.mepsc.testing.SyntheticCohort.Spec;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Opens report.html in headless Chromium: no console errors, no network requests, every figure
 * drawn, tables complete, names from files shown as text. Saves a screenshot of the whole page to
 * cli/target/report-screenshot.png. Skipped without Debian's chromium and chromedriver unless
 * -Dmepsc.requireBrowser=true (as .ci/run sets).
 */
class ReportBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String HOSTILE = "<script>alert(\"x\")</script> & co";

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    @Test
    void reportRendersCompletelyInChromium() throws IOException {
        requireBrowser();
        List<SyntheticCohort.Cell> cells = new ArrayList<>(SyntheticCohort.generate(new Spec(List.of(
                new Group("control", 6, 2, 15), new Group("ketamine", 6, 4, 15)), 120, 0.45, 0.15, 0.15, 21)));
        SyntheticCohort.Cell c = cells.get(2);
        cells.set(2, new SyntheticCohort.Cell(HOSTILE, c.group(), c.peakS(), c.amplitudePa(), c.riseMs(), c.decayMs(),
                c.durationS()));
        SyntheticCohort.write(dir, cells, Extras.all().withFailed("cell 13 <b>bold</b>", "cell 14"));
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "compare", dir.toString(),
                "--bootstrap", "500");
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        Path report = dir.resolve("report.html");
        String html = Files.readString(report);
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http")
                .doesNotContain("@import").doesNotContain("url(http");

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            // an unescaped <script> from a cell name would raise an alert and fail here
            driver.get(report.toUri().toString());
            assertThat(driver.getTitle()).startsWith("mepsc group comparison");

            List<String> ids = new ArrayList<>(List.of("dot-frequency_hz", "dot-amplitude_median_pA",
                    "dot-rise_10_90_median_ms", "dot-decay_tau_median_ms", "ecdf-amplitude_pA", "ecdf-iei_ms", "waveform"));
            for (int i = 0; i < 12; i++) {
                ids.add("example-" + i);
            }
            for (String id : ids) {
                WebElement svg = driver.findElement(By.id(id));
                assertThat(svg.getTagName()).as(id).isEqualTo("svg");
                assertThat(svg.getSize().getWidth()).as(id + " width").isGreaterThan(100);
                assertThat(svg.getSize().getHeight()).as(id + " height").isGreaterThan(100);
                long drawn = (Long) driver.executeScript(
                        "return arguments[0].querySelectorAll('circle, path, polyline').length", svg);
                assertThat(drawn).as(id + " marks").isPositive();
                assertThat(svg.findElement(By.tagName("title")).getAttribute("textContent")).as(id + " title").isNotBlank();
            }
            assertThat(driver.findElements(By.cssSelector("svg.chart"))).hasSize(ids.size());
            // one dot per analysed cell in each dot plot, and one event mark per example event
            assertThat(driver.findElements(By.cssSelector("#dot-frequency_hz circle"))).hasSize(12);
            assertThat(driver.findElements(By.cssSelector("#example-0 .event-mark"))).isNotEmpty();

            assertThat(driver.findElements(By.cssSelector("#comparison-table tbody tr"))).hasSize(4);
            assertThat(driver.findElement(By.cssSelector("#comparison-table tbody tr")).getText())
                    .startsWith("Frequency (Hz) ketamine vs control 6 / 6");
            assertThat(driver.findElements(By.cssSelector("#distribution-table tbody tr"))).hasSize(2);
            assertThat(driver.findElements(By.cssSelector("#failed-table tbody tr"))).hasSize(2);
            assertThat(driver.findElement(By.id("failed-table")).getText()).contains("cell 13 <b>bold</b>");
            assertThat(driver.findElement(By.id("examples")).getText()).contains(HOSTILE);
            assertThat(driver.findElement(By.id("run-parameters")).getText()).contains("parameters.template.rise_ms 0.5");

            Object requests = driver.executeScript("return performance.getEntriesByType('resource').length");
            assertThat(requests).as("network requests").isEqualTo(0L);
            List<LogEntry> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
            assertThat(problems).as("browser console").isEmpty();

            screenshot(driver, Path.of("target", "report-screenshot.png"));
        } finally {
            driver.quit();
            service.stop();
        }
    }

    /** The whole page: the window is made as tall as the document (capped) before the capture. */
    private static void screenshot(ChromeDriver driver, Path file) throws IOException {
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 40, 16_000)));
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(file.getParent());
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && Boolean.getBoolean("mepsc.requireBrowser")) {
            fail("mepsc.requireBrowser is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, "skipping the browser test of report.html: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are needed (apt-get install chromium chromium-driver)");
    }
}
