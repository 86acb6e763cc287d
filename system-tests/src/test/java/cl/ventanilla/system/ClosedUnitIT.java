package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * A unit closed today (one of its own closures) issues no walk-in ticket, neither through the API nor
 * at the kiosk, and both say why and when it opens again, in Spanish or English; nothing is written.
 * The test server runs with {@code VENTANILLA_QUEUE_ANY_HOUR=true} (the suite runs at any hour), so
 * opening hours and holidays are not asked here (QueueIT proves them with a clock it moves) and the unit
 * opens again at midnight after its closure.
 */
class ClosedUnitIT extends SystemTest {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    @Test
    void aUnitClosedTodayRefusesWalkInsAtTheKioskAndThroughTheApiSayingWhenItOpens() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String kiosk = Accounts.ready(server, admin, "KIOSK");
        String suffix = Accounts.newRut().substring(0, 5);
        String directorate = created(post(admin, "/api/config/directorates", Json.createObjectBuilder()
                .add("name", "Dirección Cierre " + suffix).add("description", "Creada por ClosedUnitIT").build()));
        String unitName = "Oficina Cierre " + suffix;
        String unit = created(post(admin, "/api/config/units", Json.createObjectBuilder()
                .add("directorateId", directorate).add("name", unitName).add("address", "Av. Prueba 3")
                .add("phone", "+56 2 2000 0003").add("email", "cierre@prueba.cl").build()));
        String service = created(post(admin, "/api/config/services", Json.createObjectBuilder().add("unitId", unit)
                .add("name", "Trámite Cierre").add("description", "Servicio de prueba").add("prefix", "C")
                .add("requirements", "Cédula de identidad vigente.").add("averageAttentionMinutes", 10)
                .add("slaMinutes", 20).add("dailyWalkInQuota", 40).add("takesAppointments", false).add("slotMinutes", 15)
                .add("bookingHorizonDays", 30).add("minimumLeadMinutes", 60).build()));

        assertEquals(201, issue(kiosk, service, "es").statusCode(), "open before the closure");

        LocalDate today = LocalDate.now(SANTIAGO);
        created(post(admin, "/api/config/units/" + unit + "/closures", Json.createObjectBuilder()
                .add("from", today.toString()).add("to", today.toString()).add("reason", "Corte de luz").build()));
        String tomorrow = today.plusDays(1).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        String before = Database.string("SELECT count(*)::text FROM turnos WHERE servicio_id = '" + service + "'");

        HttpResponse<String> spanish = issue(kiosk, service, "es-CL");
        assertEquals(409, spanish.statusCode(), spanish.body());
        assertTrue(spanish.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String detail = VentanillaServer.json(spanish.body()).asJsonObject().getString("detail");
        assertTrue(detail.startsWith("«" + unitName + "» no atiende hoy (Corte de luz): no entrega números."), detail);
        assertTrue(detail.endsWith(" " + tomorrow + " a las 00:00."), detail);

        HttpResponse<String> english = issue(kiosk, service, "en");
        assertEquals(409, english.statusCode(), english.body());
        String englishDetail = VentanillaServer.json(english.body()).asJsonObject().getString("detail");
        assertTrue(englishDetail.contains("is closed today (Corte de luz) and issues no tickets. It opens again on "),
                englishDetail);
        assertTrue(englishDetail.endsWith(" " + tomorrow + " at 00:00."), englishDetail);

        try (Browser totem = new Browser(server, "es-CL")) {
            totem.open("/auth/");
            totem.driver().manage().addCookie(new Cookie("VENTANILLA_SESION", kiosk, "/"));
            totem.open("/totem/servicio.xhtml?id=" + service + "&unidad=" + unit);
            String page = totem.driver().findElement(By.cssSelector(".kiosk-messages")).getText();
            assertTrue(page.contains("no atiende hoy (Corte de luz)") && page.contains(tomorrow), page);
            assertEquals(0, totem.driver().findElements(By.cssSelector("[id$='general']")).size(),
                    "no button offers a ticket while the unit is closed");
        }
        assertEquals(before, Database.string("SELECT count(*)::text FROM turnos WHERE servicio_id = '" + service + "'"),
                "no ticket written");
    }

    private static HttpResponse<String> issue(String kiosk, String service, String language) throws Exception {
        return server.send("POST", "/api/queue/tickets", Json.createObjectBuilder().add("serviceId", service).build()
                .toString(), "Content-Type", "application/json", "Authorization", "Bearer " + kiosk,
                "Accept-Language", language);
    }
}
