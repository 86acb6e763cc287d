package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every system test stands on: the built EAR on a real Payara Server (started once for the whole
 * run, see {@link VentanillaServer}), with its real SMTP server ({@link Mailbox}).
 */
@ExtendWith(SystemTest.Server.class)
abstract class SystemTest {

    static VentanillaServer server;

    /** A JSON body posted with a bearer token. */
    static HttpResponse<String> post(String token, String path, JsonObject body) throws Exception {
        return server.send("POST", path, body.toString(), "Content-Type", "application/json",
                "Authorization", "Bearer " + token);
    }

    /** The id of what a 201 answer created. */
    static String created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return VentanillaServer.json(response.body()).asJsonObject().getString("id");
    }

    static class Server implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            server = VentanillaServer.start(context);
        }
    }
}
