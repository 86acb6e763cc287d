package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every REST endpoint (as the server's OpenAPI document lists them) and every
 * protected page, called anonymously and with a token of each role, gets exactly what
 * {@code role-matrix.txt} says. An endpoint the matrix does not name fails the test, so nobody adds one
 * without deciding who may use it.
 */
class RoleMatrixIT extends SystemTest {

    static final List<String> CALLERS = List.of("ANONYMOUS", "OPERATOR", "SUPERVISOR", "ADMIN", "KIOSK", "DISPLAY");

    static Map<String, String> tokens;


    record Rule(String kind, String method, String path, Set<String> allowed) {
        boolean allows(String caller) {
            return allowed.contains("PUBLIC") || allowed.contains(caller);
        }

        String key() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void oneAccountPerRole() throws Exception {
        tokens = Accounts.tokensForEveryRole(server);
    }

    static List<Rule> matrix() throws Exception {
        List<Rule> rules = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                RoleMatrixIT.class.getResourceAsStream("/role-matrix.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split("\\s+");
                rules.add(new Rule(fields[0], fields[1], fields[2],
                        Set.of(java.util.Arrays.copyOfRange(fields, 3, fields.length))));
            }
        }
        return rules;
    }

    @Test
    void everyEndpointOfTheApiIsInTheMatrix() throws Exception {
        // Jersey's own description of the deployed resources (WADL) is the authority on what the API
        // answers; Payara's OpenAPI document was seen incomplete right after a deployment
        HttpResponse<String> wadl = server.get("/api/application.wadl");
        assertEquals(200, wadl.statusCode());
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(wadl.body())));
        Set<String> documented = new TreeSet<>();
        var roots = document.getElementsByTagNameNS("*", "resources");
        for (int i = 0; i < roots.getLength(); i++) {
            collect((org.w3c.dom.Element) roots.item(i), "", documented);
        }
        Set<String> inMatrix = new TreeSet<>();
        for (Rule rule : matrix()) {
            if (rule.kind().equals("API")) {
                inMatrix.add(rule.key());
            }
        }
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(inMatrix);
        assertEquals(Set.of(), missing, "endpoints without an entry in role-matrix.txt");
        Set<String> stale = new TreeSet<>(inMatrix);
        stale.removeAll(documented);
        assertEquals(Set.of(), stale, "entries of role-matrix.txt that the API no longer has");
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() throws Exception {
        Map<String, String> wrong = new LinkedHashMap<>();
        // logging out revokes the caller's token: those calls go last
        List<Rule> rules = matrix().stream()
                .sorted(java.util.Comparator.comparing((Rule r) -> r.path().endsWith("/logout"))).toList();
        for (Rule rule : rules) {
            for (String caller : CALLERS) {
                int status = call(rule, caller);
                boolean ok;
                String expected;
                if (rule.allows(caller)) {
                    expected = rule.kind().equals("PAGE") ? "200" : "not 401/403/5xx";
                    ok = rule.kind().equals("PAGE") ? status == 200 : status != 401 && status != 403 && status < 500;
                } else if (caller.equals("ANONYMOUS")) {
                    expected = rule.kind().equals("PAGE") ? "302 to /auth/" : "401";
                    ok = rule.kind().equals("PAGE") ? status == 302 : status == 401;
                } else {
                    expected = "403";
                    ok = status == 403;
                }
                if (!ok) {
                    wrong.put(rule.key() + " as " + caller, status + " (expected " + expected + ")");
                }
            }
        }
        assertEquals(Map.of(), wrong);
    }

    @Test
    void anonymousVisitorsOfProtectedPagesAreSentToTheLoginAndBack() throws Exception {
        HttpResponse<String> response = server.get("/admin/users/");
        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElse("");
        assertTrue(location.contains("/auth/?next=%2Fadmin%2Fusers%2F"), location);
    }

    private static void collect(org.w3c.dom.Element parent, String prefix, Set<String> endpoints) {
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof org.w3c.dom.Element element)) {
                continue;
            }
            if ("resource".equals(element.getLocalName())) {
                String path = element.getAttribute("path").replaceAll("\\{([^}:]+)(:[^}]*)?}", "{$1}").replaceAll("^/+|/+$", "");
                collect(element, path.isEmpty() ? prefix : prefix + "/" + path, endpoints);
            } else if ("method".equals(element.getLocalName())
                    && Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(element.getAttribute("name"))) {
                endpoints.add(element.getAttribute("name") + " " + (prefix.isEmpty() ? "/" : prefix));
            }
        }
    }

    private int call(Rule rule, String caller) throws Exception {
        String path = rule.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        List<String> headers = new ArrayList<>(List.of("Accept-Language", "es-CL"));
        String token = tokens.get(caller);
        if (rule.kind().equals("PAGE")) {
            if (token != null) {
                headers.addAll(List.of("Cookie", "VENTANILLA_SESION=" + token));
            }
            return server.get(path, headers.toArray(String[]::new)).statusCode();
        }
        if (token != null) {
            headers.addAll(List.of("Authorization", "Bearer " + token));
        }
        // what the endpoint produces: a JSON Accept on the CSV would be a 406 before any role is asked
        headers.addAll(List.of("Content-Type", "application/json", "Accept",
                path.endsWith(".csv") ? "text/csv" : "application/json"));
        String body = rule.method().equals("GET") || rule.method().equals("DELETE") ? "" : "{}";
        return server.send(rule.method(), "/api" + path, body, headers.toArray(String[]::new)).statusCode();
    }
}
