package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor's live view in Chromium: a unit set up through the API with one service whose SLA is
 * one minute (ten minutes per attention) and one open desk. Tickets issued through the API change the
 * waiting count on the open page, pushed, and the second one (1 ahead / 1 desk × 10 min > 1 min) brings
 * the alert "Abra otro módulo", announced in the assertive live region, without a reload; pausing the
 * desk shows on the page too. A malformed, unknown or deactivated unit is explained in Spanish or
 * English, never a 500; an operator may not open the view.
 */
class SupervisorFlowIT extends SystemTest {

    @Test
    void theSupervisorSeesTheQueueMoveAndTheSlaAlertWithoutReloading() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String supervisor = Accounts.ready(server, admin, "SUPERVISOR");
        String suffix = Accounts.newRut().substring(0, 5);
        String unit = office(admin, suffix);
        String serviceName = "Licencias " + suffix;
        String service = created(post(admin, "/api/config/services", Json.createObjectBuilder().add("unitId", unit)
                .add("name", serviceName).add("description", "Servicio de SupervisorFlowIT").add("prefix", "V")
                .add("requirements", "Cédula de identidad vigente.").add("averageAttentionMinutes", 10)
                .add("slaMinutes", 1).add("takesAppointments", false).add("slotMinutes", 15)
                .add("bookingHorizonDays", 30).add("minimumLeadMinutes", 60).build()));
        String station = created(post(admin, "/api/config/stations", Json.createObjectBuilder()
                .add("unitId", unit).add("number", 1).add("name", "Módulo 1")
                .add("serviceIds", Json.createArrayBuilder().add(service)).build()));
        // the supervisor sits at the desk: a pause opens the session, the resume makes it attend
        assertEquals(200, post(supervisor, "/api/queue/stations/" + station + "/pause",
                Json.createObjectBuilder().add("reason", "SHORT_BREAK").build()).statusCode());
        assertEquals(200, post(supervisor, "/api/queue/stations/" + station + "/resume",
                Json.createObjectBuilder().build()).statusCode());

        try (Browser browser = new Browser(server, "es-CL")) {
            browser.open("/auth/");
            browser.driver().manage().addCookie(new Cookie("VENTANILLA_SESION", supervisor, "/"));
            browser.open("/admin/");
            browser.clickId("ir-a-supervision");
            assertEquals("/admin/supervision.xhtml", browser.path());
            browser.choose("unidad", "Oficina Supervisión " + suffix);
            browser.clickId("ver-unidad");
            assertEquals("Supervisión en vivo", browser.heading());
            WebDriver page = browser.driver();
            assertEquals("0", waiting(page));
            assertEquals("1", text(page, "#modulos-abiertos"));
            assertNull(text(page, ".sla-alert"), "nobody waits: no alert");
            // a reload would lose this mark
            ((JavascriptExecutor) page).executeScript("window.sinRecarga = true;");
            browser.awaitLive();

            issue(admin, service);
            long issuedAt = System.nanoTime();
            wait(page, 10).until(d -> "1".equals(waiting(d)));
            System.out.printf("Supervision: waiting count shown %d ms after the API answered%n",
                    (System.nanoTime() - issuedAt) / 1_000_000);
            assertNull(text(page, ".sla-alert"),
                    "one ticket, one desk: 0 ahead × 10 min + its few seconds are within 1 min");

            issue(admin, service);
            issuedAt = System.nanoTime();
            String alert = wait(page, 10).until(d -> text(d, ".sla-alert"));
            System.out.printf("Supervision: SLA alert shown %d ms after the API answered%n",
                    (System.nanoTime() - issuedAt) / 1_000_000);
            assertEquals("Abra otro módulo: la espera de " + serviceName + " superará su SLA de 1 min", alert);
            assertEquals("2", waiting(page));
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) page).executeScript(
                    "return document.getElementById('servicio-V').classList.contains('alerting');"));
            String row = text(page, "#servicio-V");
            assertTrue(row.contains("Superará el SLA"), "the state in words, not only in colour: " + row);
            WebElement announcement = page.findElement(By.id("anuncio-sla"));
            assertEquals("assertive", announcement.getAttribute("aria-live"));
            wait(page, 5).until(d -> d.findElement(By.id("anuncio-sla")).getAttribute("textContent")
                    .contains("Abra otro módulo: la espera de " + serviceName));
            browser.screenshot("32-supervision-alerta");

            // the desk goes on a pause: pushed as well; nobody attends the service any more
            assertEquals(200, post(supervisor, "/api/queue/stations/" + station + "/pause",
                    Json.createObjectBuilder().add("reason", "LUNCH").build()).statusCode());
            wait(page, 10).until(d -> "1".equals(text(d, "#modulos-en-pausa")));
            assertEquals("0", text(page, "#modulos-abiertos"));
            assertTrue(text(page, "#servicio-V").contains("ningún módulo abierto"), text(page, "#servicio-V"));
            assertEquals(1L, ((JavascriptExecutor) page).executeScript(
                    "return document.querySelectorAll('.sla-alert').length;"));

            assertEquals(Boolean.TRUE, ((JavascriptExecutor) page).executeScript("return window.sinRecarga === true;"),
                    "everything above came without reloading the page");
        }

        // in English, and still in English after a pushed refresh
        try (Browser browser = new Browser(server, "es-CL")) {
            browser.open("/auth/");
            browser.driver().manage().addCookie(new Cookie("VENTANILLA_SESION", supervisor, "/"));
            browser.open("/admin/supervision.xhtml?lang=en&unidad=" + unit);
            WebDriver page = browser.driver();
            assertEquals("Live supervision", browser.heading());
            assertEquals("2", waiting(page));
            browser.awaitLive();
            issue(admin, service);
            wait(page, 10).until(d -> "3".equals(waiting(d)));
            String alert = text(page, ".sla-alert");
            assertTrue(alert.startsWith("Open another desk: the wait of " + serviceName), alert);
            assertEquals("Live supervision", browser.heading());
            assertTrue(text(page, "#servicios").contains("Longest wait"), text(page, "#servicios"));
        }
    }

    @Test
    void aWrongUnitIsExplainedInTheUsersLanguageAndOperatorsMayNotLook() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String supervisor = Accounts.ready(server, admin, "SUPERVISOR");
        String operator = Accounts.ready(server, admin, "OPERATOR");
        String cookie = "VENTANILLA_SESION=" + supervisor;

        HttpResponse<String> malformed = server.get("/admin/supervision.xhtml?unidad=no-es-una-unidad", "Cookie", cookie);
        assertEquals(404, malformed.statusCode());
        assertTrue(malformed.body().contains("no es una unidad"), malformed.body());

        String unknown = "00000000-0000-4000-8000-000000000001";
        HttpResponse<String> missing = server.get("/admin/supervision.xhtml?unidad=" + unknown, "Cookie", cookie);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("No existe la unidad " + unknown), missing.body());

        HttpResponse<String> english = server.get("/admin/supervision.xhtml?lang=en&unidad=" + unknown, "Cookie", cookie);
        assertEquals(404, english.statusCode());
        assertTrue(english.body().contains("There is no unit " + unknown), english.body());

        String suffix = Accounts.newRut().substring(0, 5);
        String closed = office(admin, suffix);
        assertEquals(200, post(admin, "/api/config/units/" + closed + "/deactivate", Json.createObjectBuilder().build())
                .statusCode());
        HttpResponse<String> deactivated = server.get("/admin/supervision.xhtml?unidad=" + closed, "Cookie", cookie);
        assertEquals(409, deactivated.statusCode());
        assertTrue(deactivated.body().contains("está desactivada"), deactivated.body());
        assertFalse(deactivated.body().contains("Oficina Supervisión " + suffix + "</option>"),
                "a deactivated unit is not offered");

        HttpResponse<String> byOperator = server.get("/admin/supervision.xhtml", "Cookie", "VENTANILLA_SESION=" + operator);
        assertEquals(403, byOperator.statusCode());
        assertTrue(byOperator.body().contains("Acceso no permitido"), byOperator.body());

        for (HttpResponse<String> answer : List.of(malformed, missing, english, deactivated)) {
            assertTrue(answer.body().contains("<select id=\"unidad\""), "the page offers the units to choose from");
        }
    }

    private static String office(String admin, String suffix) throws Exception {
        String directorate = created(post(admin, "/api/config/directorates", Json.createObjectBuilder()
                .add("name", "Dirección Supervisión " + suffix).add("description", "Creada por SupervisorFlowIT").build()));
        return created(post(admin, "/api/config/units", Json.createObjectBuilder()
                .add("directorateId", directorate).add("name", "Oficina Supervisión " + suffix)
                .add("address", "Av. Prueba 2").add("phone", "+56 2 2000 0001").add("email", "supervision@prueba.cl")
                .build()));
    }

    private static void issue(String token, String service) throws Exception {
        HttpResponse<String> issued = post(token, "/api/queue/tickets",
                Json.createObjectBuilder().add("serviceId", service).build());
        assertEquals(201, issued.statusCode(), issued.body());
    }

    private static String waiting(WebDriver page) {
        return text(page, "#servicio-V td.waiting");
    }

    /**
     * The text of an element read in one step in the page: the board is replaced whenever an event arrives
     * (also right after loading, when the socket opens), so an element found a moment earlier may be gone.
     */
    private static String text(WebDriver page, String css) {
        Object text = ((JavascriptExecutor) page).executeScript(
                "var e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
        return text == null ? null : text.toString().replace("⚠", "").strip();
    }

    private static WebDriverWait wait(WebDriver page, int seconds) {
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
