package fr.passerelle.demo.sp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.token.AccessToken;

/** Asks the data provider for the signed-in person's data, showing it the SP's access token. */
public final class DataProviderClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI dataEndpoint;

    public DataProviderClient(String dataProviderUrl) {
        this.dataEndpoint = URI.create(dataProviderUrl.replaceAll("/+$", "") + "/api/data");
    }

    public DataResult fetch(AccessToken accessToken) {
        HttpRequest request = HttpRequest.newBuilder(dataEndpoint)
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", accessToken.toAuthorizationHeader())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = JSONObjectUtils.parse(response.body());
            if (response.statusCode() == 200) {
                return DataResult.data(JSONObjectUtils.getStringList(body, "scope"), JSONObjectUtils.getJSONObject(body, "data"));
            }
            Object error = body.get("error");
            return DataResult.error(response.statusCode(), error == null ? "http_" + response.statusCode() : error.toString());
        } catch (IOException e) {
            return DataResult.error(0, "unreachable");
        } catch (ParseException e) {
            return DataResult.error(0, "other");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DataResult.error(0, "unreachable");
        }
    }

    /**
     * What the data provider answered: the granted scopes and their fields, or an HTTP status and error code.
     */
    public record DataResult(int status, String error, List<String> scopes, Map<String, Object> fields) {

        public DataResult {
            scopes = scopes == null ? List.of() : new ArrayList<>(scopes);
            fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
        }

        static DataResult data(List<String> scopes, Map<String, Object> fields) {
            return new DataResult(200, null, scopes, fields);
        }

        static DataResult error(int status, String error) {
            return new DataResult(status, error, List.of(), Map.of());
        }

        public boolean isError() {
            return error != null;
        }
    }
}
