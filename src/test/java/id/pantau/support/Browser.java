package id.pantau.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
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

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

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

    public WebDriver driver() {
        return driver;
    }

    /** An explicit wait with the default timeout. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, TIMEOUT);
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
