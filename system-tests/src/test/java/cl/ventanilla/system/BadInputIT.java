package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.kernel.testing.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Bad input, everywhere, from the API's own description: the OpenAPI document is read from the running
 * server and every operation in it gets the bad requests {@link BadInputs} makes from its declared
 * parameters and body, anonymously and with a role the operation admits (the role matrix), in Spanish and
 * in English. Every answer must be a 4xx problem with a readable message in the language asked for, and
 * the database must be the same afterwards. An operation for which no bad request could be made fails the
 * test, so a new endpoint is covered without anybody writing its case.
 */
class BadInputIT extends SystemTest {

    /** Changed by the application's own timers, whatever the callers do: compared by their row count only. */
    private static final Set<String> MOVED_BY_TIMERS = Set.of();

    private static final HttpClient CAREFUL = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Bad requests of each operation sent in Spanish and in English, to compare the words. */
    private static final int BOTH_LANGUAGES = 3;

    /** Bad requests sent anonymously to an operation that needs a role. */
    private static final int ANONYMOUS_CASES = 4;

    @Test
    void everyOperationRefusesBadInputInTheCallersLanguageAndChangesNothing() throws Exception {
        JsonObject document = openApi();
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (RoleMatrixIT.Rule rule : RoleMatrixIT.matrix()) {
            if (rule.kind().equals("API")) {
                allowed.put(rule.key(), rule.allowed());
            }
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("ADMIN", Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD));
        // the rate limits count per client address: a documentation address of its own keeps this run's
        // refusals away from the other tests' budgets
        String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);

        List<String> withoutCases = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        JsonObject paths = document.getJsonObject("paths");
        for (String template : paths.keySet()) {
            JsonObject item = paths.getJsonObject(template);
            for (String method : item.keySet()) {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                String key = method.toUpperCase() + " " + relative(template);
                List<BadInputs.Case> cases = new BadInputs(document, "/api" + relative(template),
                        item.getJsonObject(method)).cases();
                if (cases.isEmpty()) {
                    withoutCases.add(key);
                    continue;
                }
                List<String> callers = new ArrayList<>(List.of("ANONYMOUS"));
                Set<String> roles = allowed.getOrDefault(key, Set.of("ADMIN"));
                if (!roles.contains("PUBLIC")) {
                    String role = roles.contains("ADMIN") ? "ADMIN" : roles.iterator().next();
                    if (!tokens.containsKey(role)) {
                        tokens.put(role, Accounts.ready(server, tokens.get("ADMIN"), role));
                    }
                    callers.add(role);
                }
                Map<String, String> before = fingerprint();
                for (int c = 0; c < cases.size(); c++) {
                    BadInputs.Case bad = cases.get(c);
                    for (String caller : callers) {
                        if (caller.equals("ANONYMOUS") && callers.size() > 1 && c >= ANONYMOUS_CASES) {
                            // an operation that needs a role answers every anonymous request alike (401): a
                            // few show it, the caller with the role gets the rest
                            continue;
                        }
                        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
                        // the first cases of each operation in both languages (their words must differ), the
                        // others in one of them, in turn
                        List<String> languages = c < BOTH_LANGUAGES ? List.of("es-CL", "en")
                                : List.of(c % 2 == 0 ? "es-CL" : "en");
                        for (String language : languages) {
                            List<String> headers = new ArrayList<>(List.of("Accept-Language", language,
                                    "Accept", "application/json", "X-Forwarded-For", client));
                            if (bad.body() != null) {
                                headers.addAll(List.of("Content-Type", "application/json"));
                            }
                            if (!caller.equals("ANONYMOUS")) {
                                headers.addAll(List.of("Authorization", "Bearer " + tokens.get(caller)));
                            }
                            try {
                                answers.put(language, send(method.toUpperCase(), bad, headers));
                            } catch (java.io.IOException e) {
                                answers.clear();
                                wrong.add(key + " as " + caller + ", " + bad.what() + " → no answer: " + e);
                                System.out.println("BadInputIT: " + wrong.get(wrong.size() - 1));
                                break;
                            }
                            requests++;
                        }
                        String problem = answers.size() < languages.size() ? null : problemOf(answers);
                        if (problem != null) {
                            wrong.add(key + " as " + caller + ", " + bad.what() + " → " + problem);
                            System.out.println("BadInputIT: " + wrong.get(wrong.size() - 1));
                        }
                    }
                }
                Map<String, String> after = fingerprint();
                if (!before.equals(after)) {
                    Map<String, String> changed = new TreeMap<>();
                    after.forEach((table, print) -> {
                        if (!print.equals(before.get(table))) {
                            changed.put(table, before.get(table) + " → " + print);
                        }
                    });
                    wrong.add(key + " changed the database: " + changed);
                    System.out.println("BadInputIT: " + wrong.get(wrong.size() - 1));
                }
            }
        }
        System.out.println("BadInputIT: " + requests + " bad requests over " + paths.size() + " paths");
        assertEquals(List.of(), withoutCases, "operations of /openapi for which no bad request was made");
        assertEquals(List.of(), wrong, "bad requests not refused as they should be");
        assertTrue(requests > 500, "only " + requests + " bad requests");
    }

    /**
     * A body past the API's limit goes the way a careful client sends one, announced with
     * {@code Expect: 100-continue}: the server refuses it from its length without reading it, and a client
     * that pushed it all before listening would wait for its own timeout.
     */
    private static HttpResponse<String> send(String method, BadInputs.Case bad, List<String> headers) throws Exception {
        String body = bad.body() == null ? "" : bad.body();
        if (body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= BadInputs.BODY_LIMIT) {
            return server.send(method, bad.path(), body, headers.toArray(String[]::new));
        }
        return CAREFUL.send(HttpRequest.newBuilder(server.uri(bad.path())).timeout(Duration.ofSeconds(15))
                .expectContinue(true).headers(headers.toArray(String[]::new))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * What is wrong with the answers to one bad request in Spanish and in English, or null: each must be a
     * 4xx problem document (status, title, detail), and the two must not be the same words.
     */
    private static String problemOf(Map<String, HttpResponse<String>> answers) {
        Map<String, JsonObject> problems = new LinkedHashMap<>();
        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            HttpResponse<String> response = answer.getValue();
            String where = answer.getKey() + ": " + response.statusCode() + " " + BadInputs.abbreviated(response.body());
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                return where;
            }
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                return where + " (not application/problem+json)";
            }
            JsonObject problem;
            try {
                problem = VentanillaServer.json(response.body()).asJsonObject();
            } catch (RuntimeException e) {
                return where + " (not JSON)";
            }
            if (problem.getInt("status", 0) != response.statusCode() || problem.getString("title", "").isBlank()
                    || problem.getString("detail", "").isBlank()
                    || problem.get("detail").getValueType() != JsonValue.ValueType.STRING) {
                return where + " (no status, title or detail)";
            }
            problems.put(answer.getKey(), problem);
        }
        JsonObject spanish = problems.get("es-CL");
        JsonObject english = problems.get("en");
        if (spanish == null || english == null) {
            return null;
        }
        if (spanish.getString("title").equals(english.getString("title"))
                || spanish.getString("detail").equals(english.getString("detail"))) {
            return "the same words in Spanish and English: " + spanish.getString("detail");
        }
        return null;
    }

    private static JsonObject openApi() throws Exception {
        HttpResponse<String> response = server.get("/openapi", "Accept", "application/json");
        assertEquals(200, response.statusCode(), response.body());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), response.body());
        return VentanillaServer.json(response.body()).asJsonObject();
    }

    /** The document's paths are the API WAR's (context root /api), written without it. */
    private static String relative(String template) {
        return template.startsWith("/api/") ? template.substring(4) : template;
    }

    /** Every application table: its row count and a checksum of its rows. */
    static Map<String, String> fingerprint() throws Exception {
        Map<String, String> prints = new TreeMap<>();
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) "
                    + "FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                    + "AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                String checksum = MOVED_BY_TIMERS.contains(table) ? "''" : "md5(string_agg(md5(t::text), '' ORDER BY md5(t::text)))";
                try (ResultSet row = statement.executeQuery("SELECT count(*) || ' ' || coalesce(" + checksum + ", '') FROM " + table + " t")) {
                    row.next();
                    prints.put(table, row.getString(1));
                }
            }
        }
        return prints;
    }
}
