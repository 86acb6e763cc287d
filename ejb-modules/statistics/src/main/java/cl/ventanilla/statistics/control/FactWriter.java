package cl.ventanilla.statistics.control;

import cl.ventanilla.kernel.SqlValues;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
            SqlValues.bindAll(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Estadísticas: no se pudo registrar el hecho " + fact, e);
        }
    }
}
