package id.pantau.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.devtools.CdpEndpointFinder;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.json.TypeToken;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium, for journeys through the real pages. Only the locally
 * installed browser and driver are used (Selenium Manager is never asked to download anything),
 * with a throwaway profile that {@link #close()} deletes.
 *
 * <p>The binaries are {@code PANTAU_CHROMIUM} and {@code PANTAU_CHROMEDRIVER}, by default
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's {@code chromium} and
 * {@code chromium-driver}). Without them a test is skipped on a developer machine but fails in CI
 * ({@code CI=true} or {@code PANTAU_REQUIRE_BROWSER=true}), so a broken build image cannot quietly
 * turn the browser journeys off.
 */
public final class Browser implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** What a DevTools command answers, read as JSON objects, lists and values. */
    private static final Type MAP = new TypeToken<Map<String, Object>>() {}.getType();

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    /** A DevTools connection of our own to the browser, for its service workers; opened when first needed. */
    private Connection devTools;
    /** The DevTools sessions of the service workers cut off by {@link #goOffline()}. */
    private final List<SessionID> offlineWorkers = new ArrayList<>();

    private Browser(Path chromium, Path chromedriver, int width, int height) {
        try {
            profile = Files.createTempDirectory("pantau-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Chromium profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic",
                "--user-data-dir=" + profile);
        // The viewport through device emulation: new headless keeps a minimum window width and
        // reserves room for browser chrome, so --window-size=390,844 gives a 500x701 page.
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                "width", width, "height", height, "pixelRatio", 3.0, "mobile", true, "touch", true)));
        // the pages' console messages, read back by consoleErrors()
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));

        // With the driver executable given, Selenium does not run Selenium Manager at all.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /**
     * A headless Chromium showing pages as a 390x844 phone (a common size; the stylesheet is
     * mobile-first). Skips the test, or in CI fails it, when Chromium is not installed.
     */
    public static Browser phone() {
        return new Browser(installed(chromium()), installed(chromedriver()), 390, 844);
    }

    /**
     * A headless Chromium showing pages as a 360x640 phone: the narrowest screen Pantau is laid out
     * for (many cheap Android phones). Skips or fails like {@link #phone()} without Chromium.
     */
    public static Browser smallPhone() {
        return new Browser(installed(chromium()), installed(chromedriver()), 360, 640);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in on the login page of the server at {@code port}, as a person types it, and waits to leave it. */
    public void signIn(int port, String username, String password) {
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * The elements of the current page that stick out to the right of the screen, making the page
     * scroll sideways (described as {@code tag#id.class (right edge)}); empty when the page fits.
     */
    public List<String> sidewaysOverflow() {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                var width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) { return []; }
                var out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                    var box = e.getBoundingClientRect();
                    if (box.width > 0 && box.right > width + 1 && out.length < 10) {
                        out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                            + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                            + ' (right edge ' + Math.round(box.right) + ' of ' + width + ')');
                    }
                });
                return out.length ? out : ['the page (' + document.documentElement.scrollWidth + ' wide, screen ' + width + ')'];""");
        return found;
    }

    /** An explicit wait with the default timeout. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, TIMEOUT);
    }

    /**
     * Cuts this browser's network, as when a phone loses its signal: requests fail at once with
     * {@code net::ERR_INTERNET_DISCONNECTED}, {@code navigator.onLine} turns false and the page gets
     * an {@code offline} event. Undone by {@link #goOnline()}.
     *
     * <p>ChromeDriver's network conditions reach the pages only; the service workers running at
     * this moment are cut off as well, through DevTools, so that neither their requests nor
     * Background Sync get through (Chromium holds back a {@code sync} event for a worker that
     * DevTools puts offline, as it would on a device without a connection).
     */
    public void goOffline() {
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        driver.setNetworkConditions(offline);
        for (String worker : serviceWorkers()) {
            Map<String, Object> attached = devTools().sendAndWait(null, new Command<>("Target.attachToTarget",
                    Map.of("targetId", worker, "flatten", true), MAP), TIMEOUT);
            SessionID session = new SessionID((String) attached.get("sessionId"));
            offlineWorkers.add(session);
            emulateNetwork(session, true);
        }
    }

    /**
     * Gives the network back after {@link #goOffline()}, to the pages (which get an {@code online}
     * event) and then to the service workers that were cut off.
     */
    public void goOnline() {
        driver.deleteNetworkConditions();
        for (SessionID session : offlineWorkers) {
            emulateNetwork(session, false);
            devTools().sendAndWait(null, new Command<>("Target.detachFromTarget", Map.of("sessionId", session.toString())),
                    TIMEOUT);
        }
        offlineWorkers.clear();
    }

    /** The target ids of the service workers running in this browser. */
    private List<String> serviceWorkers() {
        Map<String, Object> targets = devTools().sendAndWait(null, new Command<>("Target.getTargets", Map.of(), MAP), TIMEOUT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> infos = (List<Map<String, Object>>) targets.get("targetInfos");
        return infos.stream()
                .filter(info -> "service_worker".equals(info.get("type")))
                .map(info -> (String) info.get("targetId"))
                .toList();
    }

    private void emulateNetwork(SessionID session, boolean offline) {
        devTools().sendAndWait(session, new Command<>("Network.emulateNetworkConditions", Map.of(
                "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1)), TIMEOUT);
    }

    private Connection devTools() {
        if (devTools == null) {
            URI reported = CdpEndpointFinder.getReportedUri(driver.getCapabilities())
                    .orElseThrow(() -> new IllegalStateException("ChromeDriver did not report a DevTools address"));
            HttpClient.Factory factory = HttpClient.Factory.createDefault();
            URI endpoint;
            try (HttpClient client = CdpEndpointFinder.getHttpClient(factory, reported)) {
                endpoint = CdpEndpointFinder.getCdpEndPoint(client)
                        .orElseThrow(() -> new IllegalStateException("No DevTools endpoint at " + reported));
            }
            devTools = new Connection(factory.createClient(ClientConfig.defaultConfig().baseUri(endpoint)), endpoint.toString());
        }
        return devTools;
    }

    /**
     * The console errors (level SEVERE: uncaught exceptions, {@code console.error}, failed resource
     * loads) logged since the last call; empty if this driver cannot read the browser console, and
     * then a caller has nothing to assert on.
     */
    public Optional<List<String>> consoleErrors() {
        List<LogEntry> entries;
        try {
            entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        } catch (WebDriverException | UnsupportedOperationException e) {
            System.err.println("The browser console cannot be read here, so it is not checked: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(entries.stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList());
    }

    @Override
    public void close() {
        try {
            if (devTools != null) {
                devTools.close();
            }
        } finally {
            closeBrowser();
        }
    }

    private void closeBrowser() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("Could not delete the Chromium profile " + profile + ": " + e);
        }
    }

    private static Path chromium() {
        return binary("PANTAU_CHROMIUM", "/usr/bin/chromium");
    }

    private static Path chromedriver() {
        return binary("PANTAU_CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    private static Path binary(String variable, String fallback) {
        String value = System.getenv(variable);
        return Path.of(value == null || value.isBlank() ? fallback : value);
    }

    private static Path installed(Path binary) {
        if (Files.isExecutable(binary)) {
            return binary;
        }
        String message = binary + " is missing or not executable (install Debian's chromium and chromium-driver, "
                + "or set PANTAU_CHROMIUM and PANTAU_CHROMEDRIVER)";
        if ("true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getenv("PANTAU_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("A browser is required here (CI or PANTAU_REQUIRE_BROWSER): " + message);
        }
        return Assumptions.abort("No browser, skipping the browser test: " + message);
    }
}
