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


    /**
     * A line of the matrix: who may call, and the status an allowed caller gets (a page: 200; an endpoint:
     * what it answers to a path with unknown ids and an empty body, usually 404 or 400; {@code ROLE=status}
     * where one caller gets another).
     */
    record Rule(String kind, String method, String path, Set<String> allowed, int status, Map<String, Integer> statusOf) {
        boolean allows(String caller) {
            return allowed.contains("PUBLIC") || allowed.contains(caller);
        }

        int expected(String caller) {
            return statusOf.getOrDefault(caller, status);
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
                boolean page = fields[0].equals("PAGE");
                if (!page && !fields[3].matches("\\d{3}")) {
                    throw new IllegalStateException("role-matrix.txt: no expected status after the path: " + trimmed);
                }
                Set<String> allowed = new TreeSet<>();
                Map<String, Integer> statusOf = new LinkedHashMap<>();
                for (String role : java.util.Arrays.copyOfRange(fields, page ? 3 : 4, fields.length)) {
                    String[] own = role.split("=");
                    allowed.add(own[0]);
                    if (own.length == 2) {
                        statusOf.put(own[0], Integer.parseInt(own[1]));
                    }
                }
                rules.add(new Rule(fields[0], fields[1], fields[2], allowed, page ? 200 : Integer.parseInt(fields[3]), statusOf));
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
                    expected = String.valueOf(rule.expected(caller));
                    ok = status == rule.expected(caller);
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

    /**
     * The per-unit rule behind the matrix: an operator of one unit (Permisos de Circulación) gets 403
     * {@code unit.notYours} for every desk action on a ticket, station or booking of another (Licencias),
     * in the caller's language, and nothing changes; the same actions at their own unit pass the rule
     * and meet the ticket's, station's or booking's state instead (409). The tickets are finished and
     * the stations new, so no other test's queue is touched.
     */
    @Test
    void anOperatorOfOneUnitIsRefusedEveryDeskActionAtAnother() throws Exception {
        String own = "20000000-0000-4000-8000-000000000002";
        String other = "20000000-0000-4000-8000-000000000001";
        String ownService = "30000000-0000-4000-8000-000000000005";
        String otherService = "30000000-0000-4000-8000-000000000002";
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String operator = Accounts.ready(server, admin, "OPERATOR");
        Accounts.assignNewest("OPERATOR", own);

        Map<String, String> ticket = Map.of(own, finishedTicket(own, ownService), other, finishedTicket(other, otherService));
        Map<String, String> station = Map.of(own, newStation(admin, own), other, newStation(admin, other));
        Map<String, String> booking = Map.of(own, futureBooking(own, ownService), other, futureBooking(other, otherService));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("America/Santiago")).toString();

        Map<String, String> wrong = new LinkedHashMap<>();
        for (String unit : List.of(other, own)) {
            boolean theirs = unit.equals(own);
            // at their own unit each action meets the state instead: a finished ticket, a station without
            // services (call-next), a free station (pause sits the operator down, resume ends the pause),
            // a booking whose hour has not come
            List<DeskAction> actions = new ArrayList<>();
            for (String action : List.of("recall", "no-show", "start", "finish", "park", "resume")) {
                actions.add(new DeskAction("ticket " + action, "/queue/tickets/" + ticket.get(unit) + "/" + action, "{}", 409));
            }
            actions.add(new DeskAction("ticket transfer", "/queue/tickets/" + ticket.get(unit) + "/transfer",
                    "{\"serviceId\":\"" + (theirs ? "30000000-0000-4000-8000-000000000006" : otherService) + "\"}", 409));
            actions.add(new DeskAction("station call-next", "/queue/stations/" + station.get(unit) + "/call-next", "", 409));
            actions.add(new DeskAction("station pause", "/queue/stations/" + station.get(unit) + "/pause",
                    "{\"reason\":\"ALMUERZO\"}", 200));
            actions.add(new DeskAction("station resume", "/queue/stations/" + station.get(unit) + "/resume", "", 200));
            actions.add(new DeskAction("booking no-show", "/appointments/" + booking.get(unit) + "/no-show", "", 409));
            for (DeskAction action : actions) {
                HttpResponse<String> answer = server.send("POST", "/api" + action.path(), action.body(),
                        "Authorization", "Bearer " + operator, "Content-Type", "application/json",
                        "Accept", "application/json", "Accept-Language", "es-CL");
                String code = answer.statusCode() >= 400 ? VentanillaServer.json(answer.body()).asJsonObject().getString("code") : "";
                boolean right = theirs ? answer.statusCode() == action.ownStatus()
                        : answer.statusCode() == 403 && code.equals("unit.notYours");
                if (!right) {
                    wrong.put(action.name() + (theirs ? " at their unit" : " at another unit"),
                            answer.statusCode() + " " + answer.body());
                }
            }
            HttpResponse<String> day = server.get("/api/appointments/unit/" + unit + "?date=" + today,
                    "Authorization", "Bearer " + operator, "Accept", "application/json");
            if (day.statusCode() != (theirs ? 200 : 403)) {
                wrong.put("day's bookings" + (theirs ? " at their unit" : " at another unit"), day.statusCode() + " " + day.body());
            }
        }
        assertEquals(Map.of(), wrong);

        // refused in the caller's language, and nothing of the other unit changed
        HttpResponse<String> english = server.send("POST", "/api/queue/tickets/" + ticket.get(other) + "/recall", "",
                "Authorization", "Bearer " + operator, "Accept", "application/json", "Accept-Language", "en");
        assertEquals(403, english.statusCode());
        assertTrue(VentanillaServer.json(english.body()).asJsonObject().getString("detail").startsWith("You do not work at this unit"),
                english.body());
        assertEquals("FINALIZADO 0 0", Database.string("SELECT estado || ' ' || rellamados || ' ' || transferencias FROM turnos WHERE id = '"
                + ticket.get(other) + "'"));
        assertEquals("0", Database.string("SELECT count(*) FROM sesiones_estacion WHERE estacion_id = '" + station.get(other) + "'"));
        assertEquals("CONFIRMADO", Database.string("SELECT estado FROM agendamientos WHERE id = '" + booking.get(other) + "'"));
        // the bookings held a place in two days' slots that other tests may book
        Database.update("DELETE FROM agendamientos WHERE id IN ('" + booking.get(own) + "', '" + booking.get(other) + "')");
    }

    private static String finishedTicket(String unit, String service) throws Exception {
        return Database.string("""
                INSERT INTO turnos (unidad_id, servicio_id, servicio_atencion_id, fecha, numero, prefijo, estado,
                                    hora_llamado, hora_inicio_atencion, hora_fin_atencion)
                VALUES ('%s', '%s', '%s', DATE '2020-01-0%d', %d, 'U', 'FINALIZADO', now(), now(), now())
                RETURNING id""".formatted(unit, service, service, 1 + (int) (System.nanoTime() % 9),
                8000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1000)));
    }

    record DeskAction(String name, String path, String body, int ownStatus) {
    }

    /** A new station of the unit, without services, made by the administrator through the API. */
    private static String newStation(String admin, String unit) throws Exception {
        HttpResponse<String> created = server.send("POST", "/api/config/stations", jakarta.json.Json.createObjectBuilder()
                .add("unitId", unit).add("number", 700 + java.util.concurrent.ThreadLocalRandom.current().nextInt(200))
                .add("name", "Módulo matriz").add("serviceIds", jakarta.json.Json.createArrayBuilder()).build().toString(),
                "Content-Type", "application/json", "Authorization", "Bearer " + admin);
        assertEquals(201, created.statusCode(), created.body());
        return VentanillaServer.json(created.body()).asJsonObject().getString("id");
    }

    private static String futureBooking(String unit, String service) throws Exception {
        return Database.string("""
                INSERT INTO agendamientos (codigo, unidad_id, servicio_id, rut_ciudadano, nombre_ciudadano, email_ciudadano,
                                           fecha_hora_inicio, fecha_hora_fin)
                VALUES ('M%07d', '%s', '%s', '%s', 'Ana Matriz', 'ana.matriz@correo.example.cl',
                        now() + interval '2 days', now() + interval '2 days 30 minutes')
                RETURNING id""".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000), unit, service,
                Accounts.newRut()));
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
