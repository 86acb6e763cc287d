package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Statistics end to end on the running server: tickets issued and served through the queue's API appear in
 * the summary at once, the rebuild of the day gives the same rows, the CSV opens right in a spreadsheet
 * (UTF-8 with BOM, {@code ;} in Spanish), bad input gets a clear 400 in the caller's language, the roles are
 * kept, and the screen draws its charts (canvas) beside tables with the same numbers.
 */
class StatisticsFlowIT extends SystemTest {

    private static final String UNIT = "20000000-0000-4000-8000-000000000003";
    private static final String SERVICE = "30000000-0000-4000-8000-000000000010";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Santiago"));

    private static String admin;
    private static String station;
    private static String kiosk;

    @BeforeAll
    static void signInAndOpenADesk() throws Exception {
        admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        station = UUID.randomUUID().toString();
        int number = 600 + ThreadLocalRandom.current().nextInt(300);
        Database.update("INSERT INTO estaciones (id, unidad_id, nombre, numero) VALUES ('" + station + "', '" + UNIT
                + "', 'Módulo estadísticas', " + number + "); INSERT INTO estacion_servicios (estacion_id, servicio_id) "
                + "VALUES ('" + station + "', '" + SERVICE + "')");
    }

    @Test
    void ticketsCountAtOnceAndTheRebuildGivesTheSameRows() throws Exception {
        JsonObject before = serviceRow();
        for (int i = 0; i < 3; i++) {
            issue();
        }
        int served = 0;
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> called = server.send("POST", "/api/queue/stations/" + station + "/call-next", "",
                    "Authorization", "Bearer " + admin);
            assertEquals(200, called.statusCode(), called.body());
            String ticket = VentanillaServer.json(called.body()).asJsonObject().getString("id");
            assertEquals(200, server.send("POST", "/api/queue/tickets/" + ticket + "/start", "",
                    "Authorization", "Bearer " + admin).statusCode());
            assertEquals(200, server.send("POST", "/api/queue/tickets/" + ticket + "/finish", "{}",
                    "Authorization", "Bearer " + admin, "Content-Type", "application/json").statusCode());
            served++;
        }
        JsonObject after = serviceRow();
        assertEquals(count(before, "issued") + 3, count(after, "issued"), after.toString());
        assertEquals(count(before, "served") + served, count(after, "served"), after.toString());
        assertFalse(after.isNull("p90Wait"), after.toString());

        String live = get(summaryPath("servicio")).body();
        HttpResponse<String> rebuilt = server.send("POST", "/api/statistics/rebuild",
                "{\"from\":\"" + TODAY + "\",\"to\":\"" + TODAY + "\"}", "Authorization", "Bearer " + admin,
                "Content-Type", "application/json");
        assertEquals(200, rebuilt.statusCode(), rebuilt.body());
        System.out.println("Statistics: rebuild of " + TODAY + " " + rebuilt.body());
        assertEquals(live, get(summaryPath("servicio")).body(), "the rebuild gives the live numbers");
    }

    @Test
    void theCsvOpensInASpreadsheetInSpanishOrEnglish() throws Exception {
        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.uri(summaryPath("servicio").replace("summary?", "summary.csv?")))
                .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv;charset=UTF-8", csv.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().contains(".csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv.body(), 3), "BOM");
        String text = new String(csv.body(), StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertTrue(lines[0].startsWith("servicio;desde;hasta;emitidos;"), lines[0]);
        assertTrue(lines.length >= 2, text);
        assertEquals(lines[0].split(";").length, lines[1].split(";", -1).length, "every line has every column");

        HttpResponse<String> english = get(summaryPath("servicio").replace("summary?", "summary.csv?"), "Accept-Language", "en");
        assertTrue(english.body().startsWith("\uFEFFservice,from,to,issued,"), english.body());
    }

    @Test
    void badInputGetsAClearErrorInTheCallersLanguageAndRolesAreKept() throws Exception {
        HttpResponse<String> malformed = get("/api/statistics/summary?from=2026-02-30&to=2026-03-01");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("no es válida"), malformed.body());
        HttpResponse<String> english = get("/api/statistics/summary?from=2026-02-30&to=2026-03-01", "Accept-Language", "en");
        assertEquals(400, english.statusCode());
        assertTrue(english.body().contains("is not valid"), english.body());
        assertTrue(get("/api/statistics/summary?from=2026-11-30&to=2026-11-01").body().contains("posterior"));
        assertTrue(get("/api/statistics/summary?from=2025-01-01&to=2026-11-01").body().contains("366 días"));
        HttpResponse<String> unknown = get("/api/statistics/summary?from=2026-11-01&to=2026-11-30&unit="
                + UUID.randomUUID());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("La unidad"), unknown.body());
        assertEquals(400, get("/api/statistics/summary?from=2026-11-01&to=2026-11-30&unit=abc").statusCode());
        assertEquals(400, get("/api/statistics/summary?from=2026-11-01&to=2026-11-30&grouping=año").statusCode());
        assertEquals(400, get("/api/statistics/summary").statusCode());
        assertEquals(400, server.send("POST", "/api/statistics/rebuild", "{\"from\":\"2026-11-01\"}",
                "Authorization", "Bearer " + admin, "Content-Type", "application/json").statusCode());
        assertEquals(400, server.send("POST", "/api/statistics/rebuild", "{\"from\":",
                "Authorization", "Bearer " + admin, "Content-Type", "application/json").statusCode());

        String supervisor = Accounts.ready(server, admin, "SUPERVISOR");
        String operator = Accounts.ready(server, admin, "OPERATOR");
        assertEquals(200, server.get(summaryPath("unidad"), "Authorization", "Bearer " + supervisor).statusCode());
        assertEquals(403, server.send("POST", "/api/statistics/rebuild", "{\"from\":\"" + TODAY + "\",\"to\":\""
                + TODAY + "\"}", "Authorization", "Bearer " + supervisor, "Content-Type", "application/json").statusCode());
        assertEquals(403, server.get(summaryPath("unidad"), "Authorization", "Bearer " + operator).statusCode());
        assertEquals(401, server.get(summaryPath("unidad")).statusCode());
    }

    @Test
    void theScreenDrawsChartsBesideTablesWithTheSameNumbers() throws Exception {
        issue();
        try (Browser browser = new Browser(server, "es-CL")) {
            browser.open("/admin/");
            browser.type("rut", "11.111.111-1");
            browser.type("clave", Accounts.ADMIN_PASSWORD);
            browser.clickId("entrar");
            browser.clickId("ir-a-estadisticas");
            assertEquals("Estadísticas", browser.heading());
            browser.choose("desglose", "Servicio");
            browser.clickId("ver-estadisticas");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector("#grafico-volumen canvas")).isEmpty()
                            && !d.findElements(By.cssSelector("#grafico-esperas canvas")).isEmpty()
                            && !d.findElements(By.cssSelector("#grafico-desglose canvas")).isEmpty());
            String table = browser.driver().findElement(By.id("tabla-desglose")).getText();
            assertTrue(table.contains("Rectificación") || table.contains("RSH"), table);
            assertTrue(browser.driver().findElement(By.id("tabla-volumen")).getText().contains("Emitidos"));
            assertTrue(browser.driver().findElement(By.id("grafico-volumen")).getAttribute("aria-label").contains("tabla"));
            String csv = browser.driver().findElement(By.id("descargar-csv")).getAttribute("href");
            assertTrue(csv.contains("formato=csv"), csv);
            browser.screenshot("estadisticas-1-graficos");

            browser.open("/admin/estadisticas.xhtml?desde=2026-11-30&hasta=2026-11-01&lang=en");
            assertTrue(browser.text().contains("is after"), browser.text());
            assertTrue(browser.driver().findElements(By.id("grafico-volumen")).isEmpty());
        }
        // the screen's download link: the CSV for a signed-in administrator, nothing for anyone else
        HttpResponse<String> csv = get("/admin/estadisticas.xhtml?formato=csv&desglose=servicio&lang=es");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("\uFEFFservicio;desde;hasta;"), csv.body());
        assertFalse(server.get("/admin/estadisticas.xhtml?formato=csv&desglose=servicio").body().startsWith("\uFEFF"));
    }

    @Test
    void theWrittenSummaryIsTheModelsLabelledAsAiAndUnavailableWithoutIt() throws Exception {
        issue();
        FakeGemini model = FakeGemini.running();
        String written = "El Registro Social de Hogares concentró la demanda de la semana y su espera p90 fue la "
                + "más larga: conviene revisar la dotación de la mañana.";
        String week = "desde=" + TODAY.minusDays(6) + "&hasta=" + TODAY + "&unidad=" + UNIT;
        try (Browser browser = new Browser(server, "es-CL")) {
            browser.open("/admin/");
            browser.type("rut", "11.111.111-1");
            browser.type("clave", Accounts.ADMIN_PASSWORD);
            browser.clickId("entrar");
            browser.open("/admin/estadisticas.xhtml?" + week + "&desglose=servicio");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));

            model.forget();
            model.writeSummaries(written);
            browser.click(By.id("pedir-resumen"));
            wait.until(d -> !d.findElements(By.id("resumen-escrito")).isEmpty());
            assertEquals(written, browser.driver().findElement(By.id("resumen-escrito")).getText());
            assertTrue(browser.driver().findElement(By.id("resumen-ia")).getText().startsWith("Generado por IA"));
            assertEquals("polite", browser.driver().findElement(By.id("resumen-texto")).findElement(By.xpath(".."))
                    .getAttribute("aria-live"));
            browser.screenshot("estadisticas-2-resumen-escrito");
            // what left for the provider: the unit's services and their figures, nothing about a person
            List<String> summaries = model.received().stream().map(StatisticsFlowIT::userText)
                    .filter(t -> t.contains("<cifras>")).toList();
            assertEquals(1, summaries.size(), model.received().toString());
            String sent = summaries.get(0);
            assertTrue(sent.contains("periodo: " + TODAY.minusDays(6) + " a " + TODAY), sent);
            assertTrue(sent.contains("turnos emitidos: ") && sent.contains("espera p90: "), sent);
            assertFalse(RUT.matcher(sent).find(), "a RUT: " + sent);
            assertFalse(EMAIL.matcher(sent).find(), "an e-mail address: " + sent);
            assertFalse(PHONE.matcher(sent).find(), "a phone number: " + sent);
            assertFalse(sent.contains("Funcionari") || sent.contains("Módulo"), "operators and desks stay home: " + sent);

            model.writeSummaries(null);
            browser.click(By.id("pedir-resumen"));
            wait.until(d -> !d.findElements(By.id("resumen-no-disponible")).isEmpty());
            assertTrue(browser.driver().findElement(By.id("resumen-no-disponible")).getText()
                    .startsWith("El asistente no está disponible en este momento"));
            assertTrue(browser.driver().findElements(By.id("resumen-escrito")).isEmpty());
            assertFalse(browser.driver().findElement(By.id("tabla-volumen")).getText().isBlank(), "the figures stay");
        } finally {
            model.writeSummaries(null);
        }

        // the same through the API, for administrators and supervisors
        String query = "/api/statistics/summary/written?from=" + TODAY.minusDays(6) + "&to=" + TODAY + "&unit=" + UNIT;
        JsonObject off = VentanillaServer.json(get(query).body()).asJsonObject();
        assertFalse(off.getBoolean("available"), off.toString());
        assertTrue(off.getString("text").startsWith("El resumen escrito no está disponible"), off.toString());
        String supervisor = Accounts.ready(server, admin, "SUPERVISOR");
        try {
            model.writeSummaries(written);
            HttpResponse<String> on = server.get(query, "Authorization", "Bearer " + supervisor);
            assertEquals(200, on.statusCode(), on.body());
            JsonObject answer = VentanillaServer.json(on.body()).asJsonObject();
            assertTrue(answer.getBoolean("available") && answer.getBoolean("generatedByAi"), answer.toString());
            assertEquals(written, answer.getString("text"));
        } finally {
            model.writeSummaries(null);
        }
        assertEquals(403, server.get(query, "Authorization", "Bearer " + Accounts.ready(server, admin, "OPERATOR"))
                .statusCode());
        assertEquals(400, get("/api/statistics/summary/written?from=" + TODAY + "&to=" + TODAY.minusDays(1)).statusCode());
    }

    // ---------------------------------------------------------------------------------------------------

    private static final Pattern RUT = Pattern.compile("\\d{1,2}\\.?\\d{3}\\.?\\d{3}\\s*-\\s*[\\dkK]");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    private static final Pattern PHONE = Pattern.compile("(\\+?56[\\s-]?)?9[\\s-]?\\d{4}[\\s-]?\\d{4}");

    /** The user part of a generateContent request body. */
    private static String userText(String body) {
        return VentanillaServer.json(body).asJsonObject().getJsonArray("contents").getJsonObject(0)
                .getJsonArray("parts").getJsonObject(0).getString("text");
    }

    private static String summaryPath(String by) {
        return "/api/statistics/summary?from=" + TODAY + "&to=" + TODAY + "&grouping=dia&by=" + by + "&unit=" + UNIT;
    }

    private static void issue() throws Exception {
        if (kiosk == null) {
            kiosk = Accounts.ready(server, admin, "KIOSK");
        }
        HttpResponse<String> issued = server.send("POST", "/api/queue/tickets",
                Json.createObjectBuilder().add("serviceId", SERVICE).build().toString(),
                "Content-Type", "application/json", "Authorization", "Bearer " + kiosk);
        assertEquals(201, issued.statusCode(), issued.body());
    }

    private JsonObject serviceRow() throws Exception {
        HttpResponse<String> response = get(summaryPath("servicio") + "&service=" + URLEncoder.encode(SERVICE, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        JsonArray rows = VentanillaServer.json(response.body()).asJsonObject().getJsonArray("rows");
        return rows.isEmpty() ? Json.createObjectBuilder().add("issued", 0).add("served", 0).build() : rows.getJsonObject(0);
    }

    private static long count(JsonObject row, String name) {
        return row.getJsonNumber(name).longValue();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = "Bearer " + admin;
        return server.get(path, all);
    }
}
