package id.pantau.casework;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import id.pantau.report.Reports;
import id.pantau.report.internal.TestImages;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;

import static id.pantau.casework.CaseFixtures.caseId;
import static id.pantau.casework.CaseFixtures.detail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages without a browser: the queue's filters and labels, the case page's facts and
 * timeline in words, refusals that name the field as staff know it, in Bahasa Indonesia by
 * default and in English on request. The cases lie in Kabupaten Gorontalo (75.01, WITA), which no
 * other test reports in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePagesTest {

    static final String VILLAGE = "75.01.01.1001";

    @Value("${local.server.port}")
    int port;

    Accounts.Created staffAccount;
    Http api;

    @BeforeAll
    void account() {
        staffAccount = new Accounts(Http.api(port)).create("pages-staff", List.of("STAFF"), "75.01");
        api = Http.api(port).bearer(staffAccount.token());
    }

    Http.Response step(Http browser, String caseId, String... fields) {
        String csrf = browser.get("/cases/" + caseId).csrfToken();
        List<String> form = new ArrayList<>(List.of("_csrf", csrf));
        form.addAll(List.of(fields));
        return browser.postForm("/cases/" + caseId + "/actions", form.toArray(String[]::new));
    }

    @Test
    void theQueueFiltersByLabelledCategoriesAndElectionsInEitherLanguage() {
        String money = caseId(api, CaseFixtures.identified(port, VILLAGE));
        String neutrality = caseId(api, Reports.submit(port, Reports.identified(Reports.with(CaseFixtures.uniqueReport(VILLAGE),
                "category", "NEUTRALITY", "subcategory", "NEUTRALITY_ASN", "act", "ACT_PHOTO"))));
        Http browser = Http.signedIn(port, staffAccount.username());

        Http.Response queue = browser.get("/cases?region=" + VILLAGE);

        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("<html lang=\"id\">", "<h1>Antrean perkara</h1>", "id=\"filter-category\"",
                "<option value=\"NEUTRALITY\">Netralitas ASN, TNI, Polri, kepala desa</option>",
                "id=\"filter-election\"", "LP · Politik uang", "LP · Netralitas ASN, TNI, Polri, kepala desa",
                "data-case=\"" + money + "\"", "data-case=\"" + neutrality + "\"", "Kajian awal")
                .containsPattern("<tr class=\"urgency-[a-z_]+\" data-case=\"" + money + "\"")
                .doesNotContain("MONEY_POLITICS<", "placeholder=\"MONEY_POLITICS\"");
        Http.Response filtered = browser.get("/cases?region=" + VILLAGE + "&category=NEUTRALITY");
        assertThat(filtered.body()).contains("data-case=\"" + neutrality + "\"").doesNotContain("data-case=\"" + money + "\"")
                .contains("<option value=\"NEUTRALITY\" selected=\"selected\">");

        // the filter form sends its empty fields too
        Http.Response asTheFormSendsIt = browser.get("/cases?stage=&due=&region=&office=&category=NEUTRALITY&election=");
        assertThat(asTheFormSendsIt.status()).isEqualTo(200);
        assertThat(asTheFormSendsIt.body()).contains("data-case=\"" + neutrality + "\"").doesNotContain("data-case=\"" + money + "\"");
        Http.Response typo = browser.get("/cases?region=Gorontalo&office=&category=");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body()).contains("id=\"errors\"", "Wilayah: bukan kode wilayah", "value=\"Gorontalo\"",
                "<h1>Antrean perkara</h1>");
        assertThat(browser.get("/cases?region=" + VILLAGE + "&due=besok").body()).contains("Tenggat: pilih lewat tenggat");

        Http.Response english = browser.get("/cases?region=" + VILLAGE + "&lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">", "<h1>Case queue</h1>", "LP · Money politics",
                "Neutrality of civil servants, military, police, village heads", "Preliminary review");
    }

    @Test
    void theCasePageSaysWhatHappenedInWordsAndRefusalsNameTheFieldAsStaffKnowIt() {
        String id = caseId(api, CaseFixtures.identified(port, VILLAGE));
        Http browser = Http.signedIn(port, staffAccount.username());

        Http.Response page = browser.get("/cases/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<span>Politik uang</span> / <span>Pembagian uang</span>", "Pemilu (hari kerja)",
                "id=\"office\">Bawaslu Kabupaten Gorontalo (WITA)<", "id=\"step-BEGIN_REVIEW\"", "23.59 WITA")
                .doesNotContain("UTC+08:00");

        Http.Response tooEarly = step(browser, id, "action", "REGISTER", "checklist", "DESCRIPTION");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body()).contains("id=\"errors\"",
                "Langkah: Langkah “Registrasi” tidak dapat dilakukan pada tahap Diterima. Yang dapat dilakukan: "
                        + "Mulai kajian awal, Limpahkan (pelimpahan).");

        Http.Response begun = step(browser, id, "action", "BEGIN_REVIEW", "note", "Mulai dikaji");
        assertThat(begun.status()).isEqualTo(302);
        assertThat(begun.header("Location")).endsWith("/cases/" + id);
        assertThat(browser.get("/cases/" + id).body()).contains("id=\"done\"", "Tersimpan: Mulai kajian awal.");

        Http.Response unmet = step(browser, id, "action", "REGISTER", "checklist", "DESCRIPTION");
        assertThat(unmet.status()).isEqualTo(400);
        assertThat(unmet.body()).contains("data-field=\"checklist\"",
                "Syarat formil dan materiil: registrasi hanya jika semua syarat terpenuhi").doesNotContain("checklist:");
        Http.Response unmetInEnglish = browser.postForm("/cases/" + id + "/actions?lang=en", "_csrf",
                browser.get("/cases/" + id).csrfToken(), "action", "REGISTER", "checklist", "DESCRIPTION");
        assertThat(unmetInEnglish.body()).contains("Formal and material requirements: register only when every requirement is met");
        browser.get("/cases/" + id + "?lang=id"); // the choice of language sticks: back to Indonesian
        Http.Response elsewhere = step(browser, id, "action", "DELEGATE", "toRegionCode", "75.02");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("Kantor tujuan: kantor itu tidak berwenang atas wilayah perkara ini");
        Http.Response same = step(browser, id, "action", "DELEGATE", "toRegionCode", "75.01");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.body()).contains("Kantor tujuan: perkara sudah ditangani kantor itu");
        assertThat(detail(api, id).get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");

        assertThat(step(browser, id, "action", "DELEGATE", "toRegionCode", "75.01.01").status()).isEqualTo(302);
        assertThat(step(browser, id, "action", "DELEGATE", "toRegionCode", "75.01").status()).isEqualTo(302);
        assertThat(step(browser, id, "action", "REQUEST_COMPLETION", "missing", "EVIDENCE", "missing", "REPORTED_PARTY")
                .status()).isEqualTo(302);
        assertThat(step(browser, id, "action", "DECLINE", "reason", "Pelapor tidak melengkapi bukti").status()).isEqualTo(302);

        String timeline = browser.get("/cases/" + id).body();
        assertThat(timeline).contains("Yang belum terpenuhi: Bukti atau saksi, Identitas terlapor",
                "Alasan: Pelapor tidak melengkapi bukti", "Kode lacak: ", "Mulai dikaji", "WITA · " + staffAccount.username())
                .containsSubsequence("Dari kantor: Bawaslu Kabupaten Gorontalo (75.01)", "Ke kantor: Panwaslu Kecamatan ",
                        "Dari kantor: Panwaslu Kecamatan ", "Ke kantor: Bawaslu Kabupaten Gorontalo (75.01)")
                .doesNotContain("reason:", "missing:", "reportId", "[EVIDENCE");
        assertThat(browser.get("/cases/" + id + "?lang=en").body())
                .contains("What is missing: Evidence or witnesses, Reported party identity", "Reason: Pelapor tidak melengkapi bukti", "Pemilu (working days)");
    }

    @Test
    void aDocumentSentWithARefusedStepIsNotKeptAndIsAttachedWhenTheStepIsSentAgain() {
        String id = caseId(api, CaseFixtures.identified(port, VILLAGE));
        CaseFixtures.register(api, id, CaseFixtures.FULL_CHECKLIST);
        CaseFixtures.actOk(api, id, "action", "BEGIN_CLARIFICATION");
        Http browser = Http.signedIn(port, staffAccount.username());
        List<Http.Part> minutes = List.of(new Http.Part("documents", "berita-acara.pdf", "application/pdf", TestImages.pdf()));
        String heardAt = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Makassar")).minusHours(1)
                .withSecond(0).withNano(0).toString();

        Http.Response forgotWho = browser.postMultipart("/cases/" + id + "/actions", Map.of("_csrf",
                browser.get("/cases/" + id).csrfToken(), "action", "RECORD_CLARIFICATION", "heardAt", heardAt), minutes);

        assertThat(forgotWho.status()).isEqualTo(400);
        assertThat(forgotWho.body()).contains("Yang diklarifikasi: sebutkan siapa yang diklarifikasi");
        assertThat(detail(api, id).get("pendingDocuments")).isEmpty();
        Http.Response wrongFile = browser.postMultipart("/cases/" + id + "/actions", Map.of("_csrf",
                browser.get("/cases/" + id).csrfToken(), "action", "RECORD_CLARIFICATION", "heard", "Pelapor",
                "heardAt", heardAt), List.of(new Http.Part("documents", "ba.pdf", "application/pdf",
                "<html>bukan pdf</html>".getBytes(StandardCharsets.UTF_8))));
        assertThat(wrongFile.status()).isEqualTo(400);
        assertThat(wrongFile.body()).contains("Dokumen: hanya PDF atau foto (JPEG, PNG, WebP)");
        assertThat(CaseFixtures.count(detail(api, id), "RECORD_CLARIFICATION")).isZero();

        Http.Response recorded = browser.postMultipart("/cases/" + id + "/actions", Map.of("_csrf",
                browser.get("/cases/" + id).csrfToken(), "action", "RECORD_CLARIFICATION", "heard", "Pelapor\nTerlapor",
                "heardAt", heardAt), minutes);

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(302);
        JsonNode after = detail(api, id);
        assertThat(after.get("pendingDocuments")).isEmpty();
        JsonNode step = CaseFixtures.lastStep(after);
        assertThat(CaseFixtures.strings(step.get("details").get("heard"))).containsExactly("Pelapor", "Terlapor");
        assertThat(step.get("documents")).singleElement()
                .satisfies(d -> assertThat(d.get("fileName").asString()).isEqualTo("berita-acara.pdf"));
        assertThat(OffsetDateTime.parse(step.get("details").get("heardAt").asString()).toLocalDateTime().toString())
                .startsWith(heardAt);
        assertThat(browser.get("/cases/" + id).body()).contains("berita-acara.pdf", "Yang diklarifikasi: Pelapor, Terlapor");
    }

    @Test
    void aReportOutsideTheReportingWindowIsMarkedWhereTheReviewChecksIt() {
        String late = caseId(api, Reports.submit(port, Reports.identified(Reports.with(CaseFixtures.uniqueReport(VILLAGE),
                "occurredAt", OffsetDateTime.now().minusDays(40).withNano(0).toString(),
                "knownAt", OffsetDateTime.now().minusDays(30).withNano(0).toString()))));
        String timely = caseId(api, CaseFixtures.identified(port, VILLAGE));
        CaseFixtures.actOk(api, late, "action", "BEGIN_REVIEW");
        CaseFixtures.actOk(api, timely, "action", "BEGIN_REVIEW");
        Http browser = Http.signedIn(port, staffAccount.username());

        assertThat(detail(api, late).get("reports").get(0).get("timely").asBoolean()).isFalse();
        assertThat(detail(api, timely).get("reports").get(0).get("timely").asBoolean()).isTrue();
        assertThat(browser.get("/cases/" + late).body()).contains("class=\"badge late\">di luar batas waktu pelaporan<",
                "id=\"late-hint\"");
        assertThat(browser.get("/cases/" + timely).body()).doesNotContain("badge late", "id=\"late-hint\"");
    }

    @Test
    void officesAreCalledWhatTheyCallThemselves() {
        Http national = Http.api(port).bearer(new Accounts(Http.api(port)).create("pages-national", List.of("STAFF"), "")
                .token());
        String gorontalo = caseId(api, CaseFixtures.identified(port, VILLAGE));
        String aceh = caseId(national, CaseFixtures.identified(port, "11.03.01.2001"));

        assertThat(detail(api, gorontalo).get("office").get("name").asString()).isEqualTo("Bawaslu Kabupaten Gorontalo");
        assertThat(CaseFixtures.actOk(national, gorontalo, "action", "DELEGATE", "toRegionCode", "75")
                .get("office").get("name").asString()).isEqualTo("Bawaslu Provinsi Gorontalo");
        // in Aceh the supervisors are the Panwaslih (UU 7/2017 Pasal 557)
        assertThat(detail(national, aceh).get("office").get("name").asString()).isEqualTo("Panwaslih Kabupaten Aceh Timur");
        assertThat(CaseFixtures.actOk(national, aceh, "action", "DELEGATE", "toRegionCode", "11")
                .get("office").get("name").asString()).isEqualTo("Panwaslih Aceh");
        assertThat(CaseFixtures.actOk(national, aceh, "action", "DELEGATE", "toRegionCode", "11.03.01")
                .get("office").get("name").asString()).startsWith("Panwaslu Kecamatan ");
    }

    @Test
    void staffOfAnotherRegencyCannotOpenTheCasePage() {
        String id = caseId(api, CaseFixtures.identified(port, VILLAGE));
        var outsider = new Accounts(Http.api(port)).create("pages-outsider", List.of("STAFF"), "75.02");

        Http browser = Http.signedIn(port, outsider.username());

        assertThat(browser.get("/cases/" + id).status()).isEqualTo(403);
        assertThat(browser.get("/cases?region=" + VILLAGE).body()).doesNotContain("data-case=\"" + id + "\"");
    }

    @Test
    void theQueueFiltersByTheReportTypesACaseCanHaveNamedByTheTaxonomyInEitherLanguage() {
        var staff = new Accounts(Http.api(port)).create("pages-types", List.of("STAFF"), "35.09");
        Http browser = Http.signedIn(port, staff.username());
        List<JsonNode> types = Http.api(port).get("/api/v1/categories").json().get("items").valueStream().toList();
        String indonesian = browser.get("/cases?lang=id").body();
        String english = browser.get("/cases?lang=en").body();

        assertThat(types).hasSizeGreaterThan(8).allSatisfy(type -> {
            String option = "<option value=\"" + type.get("code").asString() + "\">";
            if (type.get("kind").asString().equals("HAZARD")) {
                // hazards are routed as alerts and open no case
                assertThat(indonesian).doesNotContain(option);
            } else {
                assertThat(indonesian).contains(option + HtmlUtils.htmlEscape(type.get("labelId").asString()) + "</option>");
                assertThat(english).contains(option + HtmlUtils.htmlEscape(type.get("labelEn").asString()) + "</option>");
            }
        });
    }
}
