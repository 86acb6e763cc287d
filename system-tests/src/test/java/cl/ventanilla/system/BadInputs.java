package cl.ventanilla.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Bad requests for one operation of the OpenAPI document, made from what the document says about it alone:
 * each case breaks something the document declares (a type, format, pattern, enumeration, length, bound,
 * required field, the absence of other fields or parameters), so the server must refuse every one of them.
 * The rest of each request is valid as far as the document can tell (examples, first enum values, formats).
 */
final class BadInputs {

    /** A request to make: the path with its query, and the body (null for none). */
    record Case(String what, String path, String body) {
    }

    static final String SCRIPT = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
    static final String SQL = "'; DROP TABLE usuarios; --' OR '1'='1";
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-00000000dead";
    /** Four times the bodies the API reads (64 KB). */
    static final int HUGE_BODY_BYTES = 256 * 1024;
    /** Levels of nesting, kept under the body limit so that the parser, not the limit, meets them. */
    static final int NESTING = 20_000;
    /** The API's body limit (README, "Limits a user can reach"). */
    static final int BODY_LIMIT = 64 * 1024;
    /** Wrong check digits, a zero, nine digits, no check digit, letters: RUTs no person has. */
    static final List<String> BAD_RUTS = List.of("12.345.678-9", "12345678-K", "0-0", "00000000-0", "100.000.000-K",
            "12345678", "12.345.678-", "-5", "12.345.678-55", "1.2.3-4", "12a45678-5", "１２３４５６７８-５");

    /** Text values tried per field (the bad RUTs all: they are the point of a RUT field). */
    static final int MAX_TEXTS = 5;

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    private final JsonObject document;
    private final String template;
    private final JsonObject operation;

    BadInputs(JsonObject document, String template, JsonObject operation) {
        this.document = document;
        this.template = template;
        this.operation = operation;
    }

    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        List<JsonObject> parameters = parameters();
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonObject parameter : parameters) {
            String value = stringSample(schema(parameter), parameter.getString("name"));
            if ("path".equals(parameter.getString("in"))) {
                path.put(parameter.getString("name"), value);
            } else if ("query".equals(parameter.getString("in")) && parameter.getBoolean("required", false)) {
                query.put(parameter.getString("name"), value);
            }
        }
        JsonObject bodySchema = bodySchema();
        String body = bodySchema == null ? null : sample(bodySchema, 0).toString();

        // an id nobody has, and ids that are not ids, in each path parameter
        for (JsonObject parameter : parameters) {
            String name = parameter.getString("name");
            String in = parameter.getString("in");
            List<String[]> bad = new ArrayList<>();
            if ("path".equals(in)) {
                bad.add(new String[] {"unknown id", UNKNOWN_ID});
                bad.add(new String[] {"SQL", SQL});
                bad.add(new String[] {"HTML", SCRIPT});
                bad.add(new String[] {"overlong", "9".repeat(3000)});
            }
            for (String[] value : violations(schema(parameter))) {
                bad.add(value);
            }
            if ("query".equals(in) && parameter.getBoolean("required", false)) {
                Map<String, String> without = new LinkedHashMap<>(query);
                without.remove(name);
                cases.add(new Case(in + " " + name + ": missing", url(path, without), body));
            }
            for (String[] value : bad) {
                Map<String, String> p = new LinkedHashMap<>(path);
                Map<String, String> q = new LinkedHashMap<>(query);
                (("path".equals(in)) ? p : q).put(name, value[1]);
                if ("path".equals(in) || "query".equals(in)) {
                    cases.add(new Case(in + " " + name + ": " + value[0], url(p, q), body));
                }
            }
        }
        // a parameter the operation does not have
        Map<String, String> unknown = new LinkedHashMap<>(query);
        unknown.put("parametroDesconocido", SCRIPT);
        cases.add(new Case("unknown query parameter", url(path, unknown), body));

        if (bodySchema != null) {
            String at = url(path, query);
            JsonObject resolved = resolve(bodySchema);
            boolean object = "object".equals(resolved.getString("type", "object"));
            cases.add(new Case("body: empty", at, ""));
            cases.add(new Case("body: null", at, "null"));
            cases.add(new Case("body: malformed JSON", at, "{\"a\": "));
            cases.add(new Case("body: wrong JSON type", at, object ? "[\"" + SCRIPT + "\"]" : "{\"a\": 1}"));
            cases.add(new Case("body: text", at, "\"" + SQL + "\""));
            cases.add(new Case("body: huge", at, "{\"a\": \"" + "x".repeat(HUGE_BODY_BYTES) + "\"}"));
            cases.add(new Case("body: deep nesting", at, "[".repeat(NESTING) + "]".repeat(NESTING)));
            if (object) {
                JsonObject base = sample(bodySchema, 0).asJsonObject();
                cases.add(new Case("body: unknown field", at,
                        Json.createObjectBuilder(base).add("campoDesconocido", SCRIPT).build().toString()));
                cases.add(new Case("body: deep nesting in a field", at, base.toString().replaceFirst("^\\{",
                        "{\"anidado\": " + "{\"a\": ".repeat(NESTING / 4) + "1" + "}".repeat(NESTING / 4) + ", ")));
                JsonObject properties = resolved.getJsonObject("properties");
                List<String> required = strings(resolved.getJsonArray("required"));
                if (properties != null) {
                    for (String property : properties.keySet()) {
                        JsonObject schema = properties.getJsonObject(property);
                        if (required.contains(property)) {
                            cases.add(new Case("body " + property + ": missing", at,
                                    Json.createObjectBuilder(base).remove(property).build().toString()));
                            cases.add(new Case("body " + property + ": null", at,
                                    Json.createObjectBuilder(base).add(property, JsonValue.NULL).build().toString()));
                        }
                        for (Map.Entry<String, JsonValue> bad : jsonViolations(schema, 0).entrySet()) {
                            cases.add(new Case("body " + property + ": " + bad.getKey(), at,
                                    Json.createObjectBuilder(base).add(property, bad.getValue()).build().toString()));
                        }
                    }
                }
            }
        }
        return cases;
    }

    // ---- the document

    private List<JsonObject> parameters() {
        List<JsonObject> parameters = new ArrayList<>();
        JsonArray declared = operation.getJsonArray("parameters");
        if (declared != null) {
            for (JsonValue parameter : declared) {
                JsonObject resolved = resolve(parameter.asJsonObject());
                if (!"header".equals(resolved.getString("in", "")) && !"cookie".equals(resolved.getString("in", ""))) {
                    parameters.add(resolved);
                }
            }
        }
        return parameters;
    }

    private JsonObject bodySchema() {
        JsonObject body = operation.getJsonObject("requestBody");
        if (body == null) {
            return null;
        }
        body = resolve(body);
        JsonObject content = body.getJsonObject("content");
        if (content == null || !content.containsKey("application/json")) {
            return null;
        }
        JsonObject schema = content.getJsonObject("application/json").getJsonObject("schema");
        return schema == null ? Json.createObjectBuilder().add("type", "object").build() : schema;
    }

    private JsonObject schema(JsonObject parameter) {
        JsonObject schema = parameter.getJsonObject("schema");
        return schema == null ? Json.createObjectBuilder().add("type", "string").build() : resolve(schema);
    }

    JsonObject resolve(JsonObject schema) {
        for (int hops = 0; schema.containsKey("$ref") && hops < 10; hops++) {
            String ref = schema.getString("$ref");
            JsonValue target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.asJsonObject().get(part);
            }
            schema = target.asJsonObject();
        }
        JsonArray allOf = schema.getJsonArray("allOf");
        if (allOf != null) {
            JsonObjectBuilder merged = Json.createObjectBuilder(schema).remove("allOf");
            JsonObjectBuilder properties = Json.createObjectBuilder();
            for (JsonValue part : allOf) {
                JsonObject resolved = resolve(part.asJsonObject());
                resolved.forEach((key, value) -> {
                    if (!key.equals("properties")) {
                        merged.add(key, value);
                    }
                });
                if (resolved.containsKey("properties")) {
                    resolved.getJsonObject("properties").forEach(properties::add);
                }
            }
            if (schema.containsKey("properties")) {
                schema.getJsonObject("properties").forEach(properties::add);
            }
            return merged.add("properties", properties).build();
        }
        return schema;
    }

    // ---- values the document accepts

    JsonValue sample(JsonObject declared, int depth) {
        JsonObject schema = resolve(declared);
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        String type = schema.getString("type", schema.containsKey("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                JsonObject properties = schema.getJsonObject("properties");
                if (properties != null && depth < 4) {
                    properties.forEach((name, property) -> object.add(name, sample(property.asJsonObject(), depth + 1)));
                }
                return object.build();
            }
            case "array" -> {
                JsonObject items = schema.getJsonObject("items");
                return items == null || depth >= 4 ? JsonValue.EMPTY_JSON_ARRAY
                        : Json.createArrayBuilder().add(sample(items, depth + 1)).build();
            }
            case "integer", "number" -> {
                long value = Math.max(1, schema.containsKey("minimum") ? schema.getJsonNumber("minimum").longValue() : 1);
                if (schema.containsKey("maximum")) {
                    value = Math.min(value, schema.getJsonNumber("maximum").longValue());
                }
                return Json.createValue(value);
            }
            case "boolean" -> {
                return JsonValue.TRUE;
            }
            default -> {
                return Json.createValue(stringSample(schema, null));
            }
        }
    }

    private String stringSample(JsonObject schema, String name) {
        if (schema.containsKey("example")) {
            JsonValue example = schema.get("example");
            return example instanceof jakarta.json.JsonString text ? text.getString() : example.toString();
        }
        if (schema.containsKey("enum")) {
            JsonValue first = schema.getJsonArray("enum").get(0);
            return first instanceof jakarta.json.JsonString text ? text.getString() : first.toString();
        }
        String type = schema.getString("type", "string");
        if (type.equals("integer") || type.equals("number")) {
            return sample(schema, 0).toString();
        }
        if (type.equals("boolean")) {
            return "true";
        }
        ZonedDateTime nextWeek = ZonedDateTime.now(SANTIAGO).plusDays(7).withHour(10).withMinute(0).withSecond(0).withNano(0);
        return switch (schema.getString("format", "")) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> nextWeek.toLocalDate().toString();
            case "date-time" -> nextWeek.toOffsetDateTime().toString();
            case "time" -> "10:00";
            case "rut" -> "12.345.678-5";
            case "email" -> "vecina@example.cl";
            default -> "Texto de prueba";
        };
    }

    // ---- values the document refuses

    /** Text values that break the schema of a parameter (or of a string field). */
    List<String[]> violations(JsonObject declared) {
        JsonObject schema = resolve(declared);
        List<String[]> bad = new ArrayList<>();
        String type = schema.getString("type", "string");
        switch (type) {
            case "integer", "number" -> {
                bad.add(new String[] {"not a number", "diez"});
                bad.add(new String[] {"HTML", SCRIPT});
                bad.add(new String[] {"overflow", "99999999999999999999"});
                if (schema.containsKey("minimum")) {
                    bad.add(new String[] {"below the minimum", String.valueOf(schema.getJsonNumber("minimum").longValue() - 1)});
                }
                if (schema.containsKey("maximum")) {
                    bad.add(new String[] {"above the maximum", String.valueOf(schema.getJsonNumber("maximum").longValue() + 1)});
                }
            }
            case "boolean" -> bad.add(new String[] {"not a boolean", "sí"});
            case "string" -> {
                String format = schema.getString("format", "");
                switch (format) {
                    case "uuid" -> {
                        bad.add(new String[] {"malformed id", "no-es-un-id"});
                        bad.add(new String[] {"SQL", SQL});
                        bad.add(new String[] {"HTML", SCRIPT});
                    }
                    case "date" -> {
                        for (String date : List.of("2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "24-12-2026",
                                "2026-12-24T10:00", SQL)) {
                            bad.add(new String[] {"impossible date", date});
                        }
                    }
                    case "date-time" -> {
                        for (String instant : List.of("2026-02-30T10:00:00Z", "2026-12-24T25:00:00Z",
                                "2026-12-24T10:61:00Z", "2026-12-24", "mañana a las 10", SCRIPT)) {
                            bad.add(new String[] {"impossible date-time", instant});
                        }
                    }
                    case "time" -> {
                        for (String time : List.of("24:00", "10:60", "25:61", "-1:00", "diez", SQL)) {
                            bad.add(new String[] {"impossible time", time});
                        }
                    }
                    case "rut" -> {
                        for (String rut : BAD_RUTS) {
                            bad.add(new String[] {"bad RUT", rut});
                        }
                        bad.add(new String[] {"SQL RUT", SQL});
                        bad.add(new String[] {"HTML RUT", SCRIPT});
                    }
                    case "email" -> {
                        bad.add(new String[] {"bad email", "no-es-un-correo"});
                        bad.add(new String[] {"HTML email", SCRIPT + "@x.cl"});
                    }
                    default -> {
                    }
                }
                if (schema.containsKey("enum")) {
                    List<String> allowed = strings(schema.getJsonArray("enum"));
                    // (a blank value is the default where there is one, not a mistake)
                    for (String value : List.of("NO_EXISTE", SQL, SCRIPT)) {
                        if (!allowed.contains(value)) {
                            bad.add(new String[] {"not in the enumeration", value});
                        }
                    }
                }
                if (schema.containsKey("pattern")) {
                    Pattern pattern = Pattern.compile(schema.getString("pattern"));
                    for (String value : List.of(SQL, SCRIPT, "12.345.678-9x", "  ")) {
                        if (!pattern.matcher(value).find()) {
                            bad.add(new String[] {"not matching " + schema.getString("pattern"), value});
                        }
                    }
                }
                if (schema.containsKey("maxLength")) {
                    int max = schema.getInt("maxLength");
                    String text = SCRIPT + " " + SQL + " ";
                    bad.add(new String[] {"overlong (" + (max + 1) + ")", (text.repeat(max / text.length() + 1)
                            + "x".repeat(max + 1)).substring(0, max + 1)});
                }
                if (schema.getInt("minLength", 0) > 0) {
                    bad.add(new String[] {"too short", ""});
                }
            }
            default -> {
            }
        }
        return bad;
    }

    /** JSON values that break the schema of a body field: wrong JSON types, then the text violations. */
    Map<String, JsonValue> jsonViolations(JsonObject declared, int depth) {
        JsonObject schema = resolve(declared);
        Map<String, JsonValue> bad = new LinkedHashMap<>();
        JsonValue object = Json.createObjectBuilder().add("a", SCRIPT).build();
        JsonValue array = Json.createArrayBuilder().add(SQL).build();
        String type = schema.getString("type", schema.containsKey("properties") ? "object" : "string");
        switch (type) {
            case "string" -> {
                bad.put("object instead of text", object);
                bad.put("array instead of text", array);
                List<String[]> texts = violations(schema);
                int tried = "rut".equals(schema.getString("format", "")) ? texts.size() : depth == 0 ? MAX_TEXTS : 2;
                for (String[] value : texts.subList(0, Math.min(texts.size(), tried))) {
                    bad.put(value[0] + " «" + abbreviated(value[1]) + "»", Json.createValue(value[1]));
                }
            }
            case "integer", "number" -> {
                bad.put("text instead of a number", Json.createValue("diez"));
                bad.put("boolean instead of a number", JsonValue.TRUE);
                bad.put("object instead of a number", object);
                if ("integer".equals(type)) {
                    bad.put("overflow", Json.createValue(new java.math.BigInteger("99999999999999999999")));
                }
                if (schema.containsKey("minimum")) {
                    bad.put("below the minimum", Json.createValue(schema.getJsonNumber("minimum").longValue() - 1));
                }
                if (schema.containsKey("maximum")) {
                    bad.put("above the maximum", Json.createValue(schema.getJsonNumber("maximum").longValue() + 1));
                }
            }
            case "boolean" -> {
                bad.put("object instead of a boolean", object);
                bad.put("array instead of a boolean", array);
            }
            case "array" -> {
                bad.put("text instead of an array", Json.createValue(SCRIPT));
                bad.put("object instead of an array", object);
                JsonObject items = schema.getJsonObject("items");
                if (items != null && depth < 2) {
                    for (Map.Entry<String, JsonValue> item : jsonViolations(items, depth + 1).entrySet()) {
                        bad.put("item: " + item.getKey(), Json.createArrayBuilder().add(item.getValue()).build());
                    }
                }
                if (schema.containsKey("maxItems") && items != null) {
                    var many = Json.createArrayBuilder();
                    for (int i = 0; i <= schema.getInt("maxItems"); i++) {
                        many.add(sample(items, depth + 1));
                    }
                    bad.put("too many items", many.build());
                }
            }
            case "object" -> {
                bad.put("text instead of an object", Json.createValue(SQL));
                bad.put("array instead of an object", array);
                JsonObject properties = schema.getJsonObject("properties");
                if (properties != null && depth < 2) {
                    JsonObject base = sample(schema, depth + 1).asJsonObject();
                    bad.put("unknown field inside", Json.createObjectBuilder(base).add("campoDesconocido", 1).build());
                    for (String property : properties.keySet()) {
                        for (Map.Entry<String, JsonValue> inner : jsonViolations(properties.getJsonObject(property), depth + 1).entrySet()) {
                            bad.put(property + ": " + inner.getKey(),
                                    Json.createObjectBuilder(base).add(property, inner.getValue()).build());
                        }
                    }
                }
            }
            default -> {
            }
        }
        return bad;
    }

    // ---- helpers

    private String url(Map<String, String> path, Map<String, String> query) {
        String url = template;
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            url = url.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()).replace("+", "%20"));
        }
        StringBuilder withQuery = new StringBuilder(url);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            withQuery.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return withQuery.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        if (array != null) {
            for (JsonValue value : array) {
                strings.add(value instanceof jakarta.json.JsonString text ? text.getString() : value.toString());
            }
        }
        return strings;
    }

    static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }
}
