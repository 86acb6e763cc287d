package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client that says {@code Content-Type: application/json} and sends no body (many HTTP clients do on
 * a POST without payload) is not sending unreadable JSON: every operation of the API, as its OpenAPI
 * document lists them, answers it without the "could not read" problem; one whose body is optional
 * (finishing a ticket) does its work, one that needs a body says what is missing.
 */
class EmptyBodyIT extends SystemTest {

    private static final Set<String> WITH_BODY = Set.of("post", "put", "patch", "delete");

    @Test
    void noOperationTakesAnEmptyJsonBodyForUnreadableJson() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        HttpResponse<String> document = server.get("/openapi", "Accept", "application/json");
        assertEquals(200, document.statusCode(), document.body());
        JsonObject paths = VentanillaServer.json(document.body()).asJsonObject().getJsonObject("paths");

        List<String> unreadable = new ArrayList<>();
        int optional = 0;
        int asked = 0;
        for (String path : paths.keySet()) {
            for (var operation : paths.getJsonObject(path).entrySet()) {
                if (!WITH_BODY.contains(operation.getKey()) || operation.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                    continue;
                }
                JsonObject body = operation.getValue().asJsonObject().getJsonObject("requestBody");
                boolean bodyOptional = body == null || !body.getBoolean("required", false);
                // ids that exist nowhere: the operations answer 404 or refuse, and change nothing
                String concrete = (path.startsWith("/api/") ? path : "/api" + path)
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                HttpResponse<String> answer = server.send(operation.getKey().toUpperCase(), concrete, "",
                        "Content-Type", "application/json", "Authorization", "Bearer " + admin);
                asked++;
                optional += bodyOptional ? 1 : 0;
                if (answer.statusCode() == 400 && answer.body().contains("\"code\":\"http.400\"")) {
                    unreadable.add(operation.getKey().toUpperCase() + " " + path + " → " + answer.body());
                }
                if (concrete.endsWith("/logout")) {
                    admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
                }
            }
        }
        assertTrue(asked > 40 && optional > 10, "the document lists the API: " + asked + " operations, " + optional
                + " without a required body");
        assertEquals(List.of(), unreadable, "an empty JSON body is no body, never unreadable JSON");

        HttpResponse<String> finish = server.send("POST", "/api/queue/tickets/" + UUID.randomUUID() + "/finish", "",
                "Content-Type", "application/json", "Authorization", "Bearer " + admin, "Accept-Language", "en");
        assertEquals(404, finish.statusCode(), "read past the body to the ticket, which does not exist: " + finish.body());
        HttpResponse<String> issue = server.send("POST", "/api/queue/tickets", "",
                "Content-Type", "application/json", "Authorization", "Bearer " + admin, "Accept-Language", "en");
        assertEquals(400, issue.statusCode(), issue.body());
        assertTrue(issue.body().contains("Choose a service."), "a required body is said to be missing: " + issue.body());
    }
}
