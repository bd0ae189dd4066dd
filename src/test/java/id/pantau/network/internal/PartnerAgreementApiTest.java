package id.pantau.network.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Partners and agreements over HTTP: validation, scoping, the status lifecycle, follow-ups, expiry. */
@IntegrationTest
class PartnerAgreementApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    Http badung;
    Http jembrana;

    @BeforeEach
    void staff() {
        badung = Http.api(port).bearer(new Accounts(Http.api(port)).create("badung", List.of("STAFF"), "51.03").token());
        jembrana = Http.api(port).bearer(new Accounts(Http.api(port)).create("jembrana", List.of("STAFF"), "51.01").token());
    }

    JsonNode partner(Http api, String name, String region) {
        Http.Response created = api.post("/api/v1/partners", Map.of("name", name, "type", "UNIVERSITY", "regionCode", region,
                "contacts", List.of(Map.of("name", "Dr. Made Wirawan", "position", "Rektor", "phone", "081234567890",
                        "email", "made@unud.ac.id"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aPartnerIsRecordedWithMaskedContactsSealedAtRest() {
        String name = Accounts.uniqueName("Universitas Udayana");
        JsonNode created = partner(badung, name, "51.03");

        JsonNode contact = created.get("contacts").get(0);
        assertThat(contact.get("name").asString()).isEqualTo("Dr. Made Wirawan");
        assertThat(contact.get("phone").asString()).isEqualTo("0812*****890");
        assertThat(contact.get("email").asString()).isEqualTo("m***@unud.ac.id");
        byte[] sealed = jdbc.sql("select contacts from partner where id = ?").param(created.get("id").asLong())
                .query(byte[].class).single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("081234567890", "Wirawan");

        Http.Response duplicate = badung.post("/api/v1/partners", Map.of("name", name, "type", "MEDIA", "regionCode", "51.03"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        Http.Response updated = badung.put("/api/v1/partners/" + created.get("id").asLong(),
                Map.of("name", name + " (FISIP)", "type", "UNIVERSITY", "regionCode", "51.03.01"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("regionCode").asString()).isEqualTo("51.03.01");
        assertThat(updated.json().get("contacts")).isEmpty();
    }

    @Test
    void badPartnersAreRefusedNamingEveryField() {
        Http.Response refused = badung.post("/api/v1/partners", Map.of("name", "x", "type", "UNIVERSITY", "regionCode", "99.99",
                "contacts", List.of(Map.of("name", "", "phone", "abc", "email", "nope"))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("name", "regionCode", "contacts[0].name", "contacts[0].phone", "contacts[0].email");
        assertThat(badung.post("/api/v1/partners", Map.of("name", "Radio Bali", "type", "RADIO", "regionCode", "51.03"))
                .json().get("errors").get(0).get("field").asString()).isEqualTo("type");
    }

    @Test
    void partnersAreScopedToTheirRegion() {
        JsonNode partner = partner(badung, Accounts.uniqueName("Kesbangpol Badung"), "51.03");
        long id = partner.get("id").asLong();

        assertThat(jembrana.get("/api/v1/partners/" + id).status()).isEqualTo(403);
        assertThat(jembrana.post("/api/v1/partners", Map.of("name", "Elsewhere", "type", "CSO", "regionCode", "51.03")).status())
                .isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/partners/" + id).status()).isEqualTo(401);
        assertThat(badung.get("/api/v1/partners/999999999").status()).isEqualTo(404);
        assertThat(jembrana.get("/api/v1/partners?region=51").json().get("items"))
                .noneMatch(p -> p.get("id").asLong() == id);
        assertThat(badung.get("/api/v1/partners?type=MEDIA&q=Kesbangpol").json().get("items"))
                .noneMatch(p -> p.get("id").asLong() == id);
        assertThat(badung.get("/api/v1/partners?q=Kesbangpol").json().get("items")).anyMatch(p -> p.get("id").asLong() == id);
        var volunteer = new Accounts(Http.api(port)).create("badung-volunteer", List.of("VOLUNTEER"), "51.03");
        assertThat(Http.api(port).bearer(volunteer.token()).get("/api/v1/partners/" + id).status()).isEqualTo(403);
    }

    Map<String, Object> agreement(long partnerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "MoU Pengawasan Partisipatif " + Accounts.uniqueName("Badung"));
        body.put("regionCode", "51.03");
        body.put("partnerIds", List.of(partnerId));
        body.put("cooperationPoints", List.of("SUPERVISOR_INVOLVEMENT", "SOCIALISATION"));
        body.put("signatories", List.of(Map.of("name", "I Ketut Rudia", "position", "Ketua Bawaslu Badung", "party", "Bawaslu")));
        return body;
    }

    @Test
    void anAgreementGoesFromExplorationToExpiryAndNothingElse() {
        long partnerId = partner(badung, Accounts.uniqueName("Dinsos Badung"), "51.03").get("id").asLong();
        JsonNode created = badung.post("/api/v1/agreements", agreement(partnerId)).json();
        long id = created.get("id").asLong();
        String transitions = "/api/v1/agreements/" + id + "/transitions";
        assertThat(created.get("status").asString()).isEqualTo("EXPLORING");
        assertThat(created.get("partners").get(0).get("id").asLong()).isEqualTo(partnerId);

        Http.Response skipping = badung.post(transitions, Map.of("to", "ACTIVE"));
        assertThat(skipping.status()).isEqualTo(409);
        assertThat(skipping.json().get("status").asString()).isEqualTo("EXPLORING");
        assertThat(skipping.json().get("allowedTransitions")).extracting(JsonNode::asString).containsExactly("DRAFTING");

        assertThat(badung.post(transitions, Map.of("to", "DRAFTING")).json().get("status").asString()).isEqualTo("DRAFTING");
        Http.Response unsigned = badung.post(transitions, Map.of("to", "SIGNED"));
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.json().get("errors").get(0).get("field").asString()).isEqualTo("signedOn");
        assertThat(badung.post(transitions, Map.of("to", "SIGNED", "date", TODAY.plusDays(1).toString())).status()).isEqualTo(400);

        JsonNode signed = badung.post(transitions, Map.of("to", "SIGNED", "date", TODAY.minusDays(3).toString())).json();
        assertThat(signed.get("signedOn").asString()).isEqualTo(TODAY.minusDays(3).toString());
        JsonNode active = badung.post(transitions, Map.of("to", "ACTIVE")).json();
        assertThat(active.get("validFrom").asString()).isEqualTo(TODAY.toString());
        assertThat(badung.post(transitions, Map.of("to", "TERMINATED", "note", "Dinas dilebur")).json().get("status").asString())
                .isEqualTo("TERMINATED");
        Http.Response finished = badung.post(transitions, Map.of("to", "ACTIVE"));
        assertThat(finished.status()).isEqualTo(409);
        assertThat(finished.json().get("allowedTransitions")).isEmpty();

        JsonNode history = badung.get("/api/v1/agreements/" + id).json().get("history");
        assertThat(history).extracting(h -> h.get("to").asString())
                .containsExactly("EXPLORING", "DRAFTING", "SIGNED", "ACTIVE", "TERMINATED");
        assertThat(jembrana.post(transitions, Map.of("to", "DRAFTING")).status()).isEqualTo(403);
    }

    @Test
    void badAgreementsNameTheirFields() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "");
        body.put("regionCode", "51.03");
        body.put("partnerIds", List.of(999999999L));
        body.put("cooperationPoints", List.of());
        body.put("signedOn", TODAY.toString());
        body.put("validUntil", TODAY.minusDays(1).toString());

        Http.Response refused = badung.post("/api/v1/agreements", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("title", "partnerIds", "cooperationPoints", "validUntil");
        Map<String, Object> unknownPoint = agreement(partner(badung, Accounts.uniqueName("BPBD"), "51.03").get("id").asLong());
        unknownPoint.put("cooperationPoints", List.of("KARAOKE"));
        assertThat(badung.post("/api/v1/agreements", unknownPoint).json().get("errors").get(0).get("field").asString())
                .startsWith("cooperationPoints");
        long otherPartner = partner(jembrana, Accounts.uniqueName("Unmas"), "51.01").get("id").asLong();
        Http.Response foreign = badung.post("/api/v1/agreements", agreement(otherPartner));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("errors").get(0).get("code").asString()).isEqualTo("partnerIds.outOfScope");
    }

    @Test
    void expiringAgreementsOverdueFollowUpsAndTheirNotices() {
        long partnerId = partner(badung, Accounts.uniqueName("Disnakertrans Badung"), "51.03").get("id").asLong();
        Map<String, Object> soon = agreement(partnerId);
        soon.put("signedOn", TODAY.minusDays(300).toString());
        soon.put("validUntil", TODAY.plusDays(20).toString());
        long soonId = badung.post("/api/v1/agreements", soon).json().get("id").asLong();
        Map<String, Object> later = agreement(partnerId);
        later.put("signedOn", TODAY.minusDays(10).toString());
        later.put("validUntil", TODAY.plusDays(200).toString());
        long laterId = badung.post("/api/v1/agreements", later).json().get("id").asLong();
        for (long id : List.of(soonId, laterId)) {
            for (String to : List.of("DRAFTING", "SIGNED", "ACTIVE")) {
                assertThat(badung.post("/api/v1/agreements/" + id + "/transitions", Map.of("to", to)).status()).isEqualTo(200);
            }
        }

        JsonNode expiring = badung.get("/api/v1/agreements?expiring=30&partnerId=" + partnerId).json();
        assertThat(expiring.get("items")).extracting(a -> a.get("id").asLong()).containsExactly(soonId);
        assertThat(expiring.get("items").get(0).get("daysLeft").asLong()).isEqualTo(20);
        assertThat(badung.get("/api/v1/agreements?expiring=-1").status()).isEqualTo(400);

        Http.Response followUp = badung.post("/api/v1/agreements/" + soonId + "/follow-ups",
                Map.of("description", "Rapat evaluasi pelibatan pendamping sosial", "dueOn", TODAY.minusDays(2).toString()));
        assertThat(followUp.status()).isEqualTo(201);
        assertThat(followUp.json().get("overdue").asBoolean()).isTrue();
        assertThat(badung.post("/api/v1/agreements/" + soonId + "/follow-ups", Map.of("description", "x")).json()
                .get("errors")).extracting(e -> e.get("field").asString()).containsExactlyInAnyOrder("description", "dueOn");
        assertThat(badung.get("/api/v1/agreements?partnerId=" + partnerId).json().get("items"))
                .filteredOn(a -> a.get("id").asLong() == soonId).first()
                .satisfies(a -> assertThat(a.get("overdueFollowUps").asInt()).isEqualTo(1));

        notifications.run();
        notifications.run(); // a second round (or a second node) raises nothing twice
        JsonNode notices = badung.get("/api/v1/notifications").json().get("items");
        assertThat(notices).filteredOn(n -> n.get("subjectKey").asString().startsWith("agreement:" + soonId + ":")).hasSize(1);
        assertThat(notices).filteredOn(n -> n.get("subjectKey").asString().startsWith("agreement:" + laterId + ":")).isEmpty();
        assertThat(notices).filteredOn(n -> n.get("kind").asString().equals("FOLLOW_UP_OVERDUE")
                && n.get("body").asString().contains("Rapat evaluasi")).hasSize(1);
        assertThat(jembrana.get("/api/v1/notifications").json().get("items"))
                .noneMatch(n -> n.get("subjectKey").asString().startsWith("agreement:" + soonId + ":"));

        long followUpId = followUp.json().get("id").asLong();
        JsonNode done = badung.post("/api/v1/agreements/" + soonId + "/follow-ups/" + followUpId + "/done", Map.of()).json();
        assertThat(done.get("doneOn").asString()).isEqualTo(TODAY.toString());
        assertThat(done.get("overdue").asBoolean()).isFalse();
    }

    @Autowired
    NetworkNotifications notifications;
}
