package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A day at the counter in real browsers: a citizen takes a ticket at the kiosk and follows it on the
 * virtual ticket while an operator calls it from the desk; a citizen with a booking checks in with the
 * code; a service whose walk-in tickets are used up offers the next free appointment; the operator
 * pauses the desk with a reason.
 */
class KioskFlowIT extends SystemTest {

    static final String UNIT = "20000000-0000-4000-8000-000000000001";
    /** Renovación de licencia de conducir (prefix R). */
    static final String RENEWAL = "30000000-0000-4000-8000-000000000002";
    /** Duplicado de licencia de conducir (prefix D): the booking checked in here. */
    static final String DUPLICATE = "30000000-0000-4000-8000-000000000003";
    /** Licencia de conducir primera vez: its walk-in quota is set to 0 here. */
    static final String FIRST_LICENCE = "30000000-0000-4000-8000-000000000001";



    @Test
    void aTicketFromTheKioskIsCalledAtTheDeskAndTheVirtualTicketFollowsIt() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String kiosk = Accounts.ready(server, admin, "KIOSK");
        String operator = Accounts.ready(server, admin, "OPERATOR");
        Accounts.assignNewest("OPERATOR", UNIT);
        // a desk of its own, so no other test's ticket is in its hands
        String station = Database.string("INSERT INTO estaciones (unidad_id, nombre, numero) VALUES ('" + UNIT
                + "', 'Módulo 77', 77) RETURNING id::text");
        Database.update("INSERT INTO estacion_servicios (estacion_id, servicio_id) VALUES ('" + station + "', '"
                + RENEWAL + "')");

        String number;
        String virtualTicket;
        try (Browser totem = signedIn(kiosk)) {
            totem.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1080, 1500));
            totem.open("/totem/?unidad=" + UNIT);
            totem.screenshot("08-totem-inicio");
            totem.clickAndWait(By.cssSelector("a[href*='id=" + RENEWAL + "']"));
            totem.clickAndWait(By.cssSelector("[id$='general']"));
            assertEquals("/totem/ticket.xhtml", totem.path(), totem.text());
            number = totem.driver().findElement(By.cssSelector(".number")).getText().strip();
            assertTrue(number.matches("R-\\d{3}"), number);
            totem.screenshot("09-totem-ticket");
            String token = queryParameter(totem.driver().getCurrentUrl(), "t");
            virtualTicket = "/turno.xhtml?t=" + token;
        }

        try (Browser phone = new Browser(server, "es-CL"); Browser desk = signedIn(operator)) {
            phone.driver().manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
            phone.open(virtualTicket);
            assertTrue(phone.text().contains(number), phone.text());
            phone.awaitLive();

            desk.open("/admin/desk.xhtml?estacion=" + station);
            long calling = System.nanoTime();
            desk.clickId("llamar");
            assertEquals(number, desk.driver().findElement(By.id("turno-actual")).getText().strip());
            desk.screenshot("10-modulo-llamando");

            // pushed: well within the page's own re-read every 30 s, which would hide a lost push
            new WebDriverWait(phone.driver(), Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.tagName("body")).getText().contains("Módulo 77"));
            System.out.printf("Virtual ticket: %s shows its call %d ms after the desk's click%n", number,
                    (System.nanoTime() - calling) / 1_000_000);
            phone.screenshot("11-turno-virtual-llamado");

            desk.clickId("iniciar");
            desk.clickId("finalizar");
            desk.type("detalle-pausa", "Reunión con jefatura");
            desk.clickId("pausar");
            assertTrue(desk.driver().findElement(By.id("en-pausa")).getText().contains("pausa"), desk.text());
            desk.screenshot("12-modulo-en-pausa");
            assertEquals("PAUSADA", Database.string("SELECT estado FROM sesiones_estacion WHERE estacion_id = '"
                    + station + "' ORDER BY inicio DESC LIMIT 1"));
        }
    }

    @Test
    void aCitizenWithABookingChecksInWithTheCode() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String kiosk = Accounts.ready(server, admin, "KIOSK");
        String code = "KIOSK" + (System.nanoTime() % 900 + 100);
        // booked at this very minute, which is always today in Santiago with the check-in open (from 30 min
        // before to 15 after): "in ten minutes" was tomorrow after 23:50 and the kiosk refused it; in the
        // day's last minute the test waits for the next day, so the booking and the check-in share one day
        String santiagoDay = "CAST(now() AT TIME ZONE 'America/Santiago' AS date)";
        String today = Database.string("SELECT CAST(" + santiagoDay + " AS text)");
        if (Database.string("SELECT CAST(" + santiagoDay + " <> CAST((now() + interval '1 minute') AT TIME ZONE "
                + "'America/Santiago' AS date) AS text)").equals("true")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
            while (Database.string("SELECT CAST(" + santiagoDay + " AS text)").equals(today)) {
                assertTrue(System.nanoTime() < deadline, "the day did not turn");
                Thread.sleep(250);
            }
        }
        Database.update("INSERT INTO agendamientos (codigo, unidad_id, servicio_id, rut_ciudadano, nombre_ciudadano, "
                + "email_ciudadano, fecha_hora_inicio, fecha_hora_fin) VALUES ('" + code + "', '" + UNIT + "', '"
                + DUPLICATE + "', '" + Accounts.newRut() + "', 'Juan Soto', 'juan.soto@correo.example.cl', "
                + "date_trunc('minute', now()), date_trunc('minute', now()) + interval '30 minutes')");
        try (Browser totem = signedIn(kiosk)) {
            totem.open("/totem/?unidad=" + UNIT);
            totem.clickId("agendada");
            totem.type("codigo", code);
            totem.screenshot("13-totem-hora-agendada");
            totem.clickId("registrar");
            assertEquals("/totem/ticket.xhtml", totem.path(), totem.text());
            assertTrue(totem.text().toLowerCase(java.util.Locale.ROOT).contains("con hora agendada"), totem.text());
            totem.screenshot("14-totem-ticket-agendado");
        }
        assertEquals("PRESENTADO", Database.string("SELECT estado FROM agendamientos WHERE codigo = '" + code + "'"));
    }

    @Test
    void whenTheWalkInTicketsAreUsedUpTheKioskOffersTheNextAppointment() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String kiosk = Accounts.ready(server, admin, "KIOSK");
        Database.update("UPDATE servicios SET cupo_diario_presencial = 0 WHERE id = '" + FIRST_LICENCE + "'");
        try (Browser totem = signedIn(kiosk)) {
            totem.open("/totem/servicio.xhtml?id=" + FIRST_LICENCE + "&unidad=" + UNIT);
            totem.clickAndWait(By.cssSelector("[id$='general']"));
            assertTrue(totem.driver().findElement(By.id("cupo-agotado")).isDisplayed());
            String offer = totem.driver().findElement(By.id("proxima-hora")).getText();
            assertTrue(offer.contains("próxima hora libre"), offer);
            assertTrue(totem.driver().findElement(By.id("reservar-en-portal")).getAttribute("href")
                    .endsWith("/reservar.xhtml?servicio=" + FIRST_LICENCE));
            assertEquals(1, totem.driver().findElements(By.cssSelector("#proxima-hora svg.qr")).size(),
                    "a QR code of the booking page for the citizen's phone");
            totem.screenshot("15-totem-cupo-agotado");
        } finally {
            Database.update("UPDATE servicios SET cupo_diario_presencial = 10 WHERE id = '" + FIRST_LICENCE + "'");
        }
    }

    private static Browser signedIn(String token) throws java.io.IOException {
        Browser browser = new Browser(server, "es-CL");
        browser.open("/auth/");
        browser.driver().manage().addCookie(new Cookie("VENTANILLA_SESION", token, "/"));
        return browser;
    }

    private static String queryParameter(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }
}
