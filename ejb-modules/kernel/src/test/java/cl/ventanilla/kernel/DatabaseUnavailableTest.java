package cl.ventanilla.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aLostOrRefusedConnectionDeepInTheChainIsAnUnavailableDatabase() {
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new PersistenceException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))));
        assertTrue(DatabaseUnavailable.causes(new SQLException("Connection refused", "08001")));
        assertTrue(DatabaseUnavailable.causes(new SQLTransientConnectionException("pool timed out")));
    }

    @Test
    void aShutDownOrReadOnlyNodeIsAnUnavailableDatabase() {
        assertTrue(DatabaseUnavailable.causes(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.causes(new IllegalStateException(
                new SQLException("cannot execute INSERT in a read-only transaction", "25006"))));
    }

    @Test
    void theApplicationsOwnFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causes(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.causes(new IllegalArgumentException("bug")));
    }

    @Test
    void aPoolThatCannotHandOutAConnectionIsAnUnavailableDatabase() {
        class PoolingException extends Exception {
        }
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new PoolingException())));
    }
}
