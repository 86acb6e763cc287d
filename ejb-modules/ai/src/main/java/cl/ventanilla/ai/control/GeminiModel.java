package cl.ventanilla.ai.control;

import static cl.ventanilla.kernel.JsonText.JSON;

import cl.ventanilla.ai.entity.Prompt;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Google Gemini over its REST API: {@code POST {base}/v1beta/models/{model}:generateContent} with the key
 * in the {@code x-goog-api-key} header (never in the URL, which proxies log), the rules as
 * {@code systemInstruction}, the data as the one user part, and a JSON answer asked for with
 * {@code responseMimeType} and {@code responseSchema}. The whole exchange must end within
 * {@code GEMINI_TIMEOUT} milliseconds. Configuration: {@code GEMINI_API_KEY} (no default: without it the
 * assistant is unavailable), {@code GEMINI_MODEL}, {@code GEMINI_BASE_URL} (tests point it at a fake),
 * {@code GEMINI_TIMEOUT}.
 */
@ApplicationScoped
public class GeminiModel implements AssistantModel {

    private static final Logger LOG = Logger.getLogger(GeminiModel.class.getName());

    @Inject
    @ConfigProperty(name = "gemini.api.key")
    Optional<String> key;

    @Inject
    @ConfigProperty(name = "gemini.model", defaultValue = "gemini-2.0-flash")
    String model;

    @Inject
    @ConfigProperty(name = "gemini.base.url", defaultValue = "https://generativelanguage.googleapis.com")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "gemini.timeout", defaultValue = "8000")
    long timeoutMillis;

    private HttpClient client;

    public GeminiModel() {
    }

    /** A model outside a container, configured by hand (tests). */
    GeminiModel(Optional<String> key, String model, String baseUrl, long timeoutMillis) {
        this.key = key;
        this.model = model;
        this.baseUrl = baseUrl;
        this.timeoutMillis = timeoutMillis;
        connect();
    }

    @PostConstruct
    void connect() {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMillis))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        LOG.info(() -> configured()
                ? "Asistente: Gemini " + model + " en " + baseUrl + " (espera máxima " + timeoutMillis + " ms)"
                : "Asistente sin GEMINI_API_KEY: responde solo con el catálogo y dice que no está disponible.");
    }

    @Override
    public boolean configured() {
        return key.filter(k -> !k.isBlank()).isPresent();
    }

    @Override
    public String name() {
        return "gemini/" + model;
    }

    @Override
    public String complete(Prompt prompt) {
        try {
            return exchange(prompt);
        } catch (ModelUnavailable e) {
            // never the prompt: it holds what a citizen wrote
            LOG.warning(() -> "Gemini sin respuesta: " + e.getMessage());
            throw e;
        }
    }

    private String exchange(Prompt prompt) {
        String apiKey = key.filter(k -> !k.isBlank()).orElseThrow(() -> new ModelUnavailable("sin GEMINI_API_KEY"));
        HttpRequest request = HttpRequest.newBuilder(endpoint())
                .timeout(Duration.ofMillis(timeoutMillis))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .header("x-goog-api-key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(prompt).toString(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            // the whole exchange, body included, within the limit (HttpRequest's timeout stops at the headers)
            response = exchange.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ModelUnavailable("Gemini no respondió en " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelUnavailable("interrumpido esperando a Gemini", e);
        } catch (ExecutionException e) {
            throw new ModelUnavailable("Gemini no responde: " + e.getCause(), e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new ModelUnavailable("Gemini respondió HTTP " + response.statusCode());
        }
        return answerText(response.body());
    }

    URI endpoint() {
        return URI.create(baseUrl.replaceAll("/+$", "") + "/v1beta/models/"
                + URLEncoder.encode(model, StandardCharsets.UTF_8) + ":generateContent");
    }

    /** The generateContent request for a prompt. */
    static JsonObject requestBody(Prompt prompt) {
        JsonObjectBuilder generation = JSON.createObjectBuilder()
                .add("temperature", 0.2)
                .add("maxOutputTokens", 600);
        if (prompt.answerSchema() != null) {
            generation.add("responseMimeType", "application/json").add("responseSchema", prompt.answerSchema());
        }
        return JSON.createObjectBuilder()
                .add("systemInstruction", JSON.createObjectBuilder()
                        .add("parts", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("text", prompt.instruction()))))
                .add("contents", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("role", "user")
                        .add("parts", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("text", prompt.userText())))))
                .add("generationConfig", generation)
                .build();
    }

    /** {@code candidates[0].content.parts[*].text} of a generateContent response. */
    static String answerText(String body) {
        try (var reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            JsonObject response = reader.readObject();
            JsonArray candidates = response.getJsonArray("candidates");
            if (candidates == null || candidates.isEmpty()) {
                throw new ModelUnavailable("Gemini no dio respuesta (" + response.getOrDefault("promptFeedback", JsonValue.NULL) + ")");
            }
            JsonObject content = candidates.getJsonObject(0).getJsonObject("content");
            JsonArray parts = content == null ? null : content.getJsonArray("parts");
            if (parts == null || parts.isEmpty()) {
                throw new ModelUnavailable("Gemini respondió sin texto (" + candidates.getJsonObject(0).getString("finishReason", "?") + ")");
            }
            StringBuilder text = new StringBuilder();
            parts.getValuesAs(JsonObject.class).forEach(part -> text.append(part.getString("text", "")));
            return text.toString();
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            throw new ModelUnavailable("Gemini respondió algo que no es JSON legible", e);
        }
    }
}
