package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * A citizen books an appointment in the portal with a real browser, finds the confirmation (with the
 * calendar event and the QR code) in a real SMTP server's inbox, moves it to another time and cancels it
 * from "my booking"; the staff see the day's list.
 */
class BookingFlowIT extends SystemTest {

    /** Renovación de licencia de conducir, Departamento de Licencias (demo data). */
    static final String SERVICE = "30000000-0000-4000-8000-000000000002";
    static final String UNIT = "20000000-0000-4000-8000-000000000001";



    @Test
    void aCitizenBooksMovesAndCancelsAndIsToldByEmail() throws Exception {
        String rut = Accounts.newRut();
        String email = "vecina." + System.nanoTime() + "@correo.example.cl";
        String code;
        try (Browser citizen = new Browser(server, "es-CL")) {
            citizen.driver().manage().window().setSize(new org.openqa.selenium.Dimension(420, 1400));
            citizen.open("/");
            citizen.clickId("reservar-hora");
            assertEquals("Reservar una hora", citizen.heading());
            citizen.screenshot("20-reserva-servicio");
            citizen.clickId("servicio-" + SERVICE);
            citizen.screenshot("21-reserva-calendario");
            chooseFirstFreeDay(citizen, By.cssSelector("a[id^='dia-']"), "mes-siguiente");
            citizen.click(By.cssSelector("label[for='hora-0']"));
            citizen.type("rut", rut);
            citizen.type("name", "María José Pérez Soto");
            citizen.type("email", email);
            citizen.type("phone", "+56 9 1234 5678");
            citizen.screenshot("22-reserva-datos");
            citizen.clickId("reservar");
            assertEquals("/confirmacion.xhtml", citizen.path(), citizen.text());
            code = citizen.driver().findElement(By.id("codigo-reserva")).getText().strip();
            assertTrue(code.matches("[A-Z0-9]{8}"), code);
            assertTrue(citizen.text().contains("Renovación de licencia"), citizen.text());
            citizen.screenshot("23-reserva-confirmada");

            MimeMessage confirmation = Mailbox.await(email, "Cita confirmada", Duration.ofSeconds(60));
            assertTrue(Mailbox.subject(confirmation).contains(code), Mailbox.subject(confirmation));
            assertTrue(Mailbox.text(confirmation).contains(code), Mailbox.text(confirmation));
            List<Part> parts = Mailbox.parts(confirmation);
            assertTrue(parts.stream().anyMatch(p -> mime(p, "text/calendar")), "an .ics attachment");
            assertTrue(parts.stream().anyMatch(p -> mime(p, "image/png")), "the QR code");

            // "my booking": the link of the confirmation, then code + RUT
            citizen.open("/cita.xhtml?codigo=" + code);
            citizen.type("rut", rut);
            citizen.clickId("ver");
            assertEquals(code, citizen.driver().findElement(By.id("codigo-reserva")).getText().strip());
            citizen.clickId("cambiar");
            chooseLaterFreeDay(citizen, "mes-siguiente");
            citizen.click(By.cssSelector("label[for='hora-1']"));
            citizen.screenshot("24-reserva-cambio");
            citizen.clickId("confirmar-cambio");
            String moved = citizen.driver().findElement(By.id("codigo-reserva")).getText().strip();
            assertNotEquals(code, moved, "a moved booking has a new code");
            assertTrue(citizen.text().contains(moved), citizen.text());
            assertTrue(Mailbox.subject(Mailbox.await(email, "Su cita cambió", Duration.ofSeconds(60))).contains(moved));
            assertEquals("REPROGRAMADO", Database.string("SELECT estado FROM agendamientos WHERE codigo = '" + code + "'"));

            citizen.clickId("anular");
            citizen.clickId("confirmar-anulacion");
            assertTrue(citizen.driver().findElement(By.id("reserva-estado")).getText().contains("Anulada"));
            citizen.screenshot("25-reserva-anulada");
            assertEquals("CANCELADO", Database.string("SELECT estado FROM agendamientos WHERE codigo = '" + moved + "'"));
            assertTrue(Mailbox.subject(Mailbox.await(email, "Cita cancelada", Duration.ofSeconds(60))).contains(moved));
            code = moved;
        }

        String day = Database.string("SELECT (fecha_hora_inicio AT TIME ZONE 'America/Santiago')::date::text "
                + "FROM agendamientos WHERE codigo = '" + code + "'");
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        try (Browser staff = new Browser(server, "es-CL")) {
            staff.open("/auth/");
            staff.driver().manage().addCookie(new Cookie("VENTANILLA_SESION", admin, "/"));
            staff.open("/admin/citas.xhtml?unidad=" + UNIT + "&fecha=" + day);
            assertEquals("Citas del día", staff.heading());
            WebElement table = staff.driver().findElement(By.id("citas"));
            assertTrue(table.getText().contains(code) && table.getText().contains("Anulada"), table.getText());
            staff.screenshot("26-citas-del-dia");

            // the administrator sees the citizen's three mails in the outbox, sent
            List<String> states = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                staff.open("/admin/notifications.xhtml?q=" + email);
                states = staff.driver().findElements(By.cssSelector("#notificaciones tbody .badge")).stream()
                        .map(WebElement::getText).toList();
                if (states.equals(List.of("Enviado", "Enviado", "Enviado"))) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals(List.of("Enviado", "Enviado", "Enviado"), states, "the outbox shows the three mails sent");
            staff.screenshot("27-correos");
        }
    }

    @Test
    void theBookingPagesSpeakEnglishWhenAsked() throws Exception {
        try (Browser visitor = new Browser(server, "en-US")) {
            visitor.open("/reservar.xhtml?servicio=" + SERVICE);
            assertEquals("Book an appointment", visitor.heading());
            assertTrue(visitor.text().contains("Choose a day"), visitor.text());
            visitor.open("/cita.xhtml?lang=en");
            visitor.type("codigo", "NOSUCH99");
            visitor.type("rut", "11.111.111-1");
            visitor.clickId("ver");
            assertTrue(visitor.text().contains("We found no booking with that code and RUT"), visitor.text());
        }
    }

    /** Clicks the first bookable day of the calendar, looking up to three months ahead. */
    private static void chooseFirstFreeDay(Browser browser, By days, String nextMonth) {
        for (int month = 0; month < 3; month++) {
            if (!browser.driver().findElements(days).isEmpty()) {
                browser.clickAndWait(days);
                return;
            }
            browser.clickId(nextMonth);
        }
        throw new AssertionError("no bookable day in three months: " + browser.text());
    }

    /**
     * The last free day of the first month that offers two or more: a day after the first free one (which the
     * booking took, maybe today with its last slot), so a whole day of slots other than the booking's.
     */
    private static void chooseLaterFreeDay(Browser browser, String nextMonth) {
        for (int month = 0; month < 3; month++) {
            List<org.openqa.selenium.WebElement> days = browser.driver().findElements(By.cssSelector("a[data-dia]"));
            if (days.size() >= 2) {
                browser.clickAndWait(By.cssSelector("a[data-dia='" + days.get(days.size() - 1).getAttribute("data-dia") + "']"));
                return;
            }
            browser.clickId(nextMonth);
        }
        throw new AssertionError("no two bookable days in a month in three months: " + browser.text());
    }

    private static boolean mime(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
