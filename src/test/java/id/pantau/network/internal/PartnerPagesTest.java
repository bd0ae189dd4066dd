package id.pantau.network.internal;

import java.util.List;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** The partner and agreement pages as staff use them: forms with CSRF, field errors, the lifecycle. */
@IntegrationTest
class PartnerPagesTest {

    @Value("${local.server.port}")
    int port;

    Http browser;

    @BeforeEach
    void signIn() {
        var staff = new Accounts(Http.api(port)).create("tabanan-pages", List.of("STAFF"), "51.02");
        browser = Http.browser(port);
        String token = browser.get("/login").csrfToken();
        Http.Response response = browser.postForm("/login", "_csrf", token, "username", staff.username(),
                "password", Accounts.PASSWORD);
        assertThat(response.header("Location")).doesNotContain("error");
    }

    @Test
    void staffRecordAPartnerAndAnAgreementAndTakeItToSigning() {
        Http.Response list = browser.get("/network/partners");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("<html lang=\"id\">", "Catat mitra", "value=\"51.02\"");
        assertThat(browser.get("/network/partners?lang=en").body()).contains("Record a partner", "Contact person");
        assertThat(browser.get("/network/partners?lang=id").body()).contains("Catat mitra");

        Http.Response refused = browser.postForm("/network/partners", "_csrf", list.csrfToken(), "name", "x",
                "type", "MEDIA", "regionCode", "51.02", "contactName", "Ayu", "contactPhone", "abc");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"errors\"", "data-field=\"name\"", "data-field=\"contacts[0].phone\"")
                .contains("value=\"Ayu\"");

        String name = Accounts.uniqueName("Bali Post");
        Http.Response created = browser.postForm("/network/partners", "_csrf", list.csrfToken(), "name", name,
                "type", "MEDIA", "regionCode", "51.02", "contactName", "Ayu Lestari", "contactPhone", "081999888777");
        assertThat(created.status()).isEqualTo(302);
        String partnerPath = created.header("Location").replaceFirst("^https?://[^/]+", "");
        long partnerId = Long.parseLong(partnerPath.substring(partnerPath.lastIndexOf('/') + 1));
        assertThat(browser.get(partnerPath).body()).contains(name, "Tersimpan.", "0819*****777").doesNotContain("081999888777");

        Http.Response agreements = browser.get("/network/agreements");
        Http.Response noPoints = browser.postForm("/network/agreements", "_csrf", agreements.csrfToken(),
                "title", "MoU Sosialisasi Pemilu", "regionCode", "51.02", "partnerIds", String.valueOf(partnerId));
        assertThat(noPoints.body()).contains("data-field=\"cooperationPoints\"");
        Http.Response agreement = browser.postForm("/network/agreements", "_csrf", agreements.csrfToken(),
                "title", "MoU Sosialisasi Pemilu", "regionCode", "51.02", "partnerIds", String.valueOf(partnerId),
                "cooperationPoints", "SOCIALISATION", "cooperationPoints", "INFORMATION_EXCHANGE",
                "signatoryName", "Ketua Bawaslu Tabanan");
        assertThat(agreement.status()).isEqualTo(302);
        String agreementPath = agreement.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(browser.get(agreementPath).body()).contains("data-status=\"EXPLORING\"", "Sosialisasi",
                "Pertukaran informasi", "id=\"to-DRAFTING\"");

        String csrf = browser.get(agreementPath).csrfToken();
        assertThat(browser.postForm(agreementPath + "/transitions", "_csrf", csrf, "to", "DRAFTING").status()).isEqualTo(302);
        Http.Response unsigned = browser.postForm(agreementPath + "/transitions", "_csrf", csrf, "to", "SIGNED");
        assertThat(unsigned.body()).contains("data-field=\"signedOn\"", "data-status=\"DRAFTING\"");
        Http.Response skipped = browser.postForm(agreementPath + "/transitions", "_csrf", csrf, "to", "EXPIRED");
        assertThat(skipped.body()).contains("data-field=\"to\"");
        assertThat(browser.postForm(agreementPath + "/transitions", "_csrf", csrf, "to", "SIGNED",
                "date", PartnerAgreementApiTest.TODAY.toString()).status()).isEqualTo(302);
        assertThat(browser.get(agreementPath).body()).contains("data-status=\"SIGNED\"", "Ditandatangani");
        assertThat(browser.get(partnerPath).body()).contains("MoU Sosialisasi Pemilu");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        assertThat(browser.postForm("/network/partners", "name", "Tanpa token", "type", "MEDIA", "regionCode", "51.02").status())
                .isEqualTo(403);
    }
}
