package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staffing advice end to end on the running server: tickets of the four past same weekdays written into the
 * queue's table, the API's figures for them, bad input refused in the caller's language, the roles kept, and the
 * screen reached from the statistics, drawing its chart (canvas) beside the table with the same numbers.
 */
class StaffingFlowIT extends SystemTest {

    private static final String UNIT = "20000000-0000-4000-8000-000000000003";
    private static final String SERVICE = "30000000-0000-4000-8000-000000000010";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Santiago"));

    private static String admin;

    /**
     * On each of the four same weekdays before today, tickets of the service at 9:00 (8), 10:00 (20) and 11:00 (4),
     * each ten minutes at the desk; today, one desk of the unit open 8:00–10:30 with a pause 9:00–9:20.
     */
    @BeforeAll
    static void signInAndWriteFourWeeksOfArrivals() throws Exception {
        admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        int[][] perHour = {{9, 8}, {10, 20}, {11, 4}};
        for (int week = 1; week <= 4; week++) {
            LocalDate day = TODAY.minusWeeks(week);
            for (int[] h : perHour) {
                Database.update("""
                        INSERT INTO turnos (unidad_id, servicio_id, servicio_atencion_id, fecha, numero, prefijo, estado,
                                            hora_emision, hora_ingreso_cola, hora_llamado, hora_inicio_atencion,
                                            hora_fin_atencion)
                        SELECT '%1$s', '%2$s', '%2$s', DATE '%3$s', %6$d + g, 'R', 'FINALIZADO', t, t,
                               t + interval '2 minutes', t + interval '2 minutes', t + interval '12 minutes'
                        FROM (SELECT g, (DATE '%3$s' + make_time(%4$d, 0, 0) + g * (60.0 / %5$d) * interval '1 minute')
                                        AT TIME ZONE 'America/Santiago' AS t
                              FROM generate_series(0, %5$d - 1) g) x
                        ON CONFLICT DO NOTHING""".formatted(UNIT, SERVICE, day, h[0], h[1], 9000 + 100 * h[0]));
            }
        }
        String station = UUID.randomUUID().toString();
        int number = 900 + ThreadLocalRandom.current().nextInt(90);
        Database.update("INSERT INTO estaciones (id, unidad_id, nombre, numero) VALUES ('" + station + "', '" + UNIT
                + "', 'Módulo dotación', " + number + ")");
        String session = UUID.randomUUID().toString();
        Database.update("""
                INSERT INTO sesiones_estacion (id, estacion_id, usuario_id, estado, inicio, fin)
                SELECT '%1$s', '%2$s', id, 'CERRADA', (DATE '%3$s' + time '08:00') AT TIME ZONE 'America/Santiago',
                       (DATE '%3$s' + time '10:30') AT TIME ZONE 'America/Santiago'
                FROM usuarios WHERE rut = '11111111-1';
                INSERT INTO pausas_estacion (sesion_id, motivo, inicio, fin)
                VALUES ('%1$s', 'Pausa breve', (DATE '%3$s' + time '09:00') AT TIME ZONE 'America/Santiago',
                        (DATE '%3$s' + time '09:20') AT TIME ZONE 'America/Santiago')""".formatted(session, station, TODAY));
    }

    @Test
    void theAdviceForTodayFromFourPastWeekdays() throws Exception {
        HttpResponse<String> response = get("/api/statistics/staffing?unit=" + UNIT + "&date=" + TODAY);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject advice = VentanillaServer.json(response.body()).asJsonObject();
        assertEquals(4, advice.getJsonArray("history").size(), response.body());
        assertEquals(4, advice.getInt("daysWithArrivals"), response.body());
        JsonObject service = advice.getJsonArray("services").stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("id").equals(SERVICE)).findFirst().orElseThrow();
        assertEquals(30, service.getInt("slaMinutes"));
        assertTrue(service.getBoolean("measured"), service.toString());
        assertEquals(600.0, service.getJsonNumber("meanServiceSeconds").doubleValue(), 0.01, service.toString());
        assertEquals(128, service.getInt("finished"), service.toString());
        JsonObject ten = advice.getJsonArray("hours").stream().map(v -> v.asJsonObject())
                .filter(h -> h.getInt("hour") == 10).findFirst().orElseThrow(() -> new AssertionError(response.body()));
        JsonObject need = ten.getJsonArray("services").stream().map(v -> v.asJsonObject())
                .filter(n -> n.getString("serviceId").equals(SERVICE)).findFirst().orElseThrow();
        // 20 an hour of 10 minutes: 3.33 erlangs; four desks serve 91.1 % within 30 minutes
        assertEquals(20.0, need.getJsonNumber("arrivals").doubleValue(), 0.001, need.toString());
        assertEquals(3.333, need.getJsonNumber("load").doubleValue(), 0.001, need.toString());
        assertEquals(4, need.getInt("desks"), need.toString());
        assertEquals(0.911, need.getJsonNumber("withinSla").doubleValue(), 0.0005, need.toString());
        assertTrue(ten.getInt("needed") >= 4, ten.toString());
        assertEquals(0.8, advice.getJsonObject("query").getJsonNumber("target").doubleValue(), 1e-9);
        assertEquals(4, advice.getJsonObject("query").getInt("weeks"));

        // a stricter target and one week of history
        JsonObject strict = VentanillaServer.json(get("/api/statistics/staffing?unit=" + UNIT + "&date=" + TODAY
                + "&weeks=1&target=0.99").body()).asJsonObject();
        assertEquals(1, strict.getInt("daysWithArrivals"));
        assertEquals(5, hour(strict, 10).getJsonArray("services").stream().map(v -> v.asJsonObject())
                .filter(n -> n.getString("serviceId").equals(SERVICE)).findFirst().orElseThrow().getInt("desks"));
        assertEquals(0.99, strict.getJsonObject("query").getJsonNumber("target").doubleValue(), 1e-9);
    }

    @Test
    void badInputGetsAClearErrorInTheCallersLanguageAndRolesAreKept() throws Exception {
        String path = "/api/statistics/staffing?unit=" + UNIT + "&date=";
        HttpResponse<String> malformed = get(path + "2026-02-30");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(malformed.body().contains("no es válida"), malformed.body());
        HttpResponse<String> english = get(path + "2026-02-30", "Accept-Language", "en");
        assertEquals(400, english.statusCode());
        assertTrue(english.body().contains("is not valid"), english.body());

        HttpResponse<String> weeks = get(path + TODAY + "&weeks=13");
        assertEquals(400, weeks.statusCode());
        assertTrue(weeks.body().contains("semanas"), weeks.body());
        assertTrue(get(path + TODAY + "&weeks=0", "Accept-Language", "en").body().contains("weeks of history"));
        assertEquals(400, get(path + TODAY + "&weeks=cuatro").statusCode());
        for (String target : new String[] {"0", "1", "1.5", "-0.2", "ochenta"}) {
            HttpResponse<String> refused = get(path + TODAY + "&target=" + target);
            assertEquals(400, refused.statusCode(), target);
            assertTrue(refused.body().contains("La meta"), refused.body());
        }
        assertTrue(get(path + TODAY + "&target=1", "Accept-Language", "en").body().contains("The target"));
        HttpResponse<String> unknown = get("/api/statistics/staffing?unit=" + UUID.randomUUID() + "&date=" + TODAY);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("La unidad"), unknown.body());
        assertEquals(400, get("/api/statistics/staffing?date=" + TODAY).statusCode());
        assertEquals(400, get("/api/statistics/staffing?unit=abc&date=" + TODAY).statusCode());
        assertEquals(400, get("/api/statistics/staffing?unit=" + UNIT).statusCode());

        String supervisor = Accounts.ready(server, admin, "SUPERVISOR");
        String operator = Accounts.ready(server, admin, "OPERATOR");
        String ok = "/api/statistics/staffing?unit=" + UNIT + "&date=" + TODAY;
        assertEquals(200, server.get(ok, "Authorization", "Bearer " + supervisor).statusCode());
        assertEquals(403, server.get(ok, "Authorization", "Bearer " + operator).statusCode());
        assertEquals(401, server.get(ok).statusCode());
    }

    @Test
    void theScreenDrawsTheChartBesideTheTable() throws Exception {
        try (Browser browser = new Browser(server, "es-CL")) {
            browser.open("/admin/");
            browser.type("rut", "11.111.111-1");
            browser.type("clave", Accounts.ADMIN_PASSWORD);
            browser.clickId("entrar");
            browser.clickId("ir-a-estadisticas");
            browser.clickId("ir-a-dotacion");
            assertEquals("Dotación recomendada", browser.heading());
            browser.choose("unidad", "Registro Social de Hogares");
            browser.clickId("ver-dotacion");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector("#grafico-dotacion canvas")).isEmpty());
            String table = browser.driver().findElement(By.id("tabla-dotacion")).getText();
            assertTrue(table.contains("10:00") && table.contains("Módulos necesarios"), table);
            assertTrue(table.contains("Rectificación"), table);
            assertTrue(browser.driver().findElement(By.id("grafico-dotacion")).getAttribute("aria-label").contains("tabla"));
            assertFalse(browser.driver().findElements(By.cssSelector("#tabla-dotacion th[scope=row]")).isEmpty());
            assertTrue(browser.driver().findElement(By.id("tabla-servicios-dotacion")).getText().contains("Medido en 128"));
            assertTrue(table.contains("Faltan"), "9:00 had two thirds of a desk for the two needed: " + table);
            browser.driver().executeScript("document.getElementById('titulo-dotacion').scrollIntoView()");
            browser.screenshot("dotacion-1-grafico");

            browser.open("/admin/dotacion.xhtml?unidad=" + UNIT + "&fecha=" + TODAY + "&semanas=20&lang=en");
            assertTrue(browser.text().contains("weeks of history"), browser.text());
            assertTrue(browser.driver().findElements(By.id("grafico-dotacion")).isEmpty());
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private static JsonObject hour(JsonObject advice, int hour) {
        return advice.getJsonArray("hours").stream().map(v -> v.asJsonObject()).filter(h -> h.getInt("hour") == hour)
                .findFirst().orElseThrow(() -> new AssertionError("no hour " + hour + " in " + advice));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = "Bearer " + admin;
        return server.get(path, all);
    }
}
