package cl.ventanilla.kernel.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What readiness needs to know of the database, read in one query: whether it answers, whether it takes
 * writes (not a standby in recovery, not read-only by {@code default_transaction_read_only}), and whether
 * its schema is the one this build expects (the newest migration it bundles applied, none failed). An
 * instance whose database fails any of these must leave the balancer rather than fail every request.
 *
 * @param error            why the database could not be read; null when it was
 * @param schemaVersion    the newest migration applied successfully; null when none (or unreadable)
 * @param expectedVersion  the newest migration this build bundles
 */
public record DatabaseState(String error, boolean standby, boolean readOnly, String schemaVersion,
        long failedMigrations, String expectedVersion) {

    /** Reads the state through {@code dataSource}; an unreachable database gives a state with its error. */
    public static DatabaseState of(DataSource dataSource, String expectedVersion) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT pg_is_in_recovery(), current_setting('transaction_read_only') = 'on',
                               (SELECT version FROM flyway_historial_esquema
                                WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1),
                               (SELECT count(*) FROM flyway_historial_esquema WHERE NOT success)""")) {
            row.next();
            return new DatabaseState(null, row.getBoolean(1), row.getBoolean(2), row.getString(3), row.getLong(4),
                    expectedVersion);
        } catch (SQLException e) {
            // no schema history at all is an unmigrated database too: PostgreSQL names the missing table
            return new DatabaseState(e.getMessage(), false, false, null, 0, expectedVersion);
        }
    }

    public boolean reachable() {
        return error == null;
    }

    public boolean writable() {
        return reachable() && !standby && !readOnly;
    }

    public boolean migrated() {
        return reachable() && failedMigrations == 0 && schemaVersion != null && schemaVersion.equals(expectedVersion);
    }

    public boolean ready() {
        return writable() && migrated();
    }
}
