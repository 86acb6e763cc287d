package cl.ventanilla.kernel;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Binds the values the modules' plain SQL writes: a {@link UUID}, a {@link LocalDate} as a {@code date}, an
 * {@link Instant} as a {@code timestamptz} (to the microsecond the column keeps, no JVM zone), a
 * {@link Boolean}, {@link Integer}, {@link Long} or {@link String}, and {@code null} as a value of whatever
 * type the column has. Anything else is a programming error, refused before it reaches the database.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** Binds the values in order, from parameter 1. */
    public static void bindAll(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(statement, i + 1, values[i]);
        }
    }

    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof UUID || value instanceof LocalDate || value instanceof Boolean
                || value instanceof Integer || value instanceof Long || value instanceof String) {
            statement.setObject(index, value);
        } else {
            throw new IllegalArgumentException("unsupported parameter " + value.getClass());
        }
    }
}
