package id.pantau.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.support.Clients;
import id.pantau.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Report bodies for tests, named for the situation they describe. */
public final class Reports {

    private Reports() {
    }

    /** An anonymous report of money politics in a village of Jember, seen an hour ago. */
    public static Map<String, Object> moneyPoliticsInJember() {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "MONEY_POLITICS");
        body.put("subcategory", "MONEY_CASH");
        body.put("title", "Pembagian amplop");
        body.put("description", "Amplop berisi uang dibagikan kepada warga di depan Masjid Al Ikhlas oleh tim sukses.");
        body.put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(1).withNano(0).toString());
        body.put("regionCode", "35.09.01.2001");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
        Map<String, Object> copy = new HashMap<>(body);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return copy;
    }

    public static Map<String, Object> identified(Map<String, Object> body) {
        return with(body, "reporter", Map.of("name", "Budi Santoso", "nik", "3509011201850001", "phone", "081234567890",
                "email", "budi@example.id", "address", "Jl. Mawar 12, Jember"),
                "witnesses", List.of(Map.of("name", "Siti Aminah", "contact", "085711112222")));
    }

    /** Submits as a new anonymous visitor and returns the 201 body. */
    public static JsonNode submit(int port, Map<String, Object> body) {
        Http.Response response = Clients.fresh(port).post("/api/v1/reports", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
