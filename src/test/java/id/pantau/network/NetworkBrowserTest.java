package id.pantau.network;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.support.Accounts;
import id.pantau.support.Browser;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The participation network on a phone: a visitor signs up as a volunteer on the public page; a
 * coordinator records a partner and an MoU with two cooperation points and takes it through
 * drafting and signing into force, forms a monitoring team, approves the volunteer (seeing the
 * one-time password) and adds them to the team, records a sarasehan the partner organised with the
 * volunteer's attendance; the volunteer signs in and files a report on the public form, which goes
 * with their session and so counts for the partner; and the coordinator finally reads the
 * partner's contribution figures on its page.
 */
@IntegrationTest
class NetworkBrowserTest {

    /** Kabupaten Sumba Barat: a regency no other test works in, so the lists hold this journey only. */
    private static final String REGION = "53.12";
    /** Dates as the office's calendar (WIB) counts them: contribution periods end today in WIB. */
    private static final ZoneId CALENDAR = ZoneId.of("Asia/Jakarta");

    @Value("${local.server.port}")
    int port;

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
                    System.err.println("Browser console errors:\n  " + String.join("\n  ", errors)));
            browser.close();
        }
    }

    @Test
    void aCoordinatorBuildsThePartnershipAndSeesThePartnersContribution() {
        var coordinator = new Accounts(Http.api(port)).create("sumbabarat", List.of("COORDINATOR"), REGION);
        String partnerName = Accounts.uniqueName("Universitas Sumba Barat");
        String volunteerName = "Maria Kaka " + Accounts.uniqueName("Relawan").replaceAll("\\D", "");
        String phone = "0812" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        LocalDate today = LocalDate.now(CALENDAR);

        // --- a visitor signs up on the public page (the form offers no affiliation to a partner)
        page.get(url("/gabung"));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("signup-form")));
        assertFitsThePhone();
        page.findElement(By.id("name")).sendKeys(volunteerName);
        page.findElement(By.id("phone")).sendKeys(phone);
        page.findElement(By.id("regionCode")).sendKeys(REGION);
        click(page.findElement(By.id("consent")));
        submit(page.findElement(By.cssSelector("#signup-form button[type=submit]")));
        assertThat(page.getCurrentUrl()).endsWith("/gabung/terima-kasih");
        String done = text(By.id("main"));
        assertThat(done).contains("Pendaftaran diterima").contains("menunggu persetujuan koordinator");
        Matcher number = Pattern.compile("Nomor pendaftaran: (\\d+)").matcher(done);
        assertThat(number.find()).as("the sign-up number on: " + done).isTrue();
        String volunteerId = number.group(1);

        // --- the coordinator signs in and opens the network hub
        browser.signIn(port, coordinator.username(), Accounts.PASSWORD);

        page.get(url("/network"));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("network-links")));
        assertFitsThePhone();
        assertThat(page.findElement(By.id("network-links")).getText())
                .contains("Mitra").contains("Perjanjian kerja sama").contains("Tim pemantau").contains("Relawan").contains("Kegiatan");

        // --- the partner, recorded through the partners page (the MoU needs it first)
        submit(waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#network-links a[href$='/network/partners']"))));
        WebElement partnerForm = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#new-partner form")));
        assertFitsThePhone();
        partnerForm.findElement(By.name("name")).sendKeys(partnerName);
        new Select(partnerForm.findElement(By.name("type"))).selectByValue("UNIVERSITY");
        assertThat(partnerForm.findElement(By.name("regionCode")).getDomProperty("value")).isEqualTo(REGION);
        partnerForm.findElement(By.name("contactName")).sendKeys("Yohanes Bili");
        partnerForm.findElement(By.name("contactPosition")).sendKeys("Kepala LPPM");
        partnerForm.findElement(By.name("contactPhone")).sendKeys("081339001122");
        submit(page.findElement(By.id("save-partner")));
        assertThat(page.findElements(By.id("errors"))).as("errors on the partner form").isEmpty();
        assertThat(page.getCurrentUrl()).matches(".*/network/partners/\\d+$");
        String partnerUrl = page.getCurrentUrl();
        String partnerId = partnerUrl.substring(partnerUrl.lastIndexOf('/') + 1);
        assertThat(text(By.id("partner-name"))).isEqualTo(partnerName);
        assertThat(text(By.id("main"))).contains("Tersimpan.").contains("Kabupaten Sumba Barat").contains("Yohanes Bili");
        assertFitsThePhone();

        // --- the MoU with two cooperation points, then drafting, signing and into force
        page.get(url("/network/agreements"));
        WebElement agreementForm = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#new-agreement form")));
        assertFitsThePhone();
        String title = "Nota Kesepahaman Pengawasan Partisipatif " + partnerName;
        agreementForm.findElement(By.name("title")).sendKeys(title);
        assertThat(agreementForm.findElement(By.name("regionCode")).getDomProperty("value")).isEqualTo(REGION);
        click(agreementForm.findElement(By.cssSelector("input[name=partnerIds][value='" + partnerId + "']")));
        click(agreementForm.findElement(By.cssSelector("input[name=cooperationPoints][value=SOCIALISATION]")));
        click(agreementForm.findElement(By.cssSelector("input[name=cooperationPoints][value=CADRE_TRAINING]")));
        setValue(agreementForm.findElement(By.name("validUntil")), today.plusYears(2).toString());
        agreementForm.findElement(By.name("signatoryName")).sendKeys("Dr. Yohanes Bili");
        agreementForm.findElement(By.name("signatoryPosition")).sendKeys("Rektor");
        submit(page.findElement(By.id("save-agreement")));
        assertThat(page.findElements(By.id("errors"))).as("errors on the agreement form").isEmpty();
        assertThat(page.getCurrentUrl()).matches(".*/network/agreements/\\d+$");
        assertThat(text(By.id("agreement-title"))).isEqualTo(title);
        assertAgreementStatus("EXPLORING");
        assertThat(text(By.id("points"))).contains(",");
        assertThat(page.findElements(By.cssSelector("#points span"))).hasSize(2);

        submit(waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("to-DRAFTING"))));
        assertAgreementStatus("DRAFTING");

        WebElement signing = waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("to-SIGNED")));
        setValue(page.findElement(By.cssSelector("#transitions input[name=date]")), today.toString());
        submit(signing);
        assertAgreementStatus("SIGNED");
        assertThat(text(By.id("main"))).contains("Ditandatangani");

        submit(waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("to-ACTIVE"))));
        assertAgreementStatus("ACTIVE");
        assertThat(text(By.id("status"))).isEqualTo("Berlaku");
        assertThat(text(By.id("history"))).contains("Berlaku");

        // --- a monitoring team formed by the partner
        page.get(url("/network/teams"));
        WebElement teamForm = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/network/teams']")));
        assertFitsThePhone();
        String teamName = "Tim Pemantau " + partnerName;
        teamForm.findElement(By.id("name")).sendKeys(teamName);
        assertThat(teamForm.findElement(By.id("regionCode")).getDomProperty("value")).isEqualTo(REGION);
        new org.openqa.selenium.support.ui.Select(teamForm.findElement(By.id("formedByPartnerId"))).selectByVisibleText(partnerName);
        submit(teamForm.findElement(By.cssSelector("button[type=submit]")));
        assertThat(page.findElements(By.id("form-errors"))).as("errors on the team form").isEmpty();
        assertThat(page.getCurrentUrl()).matches(".*/network/teams/\\d+$");
        String teamUrl = page.getCurrentUrl();
        assertThat(text(By.tagName("h1"))).isEqualTo(teamName);
        assertThat(text(By.id("main"))).contains("Belum ada anggota.");
        assertFitsThePhone();

        // --- the pending sign-up, approved: the one-time password is shown once
        page.get(url("/network/volunteers"));
        WebElement row = waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("volunteer-" + volunteerId)));
        assertFitsThePhone();
        assertThat(page.findElements(By.cssSelector("#volunteers tbody tr"))).hasSize(1);
        assertThat(row.getText()).contains(volunteerName).contains("Sumba Barat").doesNotContain(phone);
        submit(row.findElement(By.cssSelector("form[action$='/approve'] button[type=submit]")));
        assertThat(text(By.tagName("h1"))).isEqualTo("Relawan disetujui");
        assertThat(text(By.id("main"))).contains(volunteerName).contains("kata sandi hanya ditampilkan sekali ini");
        String volunteerUsername = text(By.id("username"));
        String volunteerPassword = text(By.id("password"));
        assertThat(volunteerUsername).isNotBlank();
        assertThat(volunteerPassword).as("the one-time password").hasSizeGreaterThanOrEqualTo(8);
        assertFitsThePhone();

        // --- the volunteer joins the team
        page.get(teamUrl);
        WebElement memberForm = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/members']")));
        assertFitsThePhone();
        memberForm.findElement(By.id("volunteerId")).sendKeys(volunteerId);
        new Select(memberForm.findElement(By.id("role"))).selectByValue("MEMBER");
        submit(memberForm.findElement(By.cssSelector("button[type=submit]")));
        assertThat(page.findElements(By.id("form-errors"))).as("errors on the member form").isEmpty();
        assertThat(text(By.id("main"))).contains("Anggota ditambahkan.");
        assertThat(page.findElements(By.cssSelector("#members tbody tr"))).hasSize(1);
        assertThat(text(By.id("members"))).contains(volunteerName).doesNotContain(phone);
        assertFitsThePhone();

        // --- a sarasehan the partner organised
        page.get(url("/network/activities/new"));
        WebElement activityForm = waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("activity-form")));
        assertFitsThePhone();
        new Select(activityForm.findElement(By.id("type"))).selectByValue("SARASEHAN");
        String activityTitle = "Sarasehan Pengawasan Partisipatif bersama " + partnerName;
        activityForm.findElement(By.id("title")).sendKeys(activityTitle);
        setValue(activityForm.findElement(By.id("date")), today.toString());
        assertThat(activityForm.findElement(By.id("regionCode")).getDomProperty("value")).isEqualTo(REGION);
        activityForm.findElement(By.id("place")).sendKeys("Aula Kampus, Waikabubak");
        click(activityForm.findElement(By.cssSelector("#topics input[value=MONEY_POLITICS]")));
        new Select(activityForm.findElement(By.id("organiserPartnerIds"))).selectByValue(partnerId);
        activityForm.findElement(By.id("participantCount")).sendKeys("40");
        submit(activityForm.findElement(By.cssSelector("button[type=submit]")));
        assertThat(page.findElements(By.id("form-errors"))).as("errors on the activity form").isEmpty();
        assertThat(page.getCurrentUrl()).matches(".*/network/activities/\\d+$");
        assertThat(text(By.id("saved"))).isEqualTo("Kegiatan tersimpan.");
        assertThat(text(By.tagName("h1"))).isEqualTo(activityTitle);
        assertThat(text(By.id("main"))).contains("Sarasehan");
        assertThat(text(By.id("organisers"))).contains(partnerName);
        assertThat(text(By.id("counts"))).isEqualTo("0 hadir dari 40 direncanakan");
        assertFitsThePhone();

        // --- the volunteer's attendance, linked to the volunteer by their number
        WebElement attendanceForm = page.findElement(By.id("attendance-form"));
        attendanceForm.findElements(By.name("attendeeName")).getFirst().sendKeys(volunteerName);
        attendanceForm.findElements(By.name("attendeeOrigin")).getFirst().sendKeys(teamName);
        attendanceForm.findElements(By.name("attendeeVolunteer")).getFirst().sendKeys(volunteerId);
        submit(attendanceForm.findElement(By.cssSelector("button[type=submit]")));
        assertThat(page.findElements(By.id("form-errors"))).as("errors on the attendance form").isEmpty();
        assertThat(text(By.id("attendance-saved"))).startsWith("1 orang ditambahkan ke daftar hadir");
        assertThat(page.findElements(By.cssSelector("#attendees tbody tr"))).hasSize(1);
        assertThat(text(By.id("attendees"))).contains(volunteerName);
        assertThat(text(By.id("counts"))).isEqualTo("1 hadir dari 40 direncanakan");
        assertFitsThePhone();

        // --- the volunteer signs in and reports on the public form: it goes with their session
        signOut();
        browser.signIn(port, volunteerUsername, volunteerPassword);
        page.get(url("/lapor"));
        assertThat(text(By.id("as-volunteer"))).contains(volunteerUsername);
        new Select(page.findElement(By.id("category"))).selectByValue("MONEY_POLITICS");
        page.findElement(By.id("title")).sendKeys("Pembagian sembako oleh tim kampanye di Waikabubak");
        page.findElement(By.id("description")).sendKeys(
                "Sembako dibagikan kepada warga disertai ajakan memilih calon tertentu, di halaman balai desa.");
        ((JavascriptExecutor) page).executeScript("""
                var field = document.getElementById('occurredAt');
                field.value = arguments[0];
                field.dispatchEvent(new Event('change', {bubbles: true}));""",
                java.time.LocalDateTime.now(ZoneId.of("Asia/Makassar")).minusHours(5).withSecond(0).withNano(0).toString());
        new Select(waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#province option[value='53']")))
                .findElement(By.xpath(".."))).selectByValue("53");
        new Select(waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#regency option[value='" + REGION + "']")))
                .findElement(By.xpath(".."))).selectByValue(REGION);
        submit(page.findElement(By.id("submit-report")));
        assertThat(page.getCurrentUrl()).contains("/lacak/").contains("baru=1");
        signOut();
        browser.signIn(port, coordinator.username(), Accounts.PASSWORD);

        // --- the partner's page, with its contribution figures loaded into it
        page.get(partnerUrl);
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#contribution-figures #contribution-members")));
        assertFitsThePhone();
        assertThat(text(By.cssSelector("#contribution-figures .small"))).contains(String.valueOf(today.getYear()));
        assertThat(figure("contribution-activities")).as("activities the partner organised").isEqualTo(1);
        assertThat(figure("contribution-agreements")).as("agreements in force").isEqualTo(1);
        assertThat(figure("contribution-reports")).as("the volunteer's report, filed for the team the partner formed").isEqualTo(1);
        // the volunteer is a member through the team the partner formed, and active by attending its sarasehan
        assertThat(figure("contribution-members")).as("members").isEqualTo(1);
        assertThat(figure("contribution-active")).as("active members").isEqualTo(1);
        assertThat(text(By.id("partner-agreements"))).contains(title).contains("Berlaku");
    }

    private void signOut() {
        submit(waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/logout'] button"))));
    }

    private void assertAgreementStatus(String status) {
        WebElement current = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        assertFitsThePhone();
        assertThat(page.findElements(By.id("errors"))).as("errors on the agreement page").isEmpty();
        assertThat(current.getDomAttribute("data-status")).isEqualTo(status);
    }

    private long figure(String id) {
        return Long.parseLong(text(By.id(id)).strip());
    }

    private String text(By by) {
        return waiting.until(ExpectedConditions.visibilityOfElementLocated(by)).getText();
    }

    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** Clicks a button or link that loads a new document, and waits until it has loaded. */
    private void submit(WebElement button) {
        assertFitsThePhone();
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        // a mark on the old document: gone once the answer (a redirect, or the page with errors) has loaded
        ((JavascriptExecutor) page).executeScript("window.pantauOldPage = true");
        button.click();
        waiting.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return document.readyState === 'complete' && window.pantauOldPage === undefined")));
    }

    /** Nothing makes the page scroll sideways on a phone. */
    private void assertFitsThePhone() {
        assertThat((Boolean) ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("%s fits the phone's width", page.getCurrentUrl()).isTrue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
