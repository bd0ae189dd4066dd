package id.pantau.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import id.pantau.support.Browser;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reporter on a phone sends a report through the public form (/lapor) in a real Chromium:
 * with a photo, straight through to the tracking page; with the connection dropping before
 * sending, the report kept in the page's outbox and sent by itself, once, when it returns; and
 * one the server refuses, its errors shown rather than the report kept for a retry.
 */
@IntegrationTest
class ReportFormBrowserTest {

    /** TrackingCode's alphabet (digits and capitals without 0, 1, I, L and O), in groups of 4-4-4-1. */
    private static final String TRACKING_CODE =
            "^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]$";
    private static final By TRACKING_CODE_SHOWN = By.id("tracking-code");
    private static final By CONNECTION = By.id("connection");
    /** Where report-form.js goes once the outbox has sent a report. */
    private static final String FRESH_TRACKING_PAGE = "/lacak/[2-9A-Z-]+\\?baru=1$";
    /** Longer than the page's 15 s retry, for the journey that waits for the page to send by itself. */
    private static final Duration RESEND = Duration.ofSeconds(30);

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path files;

    Browser browser;
    WebDriver page;
    WebDriverWait waiting;

    @BeforeEach
    void openBrowser() {
        // a small phone (360 px): most reporters will have nothing else at hand, and the form is laid out for it
        browser = Browser.smallPhone();
        page = browser.driver();
        waiting = browser.waiting();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.consoleErrors().filter(errors -> !errors.isEmpty()).ifPresent(errors ->
                    System.err.println("Browser console errors:\n  " + String.join("\n  ", errors)));
            browser.close();
        }
    }

    @Test
    void aReporterOnAPhoneSendsAReportWithAPhotoAndTracksIt() throws Exception {
        Path photo = jpeg("amplop.jpg");
        String title = "Amplop di pasar Tanggul " + UUID.randomUUID();

        page.get(url("/lapor"));
        fillIn(title);
        String village = pickVillageInJember();
        page.findElement(By.id("files")).sendKeys(photo.toAbsolutePath().toString());
        fitsTheScreen();
        page.findElement(By.id("submit-report")).click();

        waiting.until(ExpectedConditions.urlMatches(FRESH_TRACKING_PAGE));
        String code = waiting.until(ExpectedConditions.visibilityOfElementLocated(TRACKING_CODE_SHOWN)).getText().strip();
        assertThat(code).matches(TRACKING_CODE);
        assertThat(page.getCurrentUrl()).endsWith("/lacak/" + code + "?baru=1");
        assertThat(page.findElements(By.cssSelector("#received .alert"))).as("no file refused").isEmpty();
        fitsTheScreen();

        // later, on the tracking page by itself: the code typed into its form
        page.get(url("/lacak"));
        page.findElement(By.id("kode")).sendKeys(code);
        page.findElement(By.cssSelector("form.search button[type=submit]")).click();
        waiting.until(ExpectedConditions.urlMatches("/lacak/" + code + "$"));
        assertThat(waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-status"))).getText())
                .isEqualTo("Diterima");
        assertThat(page.findElement(By.cssSelector("#status dd.code")).getText()).isEqualTo(code);
        assertThat(page.findElement(By.id("status")).getText()).contains("Politik uang", "Kabupaten Jember", "Jawa Timur");
        assertThat(page.findElements(TRACKING_CODE_SHOWN)).as("the 'received' notice only right after sending").isEmpty();
        fitsTheScreen();

        List<Stored> stored = reportsTitled(title);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().trackingCode()).isEqualTo(code);
        assertThat(stored.getFirst().regionCode()).isEqualTo(village).matches("35\\.09\\.\\d{2}\\.\\d{4}");
        assertThat(jdbc.sql("select encode(sha256, 'hex') from evidence where report_id = ?")
                .param(stored.getFirst().id()).query(String.class).list())
                .as("the photo, stored once and unchanged")
                .containsExactly(sha256(photo));

        // back on the form, this device lists the report it sent, in case the code was lost
        page.get(url("/lapor"));
        WebElement recent = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("recent-reports")));
        assertThat(recent.getText()).contains(code, title);

        browser.consoleErrors().ifPresent(errors ->
                assertThat(errors).as("JavaScript errors in the browser console").isEmpty());
    }

    @Test
    void aReportWrittenOfflineIsSentOnceWhenTheConnectionReturns() {
        String title = "Serangan fajar di Kaliwates " + UUID.randomUUID();

        page.get(url("/lapor"));
        fillIn(title);
        pickVillageInJember();
        // The reporter opened the form while connected, so its service worker (report-sw.js) is in
        // place when the signal goes: it could send the report too (Background Sync), and must not
        // while offline.
        waiting.until(driver -> Boolean.TRUE.equals(script("return navigator.serviceWorker.controller !== null")));

        browser.goOffline();
        waiting.until(driver -> Boolean.FALSE.equals(script("return navigator.onLine")));
        page.findElement(By.id("submit-report")).click();

        WebElement connection = page.findElement(CONNECTION);
        waiting.until(ExpectedConditions.textToBePresentInElement(connection, "Tidak ada sambungan"));
        assertThat(connection.isDisplayed()).isTrue();
        assertThat(page.getCurrentUrl()).endsWith("/lapor");
        assertThat(page.findElement(By.id("submit-report")).isEnabled())
                .as("the button, while the report waits: a second tap would store it twice").isFalse();
        assertThat(outbox()).as("reports waiting in the outbox").isEqualTo(1);
        assertThat(reportsTitled(title)).as("nothing reaches the server while offline").isEmpty();
        // Proving that something does not happen takes a while of it not happening: a few seconds in
        // which neither the page nor its service worker (Background Sync) gets the report through.
        assertThatThrownBy(() -> new FluentWait<>(title).withTimeout(Duration.ofSeconds(3)).pollingEvery(Duration.ofMillis(200))
                .until(t -> !reportsTitled(t).isEmpty()))
                .as("a report stored while the browser is offline")
                .isInstanceOf(TimeoutException.class);
        assertThat(outbox()).as("reports waiting in the outbox").isEqualTo(1);

        browser.goOnline();
        new WebDriverWait(page, RESEND).until(ExpectedConditions.urlMatches(FRESH_TRACKING_PAGE));
        String code = waiting.until(ExpectedConditions.visibilityOfElementLocated(TRACKING_CODE_SHOWN)).getText().strip();
        assertThat(code).matches(TRACKING_CODE);

        List<Stored> stored = reportsTitled(title);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().trackingCode()).isEqualTo(code);
        // ... and nothing left to send again. The page and its service worker share this outbox and
        // may both have sent the report (the server stores it once, by its Idempotency-Key): the
        // worker may still be finishing, so its last step is waited for, briefly.
        waiting.until(driver -> outbox() == 0);

        browser.consoleErrors().ifPresent(errors -> assertThat(errors)
                // the POST that failed while offline: Chromium reports every failed request in the console
                .filteredOn(error -> !(error.contains("/api/v1/reports") && error.contains("net::ERR_INTERNET_DISCONNECTED")))
                .as("JavaScript errors in the browser console").isEmpty());
    }

    @Test
    void whatTheServerRefusesIsShownAndNotKeptForLater() {
        String title = "Amplop dari masa depan " + UUID.randomUUID();

        page.get(url("/lapor"));
        fillIn(title);
        // the browser lets a time in the future through (the field has no max); the server does not
        setOccurredAt(LocalDateTime.now().plusDays(2));
        pickVillageInJember();
        page.findElement(By.id("submit-report")).click();

        WebElement errors = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(errors.getText()).as("the page's language, not the API's English")
                .contains("Waktu kejadian: Tidak boleh di masa depan");
        assertThat(page.getCurrentUrl()).endsWith("/lapor");
        assertThat(page.findElement(CONNECTION).getText()).as("the connection is fine").doesNotContain("Tidak ada sambungan");
        // the reporter can correct the form and send it again
        waiting.until(ExpectedConditions.elementToBeClickable(By.id("submit-report")));
        // not kept for a retry that could only be refused again (as above, the service worker may
        // have tried it too and may still be finishing)
        waiting.until(driver -> outbox() == 0);
        assertThat(reportsTitled(title)).isEmpty();

        browser.consoleErrors().ifPresent(console -> assertThat(console)
                // the refusal itself: Chromium reports every answer of 4xx in the console
                .filteredOn(error -> !(error.contains("/api/v1/reports") && error.contains("status of 400")))
                .as("JavaScript errors in the browser console").isEmpty());
    }

    /** Nothing sticks out sideways at 360 px: the page needs no horizontal scrolling. */
    private void fitsTheScreen() {
        assertThat(browser.sidewaysOverflow()).as("elements wider than the 360 px screen on " + page.getCurrentUrl()).isEmpty();
    }

    /** The first part of the form: what happened and when. */
    private void fillIn(String title) {
        new Select(page.findElement(By.id("category"))).selectByValue("MONEY_POLITICS");
        // report-form.js shows (and enables) the subtypes of the chosen type only
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("subcategory")));
        new Select(page.findElement(By.id("subcategory"))).selectByValue("MONEY_VOTE_BUYING");
        page.findElement(By.id("title")).sendKeys(title);
        page.findElement(By.id("description")).sendKeys(
                "Tim sukses membagikan amplop berisi uang kepada warga sebelum subuh, di depan rumah kepala dusun.");
        setOccurredAt(LocalDateTime.now().minusDays(1));
    }

    private void setOccurredAt(LocalDateTime time) {
        // What Chromium's datetime-local expects from typed keys depends on the locale (field order,
        // separators, AM/PM), so the value is set as the picker would set it, with the events it fires.
        String value = time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        script("""
                var field = document.getElementById('occurredAt');
                field.value = arguments[0];
                field.dispatchEvent(new Event('input', {bubbles: true}));
                field.dispatchEvent(new Event('change', {bubbles: true}));""", value);
        assertThat(page.findElement(By.id("occurredAt")).getDomProperty("value")).isEqualTo(value);
    }

    /** Jawa Timur, Kabupaten Jember, then the first district and its first village, each list loaded by the page. */
    private String pickVillageInJember() {
        choose("province", "35");
        choose("regency", "35.09");
        String district = chooseFirst("district");
        assertThat(district).startsWith("35.09.");
        String village = chooseFirst("village");
        assertThat(village).startsWith(district + ".");
        assertThat(page.findElement(By.id("regionCode")).getDomProperty("value")).isEqualTo(village);
        return village;
    }

    private void choose(String level, String code) {
        WebElement picker = loaded(level, By.cssSelector("#" + level + " option[value='" + code + "']"));
        new Select(picker).selectByValue(code);
    }

    private String chooseFirst(String level) {
        // the first option is the "— pilih —" placeholder
        WebElement picker = loaded(level, By.cssSelector("#" + level + " option:nth-child(2)"));
        new Select(picker).selectByIndex(1);
        return picker.getDomProperty("value");
    }

    /** A picker once the page has filled it from the region API (it stays disabled until then). */
    private WebElement loaded(String level, By option) {
        waiting.until(ExpectedConditions.presenceOfElementLocated(option));
        return waiting.until(ExpectedConditions.elementToBeClickable(By.id(level)));
    }

    /** How many reports wait in the page's outbox (report-outbox.js: IndexedDB pantau-report, store outbox). */
    private long outbox() {
        Object count = ((JavascriptExecutor) page).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var request = indexedDB.open('pantau-report');
                // the page creates it when it loads; opening it here must not create it without its store
                request.onupgradeneeded = function () { request.transaction.abort(); };
                request.onerror = function () { done('no outbox: ' + request.error); };
                request.onsuccess = function () {
                    var db = request.result;
                    if (!db.objectStoreNames.contains('outbox')) { db.close(); done('no outbox store'); return; }
                    var counting = db.transaction('outbox', 'readonly').objectStore('outbox').count();
                    counting.onsuccess = function () { db.close(); done(counting.result); };
                    counting.onerror = function () { db.close(); done('error: ' + counting.error); };
                };""");
        assertThat(count).as("the outbox in IndexedDB").isInstanceOf(Long.class);
        return (Long) count;
    }

    record Stored(UUID id, String trackingCode, String regionCode) {
    }

    private List<Stored> reportsTitled(String title) {
        return jdbc.sql("select id, tracking_code, region_code from report where title = ?")
                .param(title)
                .query(Stored.class)
                .list();
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) page).executeScript(script, arguments);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A small real photo, as a phone's camera would give one. */
    private Path jpeg(String name) throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0xE8DCC0));
        graphics.fillRect(0, 0, 320, 240);
        graphics.setColor(new Color(0x8B5A2B));
        graphics.fillRect(80, 70, 160, 100);
        graphics.setColor(Color.WHITE);
        graphics.drawString("Rp 100.000", 120, 125);
        graphics.dispose();
        Path file = files.resolve(name);
        assertThat(ImageIO.write(image, "jpg", file.toFile())).as("a JPEG writer").isTrue();
        return file;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
