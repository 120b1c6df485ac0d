package com.runtothebeats.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.local.LocalProduct;
import com.runtothebeats.standins.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journey a newcomer takes, in a real browser against the whole local product as {@code ./beats serve}
 * runs it (first start: the catalog pipeline on the real training split; then the HTTP API; demo mode, as
 * no Spotify client is configured): open home → type heart rate 160 → build a 30-minute ramp playlist → the
 * result table has tracks and the chart is drawn → publish (dry run) → the confirmation shows.
 * Screenshots go to {@code target/screenshots/}; with {@code -Dbeats.updateReadmeScreenshot=true} the result page's
 * also replaces {@code docs/screenshots/result.png}, the README's picture.
 */
class WebJourneyTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();
    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);
    /** The first recommendation loads the catalog index into the function: seconds on 2 cores. */
    private static final Duration BUILD_WAIT = Duration.ofSeconds(120);

    @TempDir
    static Path state;
    private static LocalProduct product;
    private static HeadlessChromium chromium;
    private static String base;

    @BeforeAll
    static void startTheProductAndABrowser() throws Exception {
        Set<String> functions = SamTemplate.load(PROJECT.resolve("template.yaml")).functions().stream()
                .map(SamTemplate.FunctionDefinition::logicalId).collect(java.util.stream.Collectors.toSet());
        // Until the recommender's and the publisher's functions are in template.yaml there is no journey to walk.
        assumeTrue(functions.containsAll(Set.of("RecommendFunction", "PublishFunction", "WebFunction")),
                "template.yaml does not have the Recommend and Publish functions yet: " + functions);
        Path dataDir = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", PROJECT.resolve("../shared/data").toString()));
        Path dataset = dataDir.resolve("spotify/spotify_songs_train.csv");
        assertTrue(Files.isRegularFile(dataset), "the journey runs on the real training split: " + dataset
                + " (set BEATS_DATA_DIR to the shared data folder)");
        Files.createDirectories(SCREENSHOTS);
        PrintStream serveLog = new PrintStream(Files.newOutputStream(Path.of("target/e2e-serve.log")), true);
        // No heart-rate replay here: the journey types its heart rate, and the replay's stand-in port stays free.
        product = LocalProduct.start(new LocalProduct.Settings(PROJECT, state, 0, true, Optional.of(dataset),
                Optional.empty(), Map.of(), System.out, serveLog));
        base = product.baseUri().toString();
        chromium = HeadlessChromium.start(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (product != null) {
            product.close();
        }
    }

    @Test
    void aRunnerTypesAHeartRateBuildsARampPlaylistAndPublishesItAsADryRun() throws Exception {
        assertTrue(product.demo(), "without SPOTIFY_CLIENT_ID the local product runs the demo");
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, PAGE_WAIT);

        // Home: a heart rate out of range is refused next to the field, in words.
        driver.get(base + "/");
        waitUntilReady(wait);
        chromium.screenshot(SCREENSHOTS.resolve("home.png"));
        WebElement heartRate = driver.findElement(By.id("heart-rate"));
        heartRate.clear();
        heartRate.sendKeys("300");
        driver.findElement(By.id("heart-rate-submit")).click();
        WebElement heartRateError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("heart-rate-error")));
        assertTrue(heartRateError.getText().contains("between 30 and 230"), heartRateError.getText());
        assertEquals("true", heartRate.getDomAttribute("aria-invalid"));
        assertEquals(heartRate, driver.switchTo().activeElement(), "focus goes to the field to fix");

        heartRate.clear();
        heartRate.sendKeys("160");
        driver.findElement(By.id("heart-rate-submit")).click();
        wait.until(ExpectedConditions.urlContains("/build?heartRate=160"));
        waitUntilReady(wait);

        // Build: target from heart rate 160, a 30-minute ramp.
        assertEquals("160", driver.findElement(By.id("target-heart-rate")).getDomProperty("value"));
        driver.findElement(By.cssSelector("input[name='plan'][value='ramp']")).click();
        WebElement from = driver.findElement(By.id("ramp-from"));
        WebElement to = driver.findElement(By.id("ramp-to"));
        assertTrue(from.isDisplayed() && to.isDisplayed(), "the ramp's tempos show once ramp is chosen");
        replace(from, "150");
        replace(to, "165");
        replace(driver.findElement(By.id("minutes")), "30");
        chromium.screenshot(SCREENSHOTS.resolve("build.png"));
        driver.findElement(By.id("build-submit")).click();
        new WebDriverWait(driver, BUILD_WAIT).until(ExpectedConditions.urlToBe(base + "/result"));
        waitUntilReady(wait);

        // Result: the table has the tracks, the chart draws one segment per track against the target curve.
        wait.until(driver1 -> "true".equals(driver1.findElement(By.id("tempo-chart")).getDomAttribute("data-drawn")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#tracks-table tbody tr"));
        assertTrue(rows.size() >= 6, "a 30-minute playlist has several tracks, had " + rows.size());
        List<WebElement> segments = driver.findElements(By.cssSelector("#tempo-chart .series.tracks line.segment"));
        assertEquals(rows.size(), segments.size(), "one segment per track in the chart");
        assertFalse(driver.findElements(By.cssSelector("#tempo-chart .series.target path.line")).isEmpty(), "the plan's target curve");
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.cssSelector("td, th"));
            double effective = Double.parseDouble(cells.get(5).getText());
            double target = Double.parseDouble(cells.get(6).getText());
            assertTrue(target >= 149.9 && target <= 165.1, "slot targets follow the 150 → 165 ramp: " + target);
            assertTrue(Math.abs(effective - target) <= 2.05, "track " + cells.get(2).getText() + " at " + effective
                    + " BPM is within 2 BPM of its slot's " + target);
        }
        assertTrue(driver.findElement(By.id("playlist-lead")).getText().contains("ramp 150 → 165 BPM"));
        Path resultShot = SCREENSHOTS.resolve("result.png");
        chromium.screenshot(resultShot);
        // A test run leaves the source tree as it found it; refreshing the README's picture is asked for.
        if (Boolean.getBoolean("beats.updateReadmeScreenshot")) {
            Files.createDirectories(PROJECT.resolve("docs/screenshots"));
            Files.copy(resultShot, PROJECT.resolve("docs/screenshots/result.png"), StandardCopyOption.REPLACE_EXISTING);
        }

        // Publish: a dry run in the demo, labelled, with the file it wrote.
        assertTrue(driver.findElement(By.id("dry-run-note")).isDisplayed(), "the page says publishing is a dry run");
        driver.findElement(By.id("publish-submit")).click();
        WebElement confirmation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#publish-result[data-published='true']")));
        assertTrue(confirmation.getText().contains("Dry run"), confirmation.getText());
        Path written = Path.of(confirmation.findElement(By.cssSelector("code.location")).getText());
        assertTrue(written.startsWith(state.toAbsolutePath()), "the dry run writes into the state directory: " + written);
        @SuppressWarnings("unchecked")
        List<String> trackIds = (List<String>) driver.executeScript(
                "return JSON.parse(sessionStorage.getItem('beats.lastPlaylist')).response.tracks.map(t => t.id)");
        assertEquals(rows.size(), trackIds.size());
        assertDryRunFileHasThePlaylistInOrder(written, trackIds, driver.findElement(By.id("playlist-name")).getDomProperty("value"));
        chromium.screenshot(SCREENSHOTS.resolve("published.png"));

        // The same pages on a phone-sized screen.
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        waitUntilReady(wait);
        wait.until(driver1 -> "true".equals(driver1.findElement(By.id("tempo-chart")).getDomAttribute("data-drawn")));
        chromium.screenshot(SCREENSHOTS.resolve("result-phone.png"));

        List<String> problems = chromium.consoleErrors().stream()
                .filter(message -> message.contains("Content Security Policy") || message.contains("Uncaught"))
                .toList();
        assertEquals(List.of(), problems, "no script errors and nothing the Content-Security-Policy had to block");
    }

    /** The file holds the playlist Spotify would have got: the name typed and the result's tracks, in order. */
    private static void assertDryRunFileHasThePlaylistInOrder(Path written, List<String> trackIds, String name) throws IOException {
        assertTrue(Files.isRegularFile(written), "dry-run file " + written);
        JsonNode file = new ObjectMapper().readTree(written.toFile());
        assertEquals(name, file.path("name").asText());
        List<String> uris = new java.util.ArrayList<>();
        file.path("trackUris").forEach(uri -> uris.add(uri.asText()));
        assertEquals(trackIds.stream().map(id -> "spotify:track:" + id).toList(), uris);
    }

    private static void replace(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    private static void waitUntilReady(WebDriverWait wait) {
        wait.until(driver -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }
}
