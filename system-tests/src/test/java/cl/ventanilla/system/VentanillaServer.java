package cl.ventanilla.system;

import cl.ventanilla.kernel.testing.TestDatabase;
import cl.ventanilla.payara.Launcher;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built EAR on a real Payara Server, started once for all system tests through the same launcher
 * as the run command, against the test PostgreSQL and Redis named by the environment. Stopped when the
 * test JVM's root context closes.
 */
final class VentanillaServer implements ExtensionContext.Store.CloseableResource, Site {

    private static VentanillaServer running;

    private final Launcher launcher;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private VentanillaServer(Launcher launcher) {
        this.launcher = launcher;
    }

    static synchronized VentanillaServer start(ExtensionContext context) throws Exception {
        if (running == null) {
            TestDatabase.recreate();
            Map<String, String> environment = new HashMap<>(System.getenv());
            Path root = Path.of(System.getProperty("ventanilla.root"));
            Path home = Path.of(System.getProperty("ventanilla.home"));
            int portBase = Integer.parseInt(System.getProperty("ventanilla.portBase"));
            // the citizens' inbox: a real SMTP server the application sends to
            Mailbox.start(portBase + 25);
            environment.put("SMTP_HOST", "127.0.0.1");
            environment.put("SMTP_PORT", String.valueOf(portBase + 25));
            environment.put("SMTP_FROM", "no-responder@valleverde.example.cl");
            environment.put("VENTANILLA_PUBLIC_URL", "http://127.0.0.1:" + (portBase + 80));
            // backups: into the home, the repository's gateway and proxy configuration as "the configuration", no
            // schedule (BackupsFlowIT runs them on demand; the timers' exactly-once is proven on the cluster)
            environment.put("BACKUP_DIR", home.resolve("respaldos").toString());
            environment.put("BACKUP_CONFIG_PATHS", root.resolve("infrastructure/nginx") + ":" + root.resolve("infrastructure/haproxy"));
            for (String kind : java.util.List.of("DB", "CONFIGS", "CLEANUP")) {
                environment.put("BACKUP_" + kind + "_SCHEDULE", "off");
            }
            // the tests stand in for the gateway: X-Forwarded-For is believed from loopback only
            environment.put("VENTANILLA_TRUSTED_PROXIES", "127.0.0.1/32,::1/128");
            // the tests take tickets whenever the suite runs, at night and on holidays too: only a unit's own
            // closures refuse them here (ClosedUnitIT); QueueIT proves the opening hours with its own clock
            environment.put("VENTANILLA_QUEUE_ANY_HOUR", "true");
            // the assistant's model is a fake in this JVM (test questions never reach Google): switched off it
            // gives nothing usable, so the application answers as a municipality without a key does
            FakeGemini.start(portBase + 31);
            environment.put("GEMINI_API_KEY", FakeGemini.KEY);
            environment.put("GEMINI_MODEL", FakeGemini.MODEL);
            environment.put("GEMINI_BASE_URL", "http://127.0.0.1:" + (portBase + 31));
            environment.put("GEMINI_TIMEOUT", "5000");
            // a key rotated out before this start: its tokens stay valid while it is listed (TokensIT)
            environment.put("VENTANILLA_JWT_VERIFICATION_KEYS", TokensIT.previousKey(home).toString());
            // the domain survives between runs in target/; its log should tell only about this run
            java.nio.file.Files.deleteIfExists(home.resolve("payara6/glassfish/domains/ventanilla/logs/server.log"));
            running = new VentanillaServer(Launcher.start(environment, home, root, portBase));
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(VentanillaServer.class, running);
        }
        return running;
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + launcher.httpPort() + path);
    }

    Path serverLog() {
        return launcher.serverLog();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static jakarta.json.JsonStructure json(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    @Override
    public void close() {
        launcher.close();
        running = null;
    }
}
