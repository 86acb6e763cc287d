package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client that says {@code Content-Type: application/json} and sends no body (many HTTP clients do on
 * a POST without payload) is not sending unreadable JSON: every operation of the API that takes a body or
 * none answers it without the "could not read" problem; one whose body is optional (finishing a ticket)
 * does its work, one that needs a body says what is missing. The list is every POST, PUT and DELETE of
 * {@code web-modules/api} (the server publishes no OpenAPI document at {@code /openapi} beside the portal).
 */
class EmptyBodyIT extends SystemTest {

    /** Every operation that changes something; ids that exist nowhere, so none changes anything. */
    private static final List<String> OPERATIONS = List.of(
            "POST /api/ai/preguntas", "POST /api/appointments", "DELETE /api/appointments/{code}",
            "POST /api/appointments/{code}/reschedule", "POST /api/appointments/{id}/no-show",
            "POST /api/appointments/unit/{unitId}/closures", "POST /api/auth/login", "POST /api/auth/password-reset",
            "POST /api/auth/password-reset/confirm", "PUT /api/auth/me/password", "POST /api/auth/users",
            "PUT /api/auth/users/{id}", "POST /api/auth/users/{id}/deactivate", "POST /api/auth/users/{id}/activate",
            "POST /api/auth/users/{id}/force-reset", "POST /api/backups", "PUT /api/backups/schedules/{kind}",
            "POST /api/config/directorates", "PUT /api/config/directorates/{id}",
            "POST /api/config/directorates/{id}/deactivate", "POST /api/config/directorates/{id}/activate",
            "POST /api/config/holidays", "PUT /api/config/holidays/{id}", "POST /api/config/holidays/{id}/deactivate",
            "POST /api/config/holidays/{id}/activate", "POST /api/config/services", "PUT /api/config/services/{id}",
            "POST /api/config/services/{id}/deactivate", "POST /api/config/services/{id}/activate",
            "POST /api/config/stations", "PUT /api/config/stations/{id}", "POST /api/config/stations/{id}/deactivate",
            "POST /api/config/stations/{id}/activate", "POST /api/config/units", "PUT /api/config/units/{id}",
            "POST /api/config/units/{id}/deactivate", "POST /api/config/units/{id}/activate",
            "PUT /api/config/units/{id}/opening-hours", "POST /api/config/units/{id}/closures",
            "PUT /api/config/units/{id}/priority-rules", "POST /api/notifications/{id}/retry",
            "POST /api/queue/tickets", "POST /api/queue/check-in", "POST /api/queue/stations/{id}/call-next",
            "POST /api/queue/stations/{id}/pause", "POST /api/queue/stations/{id}/resume",
            "POST /api/queue/tickets/{id}/recall", "POST /api/queue/tickets/{id}/no-show",
            "POST /api/queue/tickets/{id}/start", "POST /api/queue/tickets/{id}/finish",
            "POST /api/queue/tickets/{id}/transfer", "POST /api/queue/tickets/{id}/park",
            "POST /api/queue/tickets/{id}/resume", "POST /api/statistics/rebuild", "POST /api/auth/logout");

    @Test
    void noOperationTakesAnEmptyJsonBodyForUnreadableJson() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        List<String> unreadable = new ArrayList<>();
        for (String operation : OPERATIONS) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            HttpResponse<String> answer = server.send(method, path, "", "Content-Type", "application/json",
                    "Authorization", "Bearer " + admin);
            if (answer.statusCode() == 400 && answer.body().contains("\"code\":\"http.400\"")) {
                unreadable.add(operation + " → " + answer.body());
            }
        }
        assertEquals(List.of(), unreadable, "an empty JSON body is no body, never unreadable JSON");

        admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        HttpResponse<String> finish = server.send("POST", "/api/queue/tickets/" + UUID.randomUUID() + "/finish", "",
                "Content-Type", "application/json", "Authorization", "Bearer " + admin, "Accept-Language", "en");
        assertEquals(404, finish.statusCode(), "read past the body to the ticket, which does not exist: " + finish.body());
        HttpResponse<String> issue = server.send("POST", "/api/queue/tickets", "",
                "Content-Type", "application/json", "Authorization", "Bearer " + admin, "Accept-Language", "en");
        assertEquals(400, issue.statusCode(), issue.body());
        assertTrue(issue.body().contains("Choose a service."), "a required body is said to be missing: " + issue.body());
        HttpResponse<String> malformed = server.send("POST", "/api/queue/tickets/" + UUID.randomUUID() + "/finish",
                "{\"outcome\": ", "Content-Type", "application/json", "Authorization", "Bearer " + admin);
        assertEquals(400, malformed.statusCode(), "a body that is there and broken is still unreadable: " + malformed.body());
    }
}
