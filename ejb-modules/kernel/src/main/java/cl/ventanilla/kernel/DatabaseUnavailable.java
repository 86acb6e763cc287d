package cl.ventanilla.kernel;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a failure means that the database cannot be reached for the moment: during a switch-over the
 * old primary is gone and Patroni has not promoted the standby yet (about ten seconds), or a connection
 * still points at a node that became read-only. The request may be repeated as it was; it is not a fault
 * of the application: the API and the sign-in mechanism answer 503 with {@code Retry-After}.
 */
public final class DatabaseUnavailable {

    /** Seconds after which a client may repeat a request the database could not take. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String PROBLEM_TYPE = "urn:ventanilla:problem:database.unavailable";

    /** SQLSTATE classes and codes of an unreachable or read-only database. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "25006");

    /** What the connection pool says when it cannot hand out a connection. */
    private static final Set<String> POOL_FAILURES = Set.of("PoolingException", "ResourceAllocationException");

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
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

    /** The sentence for the person in front of the screen, Spanish unless they read English. */
    public static String message(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage())
                ? "The service is recovering from a database failure. Please try again in a few seconds."
                : "El servicio se está recuperando de una falla de la base de datos. Intente nuevamente en unos segundos.";
    }
}
