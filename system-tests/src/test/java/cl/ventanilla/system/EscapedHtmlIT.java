package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HTML and script typed into free text comes back as text: a directorate, unit, service (name, description,
 * requirements), desk and a citizen's name on a booking, stored through the API with markup in them, are
 * shown escaped on every screen that lists them (portal, booking, kiosk, display, the staff's day, the
 * supervisor's view, the configuration) — never as an element of the page.
 */
class EscapedHtmlIT extends SystemTest {

    /** What an attacker types: a script, and an element with a handler for where scripts are filtered. */
    static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(1)>";

    @Test
    void markupInFreeTextIsShownAsTextOnEveryScreen() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String kiosk = Accounts.ready(server, admin, "KIOSK");
        String display = Accounts.ready(server, admin, "DISPLAY");
        // names have up to 60 characters: a short unique prefix and the markup
        String suffix = Accounts.newRut().substring(0, 4);

        String directorate = created(post(admin, "/api/config/directorates", Json.createObjectBuilder()
                .add("name", "D" + suffix + " " + MARKUP).add("description", MARKUP).build()));
        String unit = created(post(admin, "/api/config/units", Json.createObjectBuilder()
                .add("directorateId", directorate).add("name", "O" + suffix + " " + MARKUP)
                .add("address", MARKUP).add("phone", "+56 2 2000 0000").add("email", "oficina@prueba.cl").build()));
        JsonArrayBuilder week = Json.createArrayBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.add(Json.createObjectBuilder().add("day", day).add("opens", "08:00").add("closes", "20:00"));
        }
        HttpResponse<String> hours = server.send("PUT", "/api/config/units/" + unit + "/opening-hours",
                Json.createObjectBuilder().add("ranges", week).build().toString(),
                "Content-Type", "application/json", "Authorization", "Bearer " + admin);
        assertEquals(200, hours.statusCode(), hours.body());
        String service = created(post(admin, "/api/config/services", Json.createObjectBuilder().add("unitId", unit)
                .add("name", "T" + suffix + " " + MARKUP).add("description", MARKUP).add("prefix", "X")
                .add("requirements", MARKUP).add("averageAttentionMinutes", 10).add("slaMinutes", 20)
                .add("dailyWalkInQuota", 40).add("takesAppointments", true).add("slotMinutes", 15)
                .add("bookingHorizonDays", 30).add("minimumLeadMinutes", 60).build()));
        String station = created(post(admin, "/api/config/stations", Json.createObjectBuilder().add("unitId", unit)
                .add("number", 7).add("name", "M " + MARKUP).add("serviceIds", Json.createArrayBuilder().add(service))
                .build()));

        // a citizen whose name is markup books the first free slot
        HttpResponse<String> first = server.get("/api/appointments/services/" + service + "/first-free");
        assertEquals(200, first.statusCode(), first.body());
        String start = VentanillaServer.json(first.body()).asJsonObject().getString("start");
        JsonObject challenge = VentanillaServer.json(server.get("/api/appointments/challenge").body()).asJsonObject();
        String nonce = CitizenBooking.solve(challenge.getString("token"), challenge.getInt("difficulty"));
        HttpResponse<String> booked = server.send("POST", "/api/appointments", Json.createObjectBuilder()
                .add("serviceId", service).add("start", start).add("rut", Accounts.newRut())
                .add("name", "V " + MARKUP).add("email", "vecina@example.cl").add("language", "es")
                .add("challenge", challenge.getString("token")).add("nonce", nonce).build().toString(),
                "Content-Type", "application/json", "X-Forwarded-For", "192.0.2." + (1 + Integer.parseInt(suffix) % 250));
        assertEquals(201, booked.statusCode(), booked.body());
        LocalDate day = LocalDate.ofInstant(Instant.parse(start), ZoneId.of("America/Santiago"));
        // a walk-in ticket, so the display and the supervisor's view have the service in line
        assertEquals(201, post(kiosk, "/api/queue/tickets", Json.createObjectBuilder().add("serviceId", service).build())
                .statusCode());

        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("/", null);
        screens.put("/reservar.xhtml", null);
        screens.put("/reservar.xhtml?servicio=" + service, null);
        screens.put("/totem/?unidad=" + unit, kiosk);
        screens.put("/display.xhtml?unidad=" + unit, display);
        screens.put("/admin/citas.xhtml?unidad=" + unit + "&fecha=" + day, admin);
        screens.put("/admin/supervision.xhtml?unidad=" + unit, admin);
        screens.put("/config/directorates.xhtml", admin);
        screens.put("/config/units.xhtml?direccion=" + directorate, admin);
        screens.put("/config/services.xhtml?unidad=" + unit, admin);
        screens.put("/config/stations.xhtml?unidad=" + unit, admin);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> screen : screens.entrySet()) {
            String[] headers = screen.getValue() == null ? new String[] {"Accept-Language", "es-CL"}
                    : new String[] {"Accept-Language", "es-CL", "Cookie", "VENTANILLA_SESION=" + screen.getValue()};
            HttpResponse<String> page = server.get(screen.getKey(), headers);
            String html = page.body();
            if (page.statusCode() != 200) {
                wrong.add(screen.getKey() + ": " + page.statusCode());
            } else if (html.contains("<script>alert(") || html.contains("<img src=x") || html.contains("onerror=alert")
                    && !html.contains("onerror=alert(1)&gt;")) {
                wrong.add(screen.getKey() + ": the markup is an element of the page");
            } else if (!html.contains("&lt;script&gt;alert(") || !html.contains("&lt;img src=x onerror=alert(1)&gt;")) {
                wrong.add(screen.getKey() + ": the text is not shown (escaped) at all");
            }
        }
        assertEquals(List.of(), wrong);
    }
}
