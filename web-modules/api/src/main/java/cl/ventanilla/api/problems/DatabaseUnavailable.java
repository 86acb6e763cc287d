package cl.ventanilla.api.problems;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means that the database cannot be reached for the moment: during a switch-over the
 * old primary is gone and Patroni has not promoted the standby yet (about ten seconds), or a connection
 * still points at a node that became read-only. The request may be repeated as it was; it is not a fault
 * of the application.
 */
final class DatabaseUnavailable {

    /** SQLSTATE classes and codes of an unreachable or read-only database. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "25006");

    /** What the connection pool says when it cannot hand out a connection. */
    private static final Set<String> POOL_FAILURES = Set.of("PoolingException", "ResourceAllocationException");

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (POOL_FAILURES.contains(cause.getClass().getSimpleName())) {
                return true;
            }
        }
        return false;
    }
}
