package cl.ventanilla.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for Google's Gemini API on a loopback port, inside the tests' JVM, that the server is pointed at
 * ({@code GEMINI_BASE_URL}, a test key): the tests never reach Google. Switched off (the default) it answers
 * like a model that gives nothing usable (words, not the JSON asked for), so the application says its assistant is not available, as without
 * a key, and no circuit breaker opens; switched on it writes the summary the test chose. It keeps each request
 * body so a test can check what left the application.
 */
final class FakeGemini {

    static final String KEY = "clave-de-prueba-sistema";
    static final String MODEL = "gemini-prueba";

    private static FakeGemini running;

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile String summary;

    private FakeGemini(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static synchronized FakeGemini start(int port) throws IOException {
        if (running == null) {
            running = new FakeGemini(port);
        }
        return running;
    }

    static FakeGemini running() {
        return running;
    }

    /** From now on, a summary request is answered with this text; null switches the model off again. */
    void writeSummaries(String text) {
        summary = text;
    }

    /** The request bodies received so far, oldest first. */
    List<String> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(body);
        boolean key = KEY.equals(exchange.getRequestHeaders().getFirst("x-goog-api-key"));
        String text = summary;
        // off, or anything but a summary (the citizens' questions): words instead of the JSON asked for, which
        // the application counts as no answer (not as a failure of the provider)
        String answer = key && text != null && body.contains("<cifras>")
                ? Json.createObjectBuilder().add("resumen", text).build().toString() : "Sin respuesta.";
        byte[] reply = Json.createObjectBuilder()
                .add("candidates", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("content", Json.createObjectBuilder()
                                .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", answer)))
                                .add("role", "model"))
                        .add("finishReason", "STOP")
                        .add("index", 0)))
                .add("modelVersion", MODEL)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(key ? 200 : 403, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }
}
