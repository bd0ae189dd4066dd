package id.pantau.network.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an SMTP server configured, the notices to offices (an agreement about to expire, a
 * follow-up past its due date) are mailed to the configured recipients once, and a notice the
 * server refuses stays unsent with the server's answer until a later run mails it.
 */
@IntegrationTest
class NotificationMailTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    /** Kabupaten Tanah Bumbu, Kalimantan Selatan. */
    static final String TANAH_BUMBU = "63.10";
    static final FakeSmtpServer SMTP = new FakeSmtpServer();
    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        registry.add("pantau.notifications.mail-to", () -> "bawaslu.tanahbumbu@example.id, korwil@example.id");
        registry.add("pantau.notifications.mail-from", () -> "pantau@bawaslu.example.id");
    }

    @AfterAll
    static void stopMailServer() {
        SMTP.close();
    }

    @Value("${local.server.port}")
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    NetworkNotifications job;

    @Test
    void noticesAreMailedToTheConfiguredRecipientsOnceAndARefusedOneIsTriedAgain() {
        Http staff = Http.api(port).bearer(new Accounts(Http.api(port)).create("tanahbumbu", List.of("STAFF"), TANAH_BUMBU).token());
        long partner = staff.post("/api/v1/partners", Map.of("name", Accounts.uniqueName("Dinas Sosial Tanah Bumbu"),
                "type", "REGIONAL_AGENCY", "regionCode", TANAH_BUMBU)).json().get("id").asLong();
        String title = "MoU Pendamping Sosial " + Accounts.uniqueName("Tanah Bumbu");
        long agreement = staff.post("/api/v1/agreements", Map.of("title", title, "regionCode", TANAH_BUMBU,
                "partnerIds", List.of(partner), "cooperationPoints", List.of("SUPERVISOR_INVOLVEMENT"),
                "signedOn", TODAY.minusYears(1).toString(), "validUntil", TODAY.plusDays(12).toString())).json().get("id").asLong();
        for (String to : List.of("DRAFTING", "SIGNED", "ACTIVE")) {
            assertThat(staff.post("/api/v1/agreements/" + agreement + "/transitions", Map.of("to", to)).status()).isEqualTo(200);
        }

        job.run();

        List<FakeSmtpServer.Mail> mails = SMTP.received.stream().filter(m -> m.data().contains(title)).toList();
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.recipients()).containsExactlyInAnyOrder("bawaslu.tanahbumbu@example.id", "korwil@example.id");
            assertThat(mail.from()).contains("pantau@bawaslu.example.id");
            assertThat(mail.header("Subject")).startsWith("[Pantau] Perjanjian kerja sama berakhir")
                    .endsWith("(" + TANAH_BUMBU + ")");
            assertThat(mail.data()).contains("berlaku sampai " + TODAY.plusDays(12).format(DAY));
        });
        JsonNode notice = notice(staff, "agreement:" + agreement + ":");
        assertThat(notice.get("sentAt").isNull()).as("marked as mailed").isFalse();
        job.run();
        assertThat(SMTP.received.stream().filter(m -> m.data().contains(title))).as("mailed once").hasSize(1);

        // the server refuses: the notice of an overdue follow-up stays unsent with the answer, and goes out on the next run
        staff.post("/api/v1/agreements/" + agreement + "/follow-ups", Map.of("description", "Laporan triwulan pendamping sosial",
                "dueOn", TODAY.minusDays(1).toString()));
        SMTP.refuse.set(true);
        try {
            job.run();
        } finally {
            SMTP.refuse.set(false);
        }
        JsonNode refused = notice(staff, "follow-up:");
        assertThat(refused.get("sentAt").isNull()).isTrue();
        assertThat(refused.get("sendError").asString()).contains("554");
        job.run();
        JsonNode retried = notice(staff, "follow-up:");
        assertThat(retried.get("sentAt").isNull()).isFalse();
        assertThat(retried.get("sendError").isNull()).isTrue();
        assertThat(SMTP.received.stream().filter(m -> m.data().contains("Laporan triwulan pendamping sosial"))).hasSize(1);
    }

    /** The notice of this test's agreement whose key starts so, as the office lists it. */
    private static JsonNode notice(Http staff, String keyPrefix) {
        JsonNode items = staff.get("/api/v1/notifications?size=100").json().get("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .filter(n -> n.get("subjectKey").asString().startsWith(keyPrefix))
                .findFirst().orElseThrow(() -> new AssertionError("no notice " + keyPrefix));
    }
}
