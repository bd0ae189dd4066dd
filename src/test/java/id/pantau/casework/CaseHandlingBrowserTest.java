package id.pantau.casework;

import java.util.List;
import java.util.UUID;

import id.pantau.report.ReportSubmitted;
import id.pantau.report.Reports;
import id.pantau.support.Accounts;
import id.pantau.support.Browser;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.PublishedEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A regency supervisor on a phone handles a report: signs in, opens the queue, does the
 * preliminary review, asks the reporter to complete the report, registers it, takes it through
 * clarification to a plenary decision and refers it; the reporter follows it on the tracking page.
 */
@IntegrationTest
class CaseHandlingBrowserTest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CaseHandlingBrowserTest.class);

    @Value("${local.server.port}")
    int port;
    @Autowired
    PublishedEvents events;

    Browser browser;
    WebDriver page;
    WebDriverWait waiting;

    @BeforeEach
    void openBrowser() {
        browser = Browser.phone();
        page = browser.driver();
        waiting = browser.waiting();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.consoleErrors().filter(errors -> !errors.isEmpty()).ifPresent(errors ->
                    log.warn("Browser console errors:\n  {}", String.join("\n  ", errors)));
            browser.close();
        }
    }

    @Test
    void staffTakeAReportFromTheQueueToAReferralAndTheReporterSeesEachStep() {
        // a regency of its own (Kabupaten Lombok Timur, WITA), so the queue holds this case only
        JsonNode report = Reports.submit(port, Reports.identified(Reports.with(Reports.moneyPoliticsInJember(),
                "regionCode", "52.03.01.2001")));
        String code = report.get("trackingCode").asString();
        events.await(ReportSubmitted.class, e -> e.reportId().equals(UUID.fromString(report.get("id").asString())));
        var staff = new Accounts(Http.api(port)).create("lotim", List.of("STAFF"), "52.03");
        await().until(() -> Http.api(port).bearer(staff.token()).get("/api/v1/cases?reportId=" + report.get("id").asString())
                .json().get("total").asInt() == 1);

        browser.signIn(port, staff.username(), Accounts.PASSWORD);

        page.get(url("/cases"));
        WebElement row = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cases tbody tr")));
        assertThat(page.findElements(By.cssSelector("#cases tbody tr"))).hasSize(1);
        assertThat(row.getText()).contains(code).contains("Diterima").contains("Kajian awal").contains("LP · Politik uang");
        // coloured by how near its deadline is: two days for the review, so due soon or on track
        assertThat(row.getDomAttribute("class")).matches("urgency-(due_soon|on_track|due_today)");
        new org.openqa.selenium.support.ui.Select(page.findElement(By.id("filter-category"))).selectByValue("NEUTRALITY");
        page.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waiting.until(ExpectedConditions.urlContains("category=NEUTRALITY"));
        assertThat(page.findElements(By.cssSelector("#cases tbody tr"))).isEmpty();
        new org.openqa.selenium.support.ui.Select(page.findElement(By.id("filter-category"))).selectByValue("MONEY_POLITICS");
        page.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waiting.until(ExpectedConditions.urlContains("category=MONEY_POLITICS"));
        row = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cases tbody tr")));
        row.findElement(By.tagName("a")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("stage")));
        assertThat(page.findElement(By.id("deadlines")).getText()).contains("Kajian awal").contains("23.59 WITA");
        assertThat(page.findElement(By.id("office")).getText()).isEqualTo("Bawaslu Kabupaten Lombok Timur (WITA)");

        step("BEGIN_REVIEW");
        assertStage("PRELIMINARY_REVIEW");

        open("REQUEST_COMPLETION");
        page.findElement(By.cssSelector("#step-REQUEST_COMPLETION input[value=REPORTED_PARTY]")).click();
        submit("REQUEST_COMPLETION");
        assertStage("AWAITING_COMPLETION");
        assertThat(page.findElement(By.id("deadlines")).getText()).contains("Perbaikan laporan");
        assertThat(tracking(code)).contains("Perlu dilengkapi").contains("identitas terlapor");

        step("COMPLETED");
        assertStage("PRELIMINARY_REVIEW");

        // registering without ticking every requirement is refused on the page, and nothing changes
        open("REGISTER");
        page.findElement(By.cssSelector("#step-REGISTER input[value=DESCRIPTION]")).click();
        submit("REGISTER");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
        assertThat(page.findElement(By.id("errors")).getText())
                .contains("Syarat formil dan materiil: registrasi hanya jika semua syarat terpenuhi");
        assertStage("PRELIMINARY_REVIEW");

        open("REGISTER");
        for (WebElement box : page.findElements(By.cssSelector("#step-REGISTER input[name=checklist]"))) {
            if (!box.isSelected()) {
                box.click();
            }
        }
        submit("REGISTER");
        assertStage("REGISTERED");
        String registerNumber = page.findElement(By.id("register-number")).getText();
        assertThat(registerNumber).matches("\\d{3}/Reg/LP/PL/Kab/52\\.03/[IVX]+/\\d{4}");

        step("BEGIN_CLARIFICATION");
        open("RECORD_CLARIFICATION");
        page.findElement(By.cssSelector("#step-RECORD_CLARIFICATION textarea[name=heard]")).sendKeys("Pelapor\nTerlapor");
        // the datetime-local field: typed as the phone's keyboard would, in the office's local time
        WebElement heardAt = page.findElement(By.cssSelector("#step-RECORD_CLARIFICATION input[name=heardAt]"));
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", heardAt,
                java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Makassar")).minusHours(2).withSecond(0).withNano(0).toString());
        submit("RECORD_CLARIFICATION");
        assertStage("CLARIFICATION");
        assertThat(page.findElement(By.id("history")).getText()).contains("Pelapor").contains("Terlapor");

        step("BEGIN_ASSESSMENT");
        step("TO_PLENARY");
        assertStage("PLENARY");

        open("DECIDE");
        new org.openqa.selenium.support.ui.Select(page.findElement(By.cssSelector("#step-DECIDE select[name=outcome]")))
                .selectByValue("CRIMINAL");
        submit("DECIDE");
        assertStage("DECIDED");
        assertThat(page.findElement(By.id("deadlines")).getText()).contains("1×24");

        open("REFER");
        assertThat(new org.openqa.selenium.support.ui.Select(page.findElement(By.cssSelector("#step-REFER select[name=target]")))
                .getFirstSelectedOption().getDomAttribute("value")).isEqualTo("SENTRA_GAKKUMDU");
        page.findElement(By.cssSelector("#step-REFER input[name=letterNumber]")).sendKeys("012/PP.01.02/K.JI-11/2026");
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]",
                page.findElement(By.cssSelector("#step-REFER input[name=date]")),
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar")).toString());
        submit("REFER");
        assertStage("REFERRED");
        assertThat(page.findElement(By.id("referral")).getText()).contains("Sentra Gakkumdu").contains("012/PP.01.02");

        String tracked = tracking(code);
        assertThat(tracked).contains("Diteruskan ke instansi berwenang").contains("Diregistrasi")
                .contains("Nomor registrasi: " + registerNumber).contains("Diputuskan");
    }

    private void step(String action) {
        open(action);
        submit(action);
    }

    private void open(String action) {
        WebElement step = waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("step-" + action)));
        if (step.getDomAttribute("open") == null) {
            step.findElement(By.tagName("summary")).click();
        }
    }

    private void submit(String action) {
        WebElement button = waiting.until(ExpectedConditions.elementToBeClickable(By.id("submit-" + action)));
        assertFitsThePhone();
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        // a mark on the old document: gone once the answer (a redirect, or the page with errors) has loaded
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("window.pantauOldPage = true");
        button.click();
        waiting.until(driver -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.readyState === 'complete' && window.pantauOldPage === undefined")));
    }

    /** Nothing makes the page scroll sideways on a phone: long register numbers wrap, selects shrink. */
    private void assertFitsThePhone() {
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).as("fits the phone's width").isTrue();
    }

    private void assertStage(String stage) {
        WebElement current = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("stage")));
        assertFitsThePhone();
        assertThat(current.getDomAttribute("data-stage")).isEqualTo(stage);
    }

    /** The reporter's view, in a second tab-less visit: the public tracking page. */
    private String tracking(String code) {
        String casePage = page.getCurrentUrl();
        page.get(url("/lacak?kode=" + code));
        String text = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("status"))).getText();
        page.get(casePage);
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("stage")));
        return text;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
