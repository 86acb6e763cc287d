package cl.ventanilla.notifications.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.notifications.entity.CalendarInvite.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarInviteTest {

    private static final Instant START = Instant.parse("2026-12-07T13:30:00Z");
    private static final Instant END = Instant.parse("2026-12-07T13:50:00Z");

    private static CalendarInvite invite(String summary, String location, String description) {
        return new CalendarInvite("9b2f0c1e-0000-4000-8000-000000000001", Method.REQUEST, 0,
                Instant.parse("2026-11-29T01:02:03.456Z"), START, END, summary, location, description,
                "Ilustre Municipalidad de Valle Verde", "no-responder@valleverde.example", "Ana Pérez",
                "ana@example.com");
    }

    @Test
    void everyLineEndsInCrlfAndNoBareLineFeedRemains() {
        String ics = invite("Renovación de licencia", "Oficina, Calle 1", "Traer cédula").text();
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "no bare LF");
        assertFalse(ics.replace("\r\n", "").contains("\r"), "no bare CR");
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"));
        assertTrue(ics.contains("\r\nMETHOD:REQUEST\r\n"));
        assertTrue(ics.contains("\r\nUID:9b2f0c1e-0000-4000-8000-000000000001\r\n"));
        assertTrue(ics.contains("\r\nSTATUS:CONFIRMED\r\n"));
    }

    @Test
    void timesAreWrittenInUtcWithoutFractions() {
        String ics = invite("Trámite", null, null).text();
        assertTrue(ics.contains("\r\nDTSTART:20261207T133000Z\r\n"), ics);
        assertTrue(ics.contains("\r\nDTEND:20261207T135000Z\r\n"), ics);
        assertTrue(ics.contains("\r\nDTSTAMP:20261129T010203Z\r\n"), ics);
        assertFalse(ics.contains("LOCATION"), "no empty LOCATION");
    }

    @Test
    void commasSemicolonsBackslashesAndNewlinesAreEscaped() {
        String ics = unfold(invite("Licencias; clase B, renovación", "Oficina 2, piso 1",
                "Traer:\ncédula; foto\\carnet").text());
        assertTrue(ics.contains("\r\nSUMMARY:Licencias\\; clase B\\, renovación\r\n"), ics);
        assertTrue(ics.contains("\r\nLOCATION:Oficina 2\\, piso 1\r\n"), ics);
        assertTrue(ics.contains("\r\nDESCRIPTION:Traer:\\ncédula\\; foto\\\\carnet\r\n"), ics);
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingCharacters() {
        String description = "Requisitos: cédula de identidad vigente, licencia anterior, certificado de "
                .repeat(4) + "ñandú€";
        String ics = invite("Renovación", null, description).text();
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "too long: " + line);
        }
        List<String> continuation = Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith(" ")).toList();
        assertTrue(continuation.size() >= 4, "the description is folded: " + ics);
        // each folded line is still valid UTF-8 on its own (no character cut in half)
        for (String line : ics.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertEquals(line, new String(bytes, StandardCharsets.UTF_8));
        }
        assertTrue(unfold(ics).contains("DESCRIPTION:" + CalendarInvite.escape(description) + "\r\n"));
    }

    @Test
    void foldingCountsOctetsNotCharacters() {
        StringBuilder out = new StringBuilder();
        CalendarInvite.line(out, "SUMMARY:" + "é".repeat(60));
        String[] lines = out.toString().split("\r\n");
        assertEquals(75 - 1, lines[0].getBytes(StandardCharsets.UTF_8).length,
                "8 ASCII octets + 33 two-octet characters; the 34th would pass 75");
        assertTrue(lines[1].startsWith(" é"));
    }

    @Test
    void aCancellationRemovesTheSameEvent() {
        CalendarInvite cancel = new CalendarInvite("id-1", Method.CANCEL, 1, START, START, END, "Trámite", null, null,
                "Municipalidad", "no-responder@valleverde.example", null, "ana@example.com");
        String ics = cancel.text();
        assertTrue(ics.contains("\r\nMETHOD:CANCEL\r\n"));
        assertTrue(ics.contains("\r\nSTATUS:CANCELLED\r\n"));
        assertTrue(ics.contains("\r\nSEQUENCE:1\r\n"));
        assertEquals("text/calendar; charset=UTF-8; method=CANCEL", cancel.contentType());
    }

    @Test
    void anEventMustEndAfterItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new CalendarInvite("x", Method.REQUEST, 0, START, END, START,
                "s", null, null, null, null, null, null));
    }

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }
}
