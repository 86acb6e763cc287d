package cl.ventanilla.notifications.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentCancelled.CancelledBy;
import cl.ventanilla.appointments.entity.AppointmentSummary;
import cl.ventanilla.auth.entity.PasswordResetRequested;
import cl.ventanilla.notifications.entity.Letter;
import cl.ventanilla.notifications.entity.Letter.Attachment;
import cl.ventanilla.notifications.entity.NotificationType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private static final UUID ID = UUID.fromString("40000000-0000-4000-8000-0000000000aa");
    private static final MailComposer COMPOSER = new MailComposer(new MailComposer.Context(
            "Ilustre Municipalidad de Valle Verde", "https://ventanilla.valleverde.example/",
            "no-responder@valleverde.example", ZoneId.of("America/Santiago"), Instant.parse("2026-11-29T01:00:00Z")));

    static AppointmentSummary appointment(String language) {
        // 13:30 UTC in December is 10:30 in Santiago (summer time, UTC-3)
        return new AppointmentSummary(ID, "AB12-CD34", "Ana <Pérez>", "ana@example.com", language,
                "Renovación de licencia", "Cédula vigente\nLicencia anterior", "Dirección de Tránsito",
                "Av. Central 123, Valle Verde", Instant.parse("2026-12-07T13:30:00Z"),
                Instant.parse("2026-12-07T13:50:00Z"), "America/Santiago", null, null);
    }

    @Test
    void theConfirmationInSpanishCarriesEverythingTheCitizenNeeds() {
        Letter letter = COMPOSER.confirmation(appointment("es"));
        assertEquals(NotificationType.BOOKING_CONFIRMED, letter.type());
        assertEquals("CONFIRMACION:" + ID, letter.deduplicationKey());
        assertEquals("es", letter.language());
        assertEquals("Cita confirmada: Renovación de licencia, lunes 7 de diciembre de 2026 a las 10:30 (código AB12-CD34)",
                letter.subject());
        for (String body : List.of(letter.text(), letter.html())) {
            assertTrue(body.contains("AB12-CD34"), body);
            assertTrue(body.contains("Dirección de Tránsito, Av. Central 123, Valle Verde"), body);
            assertTrue(body.contains("https://ventanilla.valleverde.example/cita.xhtml?codigo=AB12-CD34"), body);
            assertTrue(body.contains("Ilustre Municipalidad de Valle Verde"), body);
            assertFalse(body.contains("${"), body);
        }
        assertTrue(letter.text().contains("Hola, Ana <Pérez>:"));
        assertTrue(letter.text().contains("Cédula vigente\nLicencia anterior"));
        assertTrue(letter.html().contains("Hola, Ana &lt;Pérez&gt;."), "the name is escaped in HTML");
        assertTrue(letter.html().startsWith("<!DOCTYPE html>\n<html lang=\"es\">"));
        assertTrue(letter.html().contains("<img src=\"cid:qr.png\" width=\"200\" height=\"200\" alt=\"Código QR con su código de reserva AB12-CD34\""));
        assertTrue(letter.data().contains("\"codigo\":\"AB12-CD34\""));

        Attachment ics = letter.attachments().get(0);
        assertEquals("cita-AB12-CD34.ics", ics.fileName());
        assertEquals("text/calendar; charset=UTF-8; method=REQUEST", ics.contentType());
        String calendar = new String(ics.content(), StandardCharsets.UTF_8).replace("\r\n ", "");
        assertTrue(calendar.contains("UID:" + ID + "\r\n"));
        assertTrue(calendar.contains("DTSTART:20261207T133000Z\r\n"));
        assertTrue(calendar.contains("SUMMARY:Cita municipal: Renovación de licencia\r\n"));
        assertTrue(calendar.contains("LOCATION:Dirección de Tránsito\\, Av. Central 123\\, Valle Verde\r\n"));
        assertTrue(calendar.contains("Código de reserva: AB12-CD34\\n"));

        Attachment qr = letter.attachments().get(1);
        assertEquals("qr.png", qr.fileName());
        assertTrue(qr.inline());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(qr.content(), 4));
    }

    @Test
    void theQrIsAnImageWithTheQuietZone() throws IOException {
        var image = ImageIO.read(new ByteArrayInputStream(QrPng.of("AB12-CD34")));
        assertEquals(image.getWidth(), image.getHeight());
        assertEquals(0, image.getWidth() % QrPng.SCALE);
        assertEquals(0xFFFFFFFF, image.getRGB(0, 0), "white margin");
        assertEquals(0xFF000000, image.getRGB(QrPng.QUIET_ZONE * QrPng.SCALE, QrPng.QUIET_ZONE * QrPng.SCALE),
                "the finder pattern's corner is dark");
    }

    @Test
    void theConfirmationInEnglish() {
        Letter letter = COMPOSER.confirmation(appointment("en-US"));
        assertEquals("en", letter.language());
        assertEquals("Appointment confirmed: Renovación de licencia, Monday, December 7, 2026 at 10:30 AM (code AB12-CD34)",
                letter.subject());
        assertTrue(letter.html().contains("<html lang=\"en\">"));
        assertTrue(letter.text().contains("What to bring:"));
        assertTrue(letter.html().contains("Manage my appointment"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void everyMailRendersInBothLanguagesWithoutHoles(String language) {
        AppointmentSummary a = appointment(language);
        AppointmentSummary moved = new AppointmentSummary(UUID.randomUUID(), "ZX98-YW76", a.citizenName(), a.email(),
                language, a.serviceName(), null, a.unitName(), null, Instant.parse("2026-12-09T18:00:00Z"),
                Instant.parse("2026-12-09T18:20:00Z"), a.zone(), null, null);
        List<Function<MailComposer, Letter>> mails = List.of(
                c -> c.confirmation(a),
                c -> c.rescheduled(a, moved),
                c -> c.cancelled(new AppointmentCancelled(a, CancelledBy.CITIZEN, null)),
                c -> c.cancelled(new AppointmentCancelled(a, CancelledBy.CLOSURE, "Corte de agua <urgente>")),
                c -> c.reminder(a),
                c -> c.passwordReset(new PasswordResetRequested(UUID.randomUUID(), "func@valleverde.example",
                        "Funcionaria", "t0k3n-_x", Instant.parse("2026-11-29T02:00:00Z")), language));
        for (Function<MailComposer, Letter> mail : mails) {
            Letter letter = mail.apply(COMPOSER);
            assertEquals(language, letter.language());
            for (String part : List.of(letter.subject(), letter.text(), letter.html())) {
                assertFalse(part.contains("${"), letter.type() + ": " + part);
                assertFalse(part.isBlank(), letter.type().toString());
            }
            assertTrue(letter.html().contains("<html lang=\"" + language + "\">"));
            assertEquals(language.equals("es"), letter.text().contains("No responda a este mensaje"), letter.type().toString());
        }
    }

    @Test
    void theClosureNoticeTellsTheReasonAndRemovesTheEvent() {
        Letter letter = COMPOSER.cancelled(new AppointmentCancelled(appointment("es"), CancelledBy.CLOSURE,
                "Corte de agua <urgente>"));
        assertEquals(NotificationType.UNIT_CLOSURE, letter.type());
        assertEquals("CIERRE:" + ID, letter.deduplicationKey());
        assertTrue(letter.text().contains("Motivo: Corte de agua <urgente>"));
        assertTrue(letter.html().contains("Corte de agua &lt;urgente&gt;"));
        String ics = new String(letter.attachments().get(0).content(), StandardCharsets.UTF_8);
        assertTrue(ics.contains("METHOD:CANCEL\r\n") && ics.contains("UID:" + ID + "\r\n"), ics);
    }

    @Test
    void theRescheduleShowsTheNewCodeAndTheOldTime() {
        AppointmentSummary before = appointment("es");
        AppointmentSummary after = new AppointmentSummary(UUID.randomUUID(), "ZX98-YW76", before.citizenName(),
                before.email(), "es", before.serviceName(), null, before.unitName(), null,
                Instant.parse("2026-12-09T18:00:00Z"), Instant.parse("2026-12-09T18:20:00Z"), null, null, null);
        Letter letter = COMPOSER.rescheduled(before, after);
        assertEquals("CAMBIO:" + after.id(), letter.deduplicationKey());
        assertTrue(letter.subject().contains("miércoles 9 de diciembre de 2026 a las 15:00"), letter.subject());
        assertTrue(letter.text().contains("lunes 7 de diciembre de 2026 a las 10:30 (código AB12-CD34)"));
        assertTrue(letter.text().contains("Código de reserva: ZX98-YW76"));
        assertTrue(letter.text().contains("No se requieren documentos especiales."));
        assertEquals(List.of("cita-ZX98-YW76.ics", "cita-anulada-AB12-CD34.ics", "qr.png"),
                letter.attachments().stream().map(Attachment::fileName).toList());
    }

    @Test
    void theResetMailLinksToTheSignInScreen() {
        UUID user = UUID.randomUUID();
        Instant expires = Instant.parse("2026-11-29T02:00:00Z");
        Letter letter = COMPOSER.passwordReset(new PasswordResetRequested(user, "func@valleverde.example", "Funcionaria",
                "a+b/c=", expires), "es");
        assertEquals("RESET:" + user + ":" + expires.getEpochSecond(), letter.deduplicationKey());
        assertEquals(user, letter.userId());
        assertTrue(letter.text().contains("https://ventanilla.valleverde.example/auth/nueva-clave.xhtml?token=a%2Bb%2Fc%3D"));
        assertTrue(letter.text().contains("vence el sábado 28 de noviembre de 2026 a las 23:00"), letter.text());
        assertFalse(letter.data().contains("a+b/c="), "the secret is not kept in the data");
        assertTrue(letter.attachments().isEmpty());
    }
}
