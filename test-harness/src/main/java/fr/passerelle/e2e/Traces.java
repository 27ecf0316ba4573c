package fr.passerelle.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The broker's trace table, read through the admin-only REST read {@code /admin/realms/{realm}/passerelle-traces}
 * (every stored column, same code path on H2 and PostgreSQL).
 */
final class Traces {

    private Traces() {
    }

    static List<JsonNode> ofIdentity(PasserelleServer server, String identityKey) {
        return list(server.admin().get("/admin/realms/passerelle/passerelle-traces?identityKey=" + identityKey));
    }

    static List<JsonNode> all(PasserelleServer server) {
        return list(server.admin().get("/admin/realms/passerelle/passerelle-traces"));
    }

    static List<String> events(List<JsonNode> traces) {
        return traces.stream().map(t -> t.get("event").asText()).toList();
    }

    /** Status of the read without the admin's token. */
    static int anonymousStatus(PasserelleServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/passerelle/passerelle-traces")).build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
