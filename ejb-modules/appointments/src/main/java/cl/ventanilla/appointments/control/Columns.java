package cl.ventanilla.appointments.control;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** Reads the values of native query rows whatever Java type the JDBC driver and Hibernate chose. */
final class Columns {

    private Columns() {
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    static LocalTime time(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Time t ? t.toLocalTime() : (LocalTime) value;
    }

    static UUID uuid(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    static int integer(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
