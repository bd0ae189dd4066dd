package id.pantau.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The place and time rules of duplicate detection, over HTTP: the same TPS, a distance across
 * village borders, and the 48-hour window. The reports are in regencies no other test reports in
 * (Kediri 35.06, Malang 35.07), all with one text, so that only the rule under test tells them apart.
 */
@IntegrationTest
class DuplicateClusteringApiTest {

    private static final String TEXT = "Tim sukses membagikan amplop berisi uang seratus ribu kepada warga yang antre di depan posko.";

    @Value("${local.server.port}")
    int port;
    @Autowired
    PublishedEvents events;

    @Test
    void inOneVillageTheSameTpsJoinsAndAnotherTpsDoesNot() {
        String village = "35.07.02.2001";
        UUID atTps3 = submit(Map.of("regionCode", village, "tps", 3));
        UUID atTps4 = submit(Map.of("regionCode", village, "tps", 4));
        UUID alsoAtTps3 = submit(Map.of("regionCode", village, "tps", 3));

        IncidentChanged incident = events.await(IncidentChanged.class, e -> e.reportIds().contains(alsoAtTps3));

        assertThat(incident.reportIds()).containsExactlyInAnyOrder(atTps3, alsoAtTps3);
        assertThat(processed(atTps4).incidentId()).isNull();
    }

    @Test
    void locationsCloseTogetherJoinAcrossAVillageBorderAndDistantOnesDoNot() {
        double lat = -7.7667;
        double lon = 112.1967;
        String[] nearby = villagesAt(lat, lon, 2);
        // about 220 m north, and about 5.5 km north
        UUID here = submit(Map.of("regionCode", nearby[0], "location", Map.of("lat", lat, "lon", lon)));
        UUID next = submit(Map.of("regionCode", nearby[1], "location", Map.of("lat", lat + 0.002, "lon", lon)));
        UUID far = submit(Map.of("regionCode", villagesAt(lat + 0.05, lon, 1)[0], "location", Map.of("lat", lat + 0.05, "lon", lon)));

        IncidentChanged incident = events.await(IncidentChanged.class, e -> e.reportIds().contains(next));

        assertThat(incident.reportIds()).containsExactlyInAnyOrder(here, next);
        assertThat(processed(far).incidentId()).isNull();
    }

    @Test
    void onlyReportsWithin48HoursOfEachOtherJoin() {
        String village = "35.07.03.2001";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
        UUID fourDaysAgo = submit(Map.of("regionCode", village, "occurredAt", now.minusHours(100).toString()));
        UUID anHourAgo = submit(Map.of("regionCode", village, "occurredAt", now.minusHours(1).toString()));
        assertThat(processed(anHourAgo).incidentId()).as("99 hours apart").isNull();

        UUID yesterday = submit(Map.of("regionCode", village, "occurredAt", now.minusHours(40).toString()));
        IncidentChanged incident = events.await(IncidentChanged.class, e -> e.reportIds().contains(yesterday));

        // 39 hours from the recent one, 60 from the old one
        assertThat(incident.reportIds()).containsExactlyInAnyOrder(anHourAgo, yesterday).doesNotContain(fourDaysAgo);
    }

    private UUID submit(Map<String, Object> changes) {
        var body = Reports.with(Reports.moneyPoliticsInJember(), "description", TEXT);
        body.putAll(changes);
        return UUID.fromString(Reports.submit(port, body).get("id").asString());
    }

    private ReportSubmitted processed(UUID report) {
        return events.await(ReportSubmitted.class, e -> e.reportId().equals(report));
    }

    /** The first {@code count} villages of the district that contains the point. */
    private String[] villagesAt(double lat, double lon, int count) {
        JsonNode found = Http.api(port).get("/api/v1/regions/locate?lat=" + lat + "&lon=" + lon).json();
        String district = found.get("district").get("code").asString();
        assertThat(district).as("a point in Kediri").startsWith("35.06.");
        JsonNode villages = Http.api(port).get("/api/v1/regions?parent=" + district + "&size=" + count).json().get("items");
        String[] codes = new String[count];
        for (int i = 0; i < count; i++) {
            codes[i] = villages.get(i).get("code").asString();
        }
        return codes;
    }
}
