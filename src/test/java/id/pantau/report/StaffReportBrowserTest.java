package id.pantau.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.support.Accounts;
import id.pantau.support.Browser;
import id.pantau.support.Clients;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.PublishedEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A regency's staff member on a small phone (360 px): signs in, finds a report in the list, opens
 * it, sees its photo (shown without its metadata) and the incident it was grouped into, and
 * confirms the incident. Every page fits the screen.
 */
@IntegrationTest
class StaffReportBrowserTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    PublishedEvents events;

    Browser browser;
    WebDriver page;
    WebDriverWait waiting;

    @BeforeEach
    void openBrowser() {
        browser = Browser.smallPhone();
        page = browser.driver();
        waiting = browser.waiting();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void staffOnASmallPhoneOpenAReportWithItsPhotoAndConfirmItsIncident() throws Exception {
        // two accounts of one event in a village of Jember no other test reports in
        String marker = "Serangan fajar " + UUID.randomUUID().toString().substring(0, 8);
        String text = "Tim sukses membagikan amplop berisi uang lima puluh ribu kepada warga sebelum subuh di dusun krajan.";
        JsonNode first = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.09.07.2001",
                "title", marker, "description", text));
        JsonNode second = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.09.07.2001",
                "title", "Amplop sebelum subuh", "description", text));
        Http.Response uploaded = Clients.fresh(port).header("X-Upload-Token", first.get("uploadToken").asString())
                .postMultipart("/api/v1/reports/" + first.get("id").asString() + "/evidence", Map.of(),
                        List.of(new Http.Part("file", "amplop.jpg", "image/jpeg", ReportFollowUpApiTest.jpeg())));
        assertThat(uploaded.status()).isEqualTo(201);
        UUID secondId = UUID.fromString(second.get("id").asString());
        events.await(IncidentChanged.class, e -> e.reportIds().contains(secondId));
        var staff = new Accounts(Http.api(port)).create("phone-staff", List.of("STAFF"), "35.09");

        page.get(url("/reports"));
        waiting.until(ExpectedConditions.urlMatches("/login$"));
        fitsTheScreen();
        page.findElement(By.id("username")).sendKeys(staff.username());
        page.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        page.findElement(By.cssSelector("form.form button[type=submit]")).click();

        waiting.until(ExpectedConditions.urlMatches("/reports(\\?continue)?$"));
        page.findElement(By.cssSelector("form.filters input[name=q]")).sendKeys(marker + "\n");
        WebElement link = waiting.until(ExpectedConditions.elementToBeClickable(By.linkText(marker)));
        fitsTheScreen();
        link.click();

        waiting.until(ExpectedConditions.urlMatches("/reports/" + first.get("id").asString() + "$"));
        WebElement photo = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence img.evidence-photo")));
        waiting.until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", photo));
        assertThat(photo.getDomAttribute("src")).endsWith("/photo");
        assertThat(photo.getRect().getWidth()).isLessThanOrEqualTo(360);
        assertThat(page.findElement(By.id("incident")).getText()).contains("Amplop sebelum subuh");
        fitsTheScreen();

        page.findElement(By.id("confirm-incident")).click();
        // the form posts and the page reloads; a look-up during the swap may hit a node that is
        // leaving the document, which Chromium reports as an unknown error rather than a stale one
        new WebDriverWait(page, Browser.TIMEOUT).ignoring(WebDriverException.class)
                .until(driver -> driver.findElement(By.id("incident")).getText().contains("dikonfirmasi"));
        assertThat(page.findElements(By.id("confirm-incident"))).isEmpty();
        fitsTheScreen();

        page.get(url("/admin/users"));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(page.getPageSource()).contains(staff.username());
        fitsTheScreen();
    }

    private void fitsTheScreen() {
        assertThat(browser.sidewaysOverflow()).as("elements wider than the 360 px screen on " + page.getCurrentUrl()).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
