package id.pantau.network;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import id.pantau.support.Clients;
import id.pantau.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Volunteers for the network tests, made through the API, with unique phone numbers. */
final class VolunteerFixtures {

    private static final AtomicInteger PHONES = new AtomicInteger();

    private VolunteerFixtures() {
    }

    /** PUT with a JSON body (the shared test client has no PUT). */
    static Http.Response put(int port, String token, String path, Object body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body))).build();
            return new Http.Response(java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The fields named in a problem's errors. */
    static java.util.List<String> fields(Http.Response response) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    /** A fresh mobile number, 0813 + 8 digits, unique in this run. */
    static String phone() {
        return "0813" + String.format("%08d", (ProcessHandle.current().pid() % 10_000) * 10_000 + PHONES.incrementAndGet());
    }

    static Map<String, Object> signup(String name, String regionCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("phone", phone());
        body.put("regionCode", regionCode);
        body.put("consent", true);
        return body;
    }

    /** Signs up as a new visitor; returns the 201 body. */
    static JsonNode signUp(int port, Map<String, Object> body) {
        Http.Response response = Clients.fresh(port).post("/api/v1/volunteers/signup", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** Signs up and approves as {@code managerToken}; returns the approval body (volunteer and account). */
    static JsonNode approved(int port, String managerToken, String name, String regionCode) {
        long id = signUp(port, signup(name, regionCode)).get("id").asLong();
        Http.Response approval = Http.api(port).bearer(managerToken).post("/api/v1/volunteers/" + id + "/approve", "");
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        return approval.json();
    }
}
