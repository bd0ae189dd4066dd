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
    void aPartnersContactsAreReadInFullOnlyByItsRegionsWritersAndEveryReadIsAudited() {
        long id = partner(badung, Accounts.uniqueName("Universitas Udayana"), "51.03").get("id").asLong();
        String contacts = "/api/v1/partners/" + id + "/contacts";

        Http.Response read = badung.get(contacts);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("Cache-Control")).contains("no-store");
        assertThat(read.json().get(0).get("phone").asString()).isEqualTo("081234567890");
        assertThat(read.json().get(0).get("email").asString()).isEqualTo("made@unud.ac.id");
        assertThat(badung.get("/api/v1/partners/" + id).json().get("contacts").get(0).get("phone").asString())
                .isEqualTo("0812*****890");
        var analyst = new Accounts(Http.api(port)).create("badung-analyst", List.of("ANALYST"), "51.03");
        assertThat(Http.api(port).bearer(analyst.token()).get(contacts).status()).isEqualTo(403);
        assertThat(jembrana.get(contacts).status()).isEqualTo(403);
        assertThat(Http.api(port).get(contacts).status()).isEqualTo(401);
        assertThat(badung.get("/api/v1/partners/999999999/contacts").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSONAL_DATA_READ' and subject = ?")
                .param("partner:" + id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from audit_event where subject = ? and action like 'PARTNER_%'")
                .param("partner:" + id).query(String.class).single()).isEqualTo("PARTNER_CREATED");
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
        assertThat(badung.get("/api/v1/agreements?overdue=true&partnerId=" + partnerId).json().get("items"))
                .extracting(a -> a.get("id").asLong()).containsExactly(soonId);

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
        assertThat(badung.get("/api/v1/agreements?overdue=true&partnerId=" + partnerId).json().get("total").asLong()).isZero();
    }

    @Test
    void everyPartnerTypeAndCooperationPointOfTheContractIsAccepted() {
        List<String> types = List.of("MINISTRY", "REGIONAL_AGENCY", "UNIVERSITY", "MEDIA", "CSO", "SCHOOL", "RELIGIOUS_GROUP",
                "COMMUNITY", "OTHER");
        List<Long> ids = new java.util.ArrayList<>();
        for (String type : types) {
            Http.Response created = badung.post("/api/v1/partners", Map.of("name", Accounts.uniqueName("Mitra " + type),
                    "type", type, "regionCode", "51.03"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().get("type").asString()).isEqualTo(type);
            ids.add(created.json().get("id").asLong());
        }
        List<String> points = List.of("INFORMATION_EXCHANGE", "DATA_SHARING", "SUPERVISOR_INVOLVEMENT", "CADRE_TRAINING",
                "SOCIALISATION", "FACILITIES", "REGIONAL_GRANT", "VOTER_DATA_UPDATING", "MIGRANT_WORKER_RIGHTS", "REGULATION",
                "HUMAN_RESOURCES", "HEALTH_PROTOCOL", "DISASTER_SUPPORT", "OTHER");
        Map<String, Object> body = agreement(ids.getFirst());
        body.put("partnerIds", ids);
        body.put("cooperationPoints", points);

        Http.Response created = badung.post("/api/v1/agreements", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("cooperationPoints")).extracting(JsonNode::asString).containsExactlyElementsOf(points);
        assertThat(created.json().get("partners")).hasSize(types.size());
        assertThat(badung.get("/api/v1/partners?type=RELIGIOUS_GROUP&q=RELIGIOUS_GROUP").json().get("items"))
                .extracting(p -> p.get("id").asLong()).contains(ids.get(6));
    }

    @Test
    void anAgreementIsCorrectedFoundAndScoped() {
        long partnerId = partner(badung, Accounts.uniqueName("Kesbangpol Badung"), "51.03").get("id").asLong();
        long secondPartner = partner(badung, Accounts.uniqueName("BP2MI Bali"), "51.03").get("id").asLong();
        long id = badung.post("/api/v1/agreements", agreement(partnerId)).json().get("id").asLong();
        String path = "/api/v1/agreements/" + id;

        Map<String, Object> wrong = agreement(partnerId);
        wrong.put("title", "x");
        wrong.put("cooperationPoints", List.of());
        wrong.put("partnerIds", List.of());
        Http.Response refused = badung.put(path, wrong);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("title", "cooperationPoints", "partnerIds");
        Map<String, Object> elsewhere = agreement(partnerId);
        elsewhere.put("regionCode", "51.01");
        assertThat(badung.put(path, elsewhere).status()).as("moving it out of the office's region").isEqualTo(403);
        assertThat(jembrana.put(path, agreement(partnerId)).status()).isEqualTo(403);
        assertThat(badung.put("/api/v1/agreements/999999999", agreement(partnerId)).status()).isEqualTo(404);

        Map<String, Object> corrected = agreement(partnerId);
        corrected.put("title", "MoU Pelindungan Hak Pilih Pekerja Migran");
        corrected.put("partnerIds", List.of(partnerId, secondPartner));
        corrected.put("cooperationPoints", List.of("MIGRANT_WORKER_RIGHTS", "DATA_SHARING"));
        corrected.put("validUntil", TODAY.plusYears(1).toString());
        Http.Response updated = badung.put(path, corrected);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("title").asString()).isEqualTo("MoU Pelindungan Hak Pilih Pekerja Migran");
        assertThat(updated.json().get("status").asString()).as("PUT does not change the status").isEqualTo("EXPLORING");
        assertThat(updated.json().get("partners")).extracting(p -> p.get("id").asLong()).containsExactlyInAnyOrder(partnerId, secondPartner);
        assertThat(updated.json().get("cooperationPoints")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("MIGRANT_WORKER_RIGHTS", "DATA_SHARING");
        assertThat(badung.get(path).json().get("validUntil").asString()).isEqualTo(TODAY.plusYears(1).toString());

        // once signed, the signing date stays
        for (String to : List.of("DRAFTING", "SIGNED")) {
            assertThat(badung.post(path + "/transitions", Map.of("to", to, "date", TODAY.toString())).status()).isEqualTo(200);
        }
        Http.Response unsigning = badung.put(path, corrected);
        assertThat(unsigning.status()).isEqualTo(400);
        assertThat(unsigning.json().get("errors").get(0).get("field").asString()).isEqualTo("signedOn");

        assertThat(Http.api(port).get(path).status()).isEqualTo(401);
        assertThat(Http.api(port).get("/api/v1/agreements").status()).isEqualTo(401);
        assertThat(Http.api(port).post(path + "/transitions", Map.of("to", "ACTIVE")).status()).isEqualTo(401);
        assertThat(jembrana.get(path).status()).isEqualTo(403);
        assertThat(badung.get("/api/v1/agreements/999999999").status()).isEqualTo(404);
        assertThat(badung.post("/api/v1/agreements/999999999/transitions", Map.of("to", "DRAFTING")).status()).isEqualTo(404);
        assertThat(badung.post("/api/v1/agreements/999999999/follow-ups", Map.of("description", "Rapat", "dueOn", TODAY.toString()))
                .status()).isEqualTo(404);
        assertThat(badung.post(path + "/follow-ups/999999999/done", Map.of()).status()).isEqualTo(404);
        assertThat(badung.post(path + "/transitions", Map.of("to", "SOMEDAY")).json().get("errors").get(0).get("field").asString())
                .isEqualTo("to");
        assertThat(badung.get("/api/v1/agreements?status=SIGNED&partnerId=" + secondPartner).json().get("items"))
                .extracting(a -> a.get("id").asLong()).containsExactly(id);
        assertThat(badung.get("/api/v1/agreements?status=ACTIVE&partnerId=" + secondPartner).json().get("total").asLong()).isZero();
        assertThat(jembrana.get("/api/v1/agreements?partnerId=" + secondPartner).json().get("total").asLong()).isZero();
        assertThat(badung.get("/api/v1/agreements?size=1&partnerId=" + partnerId).json().get("items")).hasSize(1);
        assertThat(badung.get("/api/v1/agreements?status=LOST").status()).isEqualTo(400);
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from audit_event where subject = ?")
                .param("agreement:" + id).query(String.class).single())
                .isEqualTo("AGREEMENT_CREATED,AGREEMENT_UPDATED,AGREEMENT_DRAFTING,AGREEMENT_SIGNED");
    }

    @Test
    void signedDocumentsAreKeptAndReadInTheRegionOnly() {
        long partnerId = partner(badung, Accounts.uniqueName("Universitas Warmadewa"), "51.03").get("id").asLong();
        long id = badung.post("/api/v1/agreements", agreement(partnerId)).json().get("id").asLong();
        String documents = "/api/v1/agreements/" + id + "/documents";
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Http.Response uploaded = badung.postMultipart(documents, Map.of(),
                List.of(new Http.Part("file", "MoU bertanda tangan.pdf", "application/pdf", pdf)));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(uploaded.json().get("fileName").asString()).isEqualTo("MoU bertanda tangan.pdf");
        String documentId = uploaded.json().get("id").asString();
        assertThat(uploaded.header("Location")).endsWith(documents + "/" + documentId);
        Http.Response download = badung.get(documents + "/" + documentId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(download.body()).startsWith("%PDF-1.4");
        assertThat(download.header("X-Content-SHA256")).isEqualTo(uploaded.json().get("sha256").asString());
        assertThat(badung.get("/api/v1/agreements/" + id).json().get("documents")).extracting(d -> d.get("id").asString())
                .containsExactly(documentId);

        Http.Response script = badung.postMultipart(documents, Map.of(), List.of(new Http.Part("file", "mou.pdf", "application/pdf",
                "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(badung.postMultipart(documents, Map.of("note", "x"), List.of()).json().get("errors").get(0).get("field")
                .asString()).isEqualTo("file");
        assertThat(jembrana.get(documents + "/" + documentId).status()).isEqualTo(403);
        assertThat(jembrana.postMultipart(documents, Map.of(), List.of(new Http.Part("file", "a.pdf", "application/pdf", pdf)))
                .status()).isEqualTo(403);
        assertThat(Http.api(port).get(documents + "/" + documentId).status()).isEqualTo(401);
        assertThat(badung.get(documents + "/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'AGREEMENT_DOCUMENT_ADDED' and subject = ?")
                .param("agreement:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theExpiryWindowCountsDaysInclusiveAndAnAgreementPastItsEndExpiresByItself() {
        long partnerId = partner(badung, Accounts.uniqueName("BPBD Badung"), "51.03").get("id").asLong();
        long inThirty = activeAgreement(partnerId, TODAY.plusDays(30));
        long inThirtyOne = activeAgreement(partnerId, TODAY.plusDays(31));
        long endedYesterday = activeAgreement(partnerId, TODAY.minusDays(1));

        assertThat(badung.get("/api/v1/agreements?expiring=30&partnerId=" + partnerId).json().get("items"))
                .extracting(a -> a.get("id").asLong()).containsExactly(inThirty);

        notifications.run();

        JsonNode expired = badung.get("/api/v1/agreements/" + endedYesterday).json();
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("allowedTransitions")).isEmpty();
        assertThat(expired.get("history")).last().satisfies(h -> {
            assertThat(h.get("to").asString()).isEqualTo("EXPIRED");
            assertThat(h.get("actor").asString()).isEqualTo("system");
        });
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'AGREEMENT_EXPIRED' and actor = 'system' and subject = ?")
                .param("agreement:" + endedYesterday).query(Long.class).single()).isEqualTo(1);
        for (long stillInForce : List.of(inThirty, inThirtyOne)) {
            assertThat(badung.get("/api/v1/agreements/" + stillInForce).json().get("status").asString()).isEqualTo("ACTIVE");
        }
        notifications.run();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'AGREEMENT_EXPIRED' and subject = ?")
                .param("agreement:" + endedYesterday).query(Long.class).single()).as("expired once").isEqualTo(1);
        // kept without a mail server: the notice of the one ending within the warning period, unsent
        JsonNode notices = badung.get("/api/v1/notifications?kind=AGREEMENT_EXPIRING").json().get("items");
        assertThat(notices).filteredOn(n -> n.get("subjectKey").asString().startsWith("agreement:" + inThirty + ":"))
                .singleElement().satisfies(n -> assertThat(n.get("sentAt").isNull()).isTrue());
        assertThat(notices).noneMatch(n -> n.get("subjectKey").asString().startsWith("agreement:" + inThirtyOne + ":"));
        assertThat(Http.api(port).get("/api/v1/notifications").status()).isEqualTo(401);
    }

    private long activeAgreement(long partnerId, LocalDate validUntil) {
        Map<String, Object> body = agreement(partnerId);
        body.put("signedOn", TODAY.minusDays(200).toString());
        body.put("validUntil", validUntil.toString());
        Http.Response created = badung.post("/api/v1/agreements", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        for (String to : List.of("DRAFTING", "SIGNED", "ACTIVE")) {
            Http.Response moved = badung.post("/api/v1/agreements/" + id + "/transitions",
                    to.equals("ACTIVE") ? Map.of("to", to, "date", TODAY.minusDays(199).toString()) : Map.of("to", to));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        return id;
    }

    @Autowired
    NetworkNotifications notifications;
}
