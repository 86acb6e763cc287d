package cl.ventanilla.notifications.entity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An appointment as an iCalendar object (RFC 5545) with one VEVENT, for the {@code .ics} attachment
 * that puts the booking in the citizen's calendar. A {@link Method#REQUEST} adds or updates the event,
 * a {@link Method#CANCEL} with the same UID removes it. Times are written in UTC (so no VTIMEZONE is
 * needed), lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character, and
 * text values escape backslashes, commas, semicolons and line breaks.
 *
 * @param uid         the booking id: the same UID in a later CANCEL removes the event
 * @param method      REQUEST or CANCEL
 * @param sequence    0 for the first version; a CANCEL uses a higher one than the REQUEST it cancels
 * @param stamp       when this object was made (DTSTAMP)
 * @param start       when the appointment starts
 * @param end         when its slot ends
 * @param summary     the title (the service)
 * @param location    the office and its address (may be null)
 * @param description what to bring, the code, the link to manage it (may be null)
 * @param organizer   the municipality's name
 * @param organizerEmail the sender's address
 * @param attendeeName  the citizen
 * @param attendeeEmail the citizen's address
 */
public record CalendarInvite(String uid, Method method, int sequence, Instant stamp, Instant start, Instant end,
        String summary, String location, String description, String organizer, String organizerEmail,
        String attendeeName, String attendeeEmail) {

    /** The iTIP method (RFC 5546) of the object. */
    public enum Method {
        REQUEST, CANCEL
    }

    static final String CRLF = "\r\n";
    static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public CalendarInvite {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(summary, "summary");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the event must end after it starts: " + start + " – " + end);
        }
    }

    /** The {@code Content-Type} of the attachment. */
    public String contentType() {
        return "text/calendar; charset=UTF-8; method=" + method;
    }

    /** The iCalendar text, CRLF line endings, folded. */
    public String text() {
        StringBuilder ics = new StringBuilder(1024);
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "PRODID:-//Ventanilla//Agenda municipal//ES");
        line(ics, "VERSION:2.0");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + method);
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + escape(uid));
        line(ics, "SEQUENCE:" + sequence);
        line(ics, "DTSTAMP:" + utc(stamp));
        line(ics, "DTSTART:" + utc(start));
        line(ics, "DTEND:" + utc(end));
        line(ics, "SUMMARY:" + escape(summary));
        if (location != null && !location.isBlank()) {
            line(ics, "LOCATION:" + escape(location));
        }
        if (description != null && !description.isBlank()) {
            line(ics, "DESCRIPTION:" + escape(description));
        }
        if (organizerEmail != null && !organizerEmail.isBlank()) {
            line(ics, "ORGANIZER" + commonName(organizer) + ":mailto:" + organizerEmail);
        }
        if (attendeeEmail != null && !attendeeEmail.isBlank()) {
            line(ics, "ATTENDEE" + commonName(attendeeName) + ";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:"
                    + attendeeEmail);
        }
        line(ics, "STATUS:" + (method == Method.CANCEL ? "CANCELLED" : "CONFIRMED"));
        line(ics, "TRANSP:OPAQUE");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        out.append("\\n");
                    }
                }
                default -> out.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** A CN parameter, quoted (its value may hold commas or semicolons; quotes are not allowed in it). */
    private static String commonName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return ";CN=\"" + name.replace("\"", "'").replaceAll("[\\r\\n]+", " ") + "\"";
    }

    static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Appends a content line folded at 75 octets (RFC 5545 §3.1): CRLF plus one space continues it. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        } else if (codePoint < 0x800) {
            return 2;
        } else if (codePoint < 0x10000) {
            return 3;
        }
        return 4;
    }
}
