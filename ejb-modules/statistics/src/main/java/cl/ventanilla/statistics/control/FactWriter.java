package cl.ventanilla.statistics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs one fact's statement on the connection of the fact's transaction (the same {@code jdbc/ventanilla}
 * resource, shared within the JTA transaction), so the aggregate commits with the ticket or the booking, or
 * not at all. The statements are built so that they cannot fail on their data (no foreign key, no check,
 * every value coalesced); a failure of the database itself is logged and not thrown, so statistics never
 * turn a ticket or a booking into an error of their own.
 */
@ApplicationScoped
public class FactWriter {

    private static final Logger LOG = Logger.getLogger(FactWriter.class.getName());

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    /** Executes the statement with the parameters in order (UUID, LocalDate, Instant, Boolean, Integer, null). */
    public void write(String fact, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Estadísticas: no se pudo registrar el hecho " + fact, e);
        }
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            int at = i + 1;
            if (p == null) {
                statement.setNull(at, Types.OTHER);
            } else if (p instanceof LocalDate day) {
                statement.setObject(at, day);
            } else if (p instanceof Instant instant) {
                statement.setObject(at, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof UUID || p instanceof Boolean || p instanceof Integer || p instanceof String) {
                statement.setObject(at, p);
            } else {
                throw new IllegalArgumentException("unsupported parameter " + p.getClass());
            }
        }
    }
}
