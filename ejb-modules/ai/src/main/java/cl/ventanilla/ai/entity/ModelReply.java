package cl.ventanilla.ai.entity;

import static cl.ventanilla.kernel.JsonText.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the model answered, checked before a citizen sees it. Only ids of the services it was given
 * survive (an invented id, a service of another list, a repeated one are dropped; three at most). The
 * text is kept only when it is plain: not too long, without prices or amounts and without links (the
 * links are ours, from the catalog); otherwise it is left out and the screen uses its own sentence. The
 * requirements a citizen reads never come from this text but from the catalog.
 */
public record ModelReply(List<UUID> serviceIds, Optional<String> text) {

    public static final int MAXIMUM_SERVICES = 3;
    static final int TEXT_LENGTH = 700;

    private static final Pattern PRICES = Pattern.compile(
            "(\\$\\s*\\d)|(\\d[\\d.,]*\\s*(pesos|clp|uf|utm|usd|d[oó]lares|dollars))|(\\b(uf|utm|clp)\\s*\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LINKS = Pattern.compile("(https?://|www\\.|\\.cl/|\\.com/)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public ModelReply {
        serviceIds = List.copyOf(serviceIds);
    }

    /**
     * Reads the model's JSON ({@code {"servicios": [...], "respuesta": "..."}}) keeping only the allowed
     * ids. Empty when the text is not that JSON at all.
     */
    public static Optional<ModelReply> parse(String json, Collection<UUID> allowed) {
        Optional<JsonObject> object = object(json);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> permitted = Set.copyOf(allowed);
        List<UUID> ids = new ArrayList<>();
        JsonValue servicios = object.get().get("servicios");
        if (servicios instanceof JsonArray array) {
            for (JsonValue value : array) {
                uuid(value).filter(permitted::contains).filter(id -> !ids.contains(id))
                        .filter(id -> ids.size() < MAXIMUM_SERVICES).ifPresent(ids::add);
            }
        }
        return Optional.of(new ModelReply(ids, plain(string(object.get(), "respuesta"))));
    }

    /** Reads a summary ({@code {"resumen": "..."}}); empty when it is not that JSON or the text is not plain. */
    public static Optional<String> summary(String json) {
        return object(json).flatMap(o -> plain(string(o, "resumen")));
    }

    /** The text when it may be shown as it is: trimmed, not blank, short enough, no prices, no links. */
    static Optional<String> plain(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String single = SPACES.matcher(text).replaceAll(" ").strip();
        if (single.isEmpty() || single.length() > TEXT_LENGTH || PRICES.matcher(single).find()
                || LINKS.matcher(single).find()) {
            return Optional.empty();
        }
        return Optional.of(single);
    }

    private static Optional<JsonObject> object(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try (var reader = JSON.createReader(new StringReader(withoutFence(json)))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Models sometimes wrap JSON in a Markdown fence even when asked not to. */
    private static String withoutFence(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("```")) {
            int start = trimmed.indexOf('\n');
            int end = trimmed.lastIndexOf("```");
            if (start > 0 && end > start) {
                return trimmed.substring(start + 1, end);
            }
        }
        return trimmed;
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString text ? text.getString() : null;
    }

    private static Optional<UUID> uuid(JsonValue value) {
        if (!(value instanceof JsonString text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.getString().strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
