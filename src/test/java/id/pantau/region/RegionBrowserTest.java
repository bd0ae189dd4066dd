package id.pantau.region;

import java.util.List;

import id.pantau.support.Browser;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor on a phone finds a regency and its districts: home page, language switch there and
 * back, search (live while typing, then the search page), the regency's page with its districts
 * listed and drawn on the map. Real Chromium, real pages, real scripts.
 */
@IntegrationTest
class RegionBrowserTest {

    private static final By HTML = By.tagName("html");
    private static final By HEADING = By.tagName("h1");
    private static final By LANGUAGE_SWITCH = By.id("language-switch");
    private static final By RESULTS = By.id("results");
    private static final By JEMBER_RESULT = By.xpath("//section[@id='results']//a[normalize-space()='Kabupaten Jember']");
    private static final By MAP = By.id("map");
    // map.js: the region itself is outlined in #b3261e, its children are areas stroked in #1f4e79
    private static final By OUTLINE = By.cssSelector("#map .leaflet-overlay-pane path[stroke='#b3261e']");
    private static final By AREAS = By.cssSelector("#map .leaflet-overlay-pane path[stroke='#1f4e79']");

    @Value("${local.server.port}")
    int port;

    Browser browser;
    WebDriver page;
    WebDriverWait waiting;

    @BeforeEach
    void openBrowser() {
        // A small phone, not a desktop: the people Pantau serves mostly browse on cheap phones, the
        // stylesheet is mobile-first down to 360 px, and the map still has a real drawing area there
        // (55vh, at least 260 px).
        browser = Browser.smallPhone();
        page = browser.driver();
        waiting = browser.waiting();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            // after a failure, what the page said is often the quickest clue
            browser.consoleErrors().filter(errors -> !errors.isEmpty()).ifPresent(errors ->
                    System.err.println("Browser console errors:\n  " + String.join("\n  ", errors)));
            browser.close();
        }
    }

    @Test
    void aVisitorFindsJemberAndItsDistrictsOnTheMap() {
        page.get("http://localhost:" + port + "/");
        assertLanguage("id", "Wilayah Indonesia");
        mapIsReady();
        fitsTheScreen();

        page.findElement(LANGUAGE_SWITCH).click();
        assertLanguage("en", "Regions of Indonesia");
        assertThat(page.findElement(LANGUAGE_SWITCH).getText()).isEqualTo("Bahasa Indonesia");
        fitsTheScreen();

        page.findElement(LANGUAGE_SWITCH).click();
        assertLanguage("id", "Wilayah Indonesia");
        assertThat(page.findElement(LANGUAGE_SWITCH).getText()).isEqualTo("English");
        mapIsReady();

        // typing updates the results in place (htmx), without leaving the home page
        WebElement query = page.findElement(By.id("q"));
        query.sendKeys("Jember");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(JEMBER_RESULT));
        assertThat(page.getCurrentUrl()).doesNotContain("/regions/search");
        assertThat(page.findElement(RESULTS).getText()).contains("wilayah ditemukan");

        // submitting the form opens the search page, which works without JavaScript too
        page.findElement(By.id("q")).sendKeys(Keys.ENTER);
        waiting.until(ExpectedConditions.urlContains("/regions/search?q=Jember"));
        WebElement result = waiting.until(ExpectedConditions.elementToBeClickable(JEMBER_RESULT));
        assertThat(result.getDomAttribute("href")).isEqualTo("/regions/35.09");
        assertThat(page.findElement(By.id("q")).getDomProperty("value")).isEqualTo("Jember");
        fitsTheScreen();

        result.click();
        waiting.until(ExpectedConditions.urlMatches("/regions/35\\.09$"));
        assertThat(page.findElement(By.id("region-name")).getText()).isEqualTo("Kabupaten Jember");
        assertThat(page.findElement(HTML).getDomAttribute("lang")).isEqualTo("id");

        List<WebElement> districts = page.findElements(By.cssSelector("ul#children > li"));
        assertThat(districts).hasSize(31);
        assertThat(districts).allSatisfy(district ->
                assertThat(district.findElement(By.tagName("a")).getDomAttribute("href")).matches("/regions/35\\.09\\.\\d{2}"));
        assertThat(page.findElement(By.cssSelector("ul#children")).getText()).contains("Kaliwates");

        mapIsReady();
        fitsTheScreen();
        assertThat(page.findElements(AREAS)).as("district areas on the map").hasSize(31);
        List<WebElement> outline = page.findElements(OUTLINE);
        assertThat(outline).as("Jember's outline on the map").hasSize(1);
        // the map was fitted to Jember: its outline is drawn, and drawn inside the map
        Rectangle map = page.findElement(MAP).getRect();
        Rectangle drawn = outline.getFirst().getRect();
        assertThat(drawn.getWidth()).isPositive();
        assertThat(drawn.getHeight()).isPositive();
        assertThat(drawn.getX()).isGreaterThanOrEqualTo(map.getX());
        assertThat(drawn.getY()).isGreaterThanOrEqualTo(map.getY());
        assertThat(drawn.getX() + drawn.getWidth()).isLessThanOrEqualTo(map.getX() + map.getWidth());
        assertThat(drawn.getY() + drawn.getHeight()).isLessThanOrEqualTo(map.getY() + map.getHeight());

        browser.consoleErrors().ifPresent(errors ->
                assertThat(errors).as("JavaScript errors in the browser console").isEmpty());
    }

    /** Nothing sticks out sideways at 360 px: the page needs no horizontal scrolling. */
    private void fitsTheScreen() {
        assertThat(browser.sidewaysOverflow()).as("elements wider than the 360 px screen on " + page.getCurrentUrl()).isEmpty();
    }

    /** Waits for the page in that language (the switch reloads the page), then checks its heading. */
    private void assertLanguage(String lang, String heading) {
        waiting.until(ExpectedConditions.attributeToBe(HTML, "lang", lang));
        assertThat(page.findElement(HEADING).getText()).isEqualTo(heading);
    }

    /** map.js marks the map ready once its GeoJSON layers are drawn, or "error" if one failed. */
    private void mapIsReady() {
        waiting.until(ExpectedConditions.attributeToBeNotEmpty(page.findElement(MAP), "data-ready"));
        assertThat(page.findElement(MAP).getDomAttribute("data-ready")).as("map state").isEqualTo("true");
    }
}
