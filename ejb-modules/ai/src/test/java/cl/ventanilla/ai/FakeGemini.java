package cl.ventanilla.ai;

import static cl.ventanilla.kernel.JsonText.JSON;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A stand-in for Google's Gemini API on a loopback port ({@code GEMINI_IT_PORT}), inside the test's JVM:
 * it checks every request as the real API would receive it (method, path, key header, JSON shape, the
 * system instruction, the JSON answer asked for) and that no RUT, e-mail or phone number is in it, and
 * answers what the test scripted: a recorded-style answer, an error (500, 429), a body that is not JSON,
 * or a late answer. Unscripted requests get an answer that chooses the first service it was offered.
 */
final class FakeGemini {

    static final String PATH = "/v1beta/models/gemini-prueba:generateContent";
    static final String KEY = "clave-de-prueba-ai-it";
    private static final Pattern RUT = Pattern.compile("\\d{1,2}\\.?\\d{3}\\.?\\d{3}\\s*-\\s*[\\dkK]");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    private static final Pattern PHONE = Pattern.compile("(\\+?56[\\s-]?)?9[\\s-]?\\d{4}[\\s-]?\\d{4}");

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static FakeGemini running;

    private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** What the fake answers to one request. */
    record Reply(int status, String body, long delayMillis) {

        /** A recorded-style generateContent answer whose model text is {@code text}. */
        static Reply text(String text) {
            return new Reply(200, JSON.createObjectBuilder()
                    .add("candidates", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                            .add("content", JSON.createObjectBuilder()
                                    .add("parts", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("text", text)))
                                    .add("role", "model"))
                            .add("finishReason", "STOP")
                            .add("index", 0)))
                    .add("usageMetadata", JSON.createObjectBuilder().add("promptTokenCount", 1161)
                            .add("candidatesTokenCount", 58).add("totalTokenCount", 1219))
                    .add("modelVersion", "gemini-prueba")
                    .build().toString(), 0);
        }

        /** The model's JSON answer choosing these services with this text. */
        static Reply choosing(String respuesta, Object... ids) {
            var servicios = JSON.createArrayBuilder();
            for (Object id : ids) {
                servicios.add(id.toString());
            }
            return text(JSON.createObjectBuilder().add("servicios", servicios).add("respuesta", respuesta).build().toString());
        }

        static Reply error(int status, String reason) {
            return new Reply(status, "{\"error\": {\"code\": " + status + ", \"message\": \"" + reason
                    + "\", \"status\": \"" + (status == 429 ? "RESOURCE_EXHAUSTED" : "INTERNAL") + "\"}}", 0);
        }

        Reply late(long millis) {
            return new Reply(status, body, millis);
        }
    }

    /** A request as the fake received it, with what it found wrong in it (nothing, for a good request). */
    record Received(String method, String path, String query, String key, String body, JsonObject json,
            List<String> problems) {

        String systemInstruction() {
            return json.getJsonObject("systemInstruction").getJsonArray("parts").getJsonObject(0).getString("text");
        }

        String userText() {
            return json.getJsonArray("contents").getJsonObject(0).getJsonArray("parts").getJsonObject(0).getString("text");
        }

        List<String> offeredIds() {
            return json.getJsonObject("generationConfig").getJsonObject("responseSchema").getJsonObject("properties")
                    .getJsonObject("servicios").getJsonObject("items").getJsonArray("enum")
                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    static synchronized FakeGemini running() throws IOException {
        if (running == null) {
            FakeGemini fake = new FakeGemini();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
                    Integer.parseInt(System.getenv("GEMINI_IT_PORT"))), 16);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            running = fake;
        }
        return running;
    }

    void reset() {
        script.clear();
        received.clear();
    }

    void answer(Reply... replies) {
        script.addAll(List.of(replies));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        JsonObject json = null;
        if (!"POST".equals(exchange.getRequestMethod())) {
            problems.add("method " + exchange.getRequestMethod());
        }
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            problems.add("path " + exchange.getRequestURI().getPath());
        }
        String key = exchange.getRequestHeaders().getFirst("x-goog-api-key");
        if (!KEY.equals(key)) {
            problems.add("key " + key);
        }
        if (exchange.getRequestURI().getQuery() != null && exchange.getRequestURI().getQuery().contains("key=")) {
            problems.add("the key travels in the URL");
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            json = reader.readObject();
            if (json.getJsonObject("systemInstruction").getJsonArray("parts").getJsonObject(0).getString("text").isBlank()) {
                problems.add("empty system instruction");
            }
            if (json.getJsonArray("contents").size() != 1
                    || !"user".equals(json.getJsonArray("contents").getJsonObject(0).getString("role"))
                    || json.getJsonArray("contents").getJsonObject(0).getJsonArray("parts").getJsonObject(0).getString("text").isBlank()) {
                problems.add("contents is not one user part");
            }
            if (!"application/json".equals(json.getJsonObject("generationConfig").getString("responseMimeType"))) {
                problems.add("no JSON answer asked for");
            }
        } catch (RuntimeException e) {
            problems.add("body is not a generateContent request: " + e);
        }
        // the catalog's service ids are UUIDs, whose first group reads like a RUT ("30000000-0")
        String withoutIds = UUID_TEXT.matcher(body).replaceAll("<id>");
        for (Pattern personal : List.of(RUT, EMAIL, PHONE)) {
            if (personal.matcher(withoutIds).find()) {
                problems.add("personal data in the request: " + personal.matcher(withoutIds).results().map(r -> r.group()).toList());
            }
        }
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(), key, body, json, List.copyOf(problems));
        received.add(request);
        Reply reply = !problems.isEmpty() ? Reply.error(400, "Invalid request: " + problems.get(0).replace('"', '\''))
                : script.isEmpty() ? Reply.choosing("Este es el trámite que corresponde.", request.offeredIds().get(0))
                : script.poll();
        try {
            Thread.sleep(reply.delayMillis());
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the client gave up waiting (the timeout under test)
        } finally {
            exchange.close();
        }
    }
}
