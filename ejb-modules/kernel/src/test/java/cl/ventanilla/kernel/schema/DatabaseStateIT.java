package cl.ventanilla.kernel.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.kernel.testing.TestDatabase;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Readiness's view of the database ({@link DatabaseState}, what {@code /health/ready} reports), against
 * real PostgreSQL databases of the test server made the way each failure happens: migrated, set
 * read-only, empty, left at an older migration, with a failed migration, and a server that does not
 * answer. Each database is this class's own ({@code <DB_NAME>_estado_*}).
 */
class DatabaseStateIT {

    private static final String[] DATABASES = {"migrada", "vacia", "antigua", "fallida"};

    static String expected;

    @BeforeAll
    static void databases() throws Exception {
        for (String database : DATABASES) {
            admin("DROP DATABASE IF EXISTS " + name(database) + " WITH (FORCE)");
            admin("CREATE DATABASE " + name(database) + " ENCODING 'UTF8' TEMPLATE template0");
        }
        Flyway migrated = flyway("migrada").load();
        migrated.migrate();
        expected = SchemaMigration.newestBundled(migrated);
        flyway("antigua").target("1").load().migrate();
        flyway("fallida").load().migrate();
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        for (String database : DATABASES) {
            admin("DROP DATABASE IF EXISTS " + name(database) + " WITH (FORCE)");
        }
    }

    @Test
    void aMigratedWritableDatabaseIsReady() {
        DatabaseState state = DatabaseState.of(source("migrada"), expected);
        assertTrue(state.ready(), state::toString);
        assertEquals(expected, state.schemaVersion());
        assertNotEquals("1", expected, "the build bundles more than one migration");
    }

    @Test
    void aReadOnlyDatabaseIsNotReadyUntilItTakesWritesAgain() throws SQLException {
        admin("ALTER DATABASE " + name("migrada") + " SET default_transaction_read_only = on");
        try {
            DatabaseState state = DatabaseState.of(source("migrada"), expected);
            assertFalse(state.ready(), state::toString);
            assertTrue(state.readOnly());
            assertTrue(state.migrated(), "only the writes are missing");
        } finally {
            admin("ALTER DATABASE " + name("migrada") + " RESET default_transaction_read_only");
        }
        assertTrue(DatabaseState.of(source("migrada"), expected).ready(), "writable again");
    }

    @Test
    void aDatabaseWithoutTheSchemaIsNotReady() {
        DatabaseState state = DatabaseState.of(source("vacia"), expected);
        assertFalse(state.ready(), state::toString);
        assertTrue(state.error().contains("flyway_historial_esquema"), state.error());
    }

    @Test
    void aDatabaseBehindTheBuildsMigrationsIsNotReady() {
        DatabaseState state = DatabaseState.of(source("antigua"), expected);
        assertFalse(state.ready(), state::toString);
        assertTrue(state.writable());
        assertEquals("1", state.schemaVersion());
    }

    @Test
    void aDatabaseWithAFailedMigrationIsNotReady() throws SQLException {
        assertTrue(DatabaseState.of(source("fallida"), expected).ready(), "ready before the failure");
        // what Flyway records when a migration fails where DDL is not transactional
        try (Connection connection = TestDatabase.connect(name("fallida")); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO flyway_historial_esquema (installed_rank, version, description, type, script, checksum,
                        installed_by, execution_time, success)
                    SELECT max(installed_rank) + 1, '9999', 'fallida', 'SQL', 'V9999__fallida.sql', 0, 'prueba', 0, false
                    FROM flyway_historial_esquema""");
        }
        DatabaseState state = DatabaseState.of(source("fallida"), expected);
        assertFalse(state.ready(), state::toString);
        assertEquals(1, state.failedMigrations());
    }

    @Test
    void anUnreachableDatabaseIsNotReady() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"127.0.0.1"});
        nowhere.setPortNumbers(new int[] {closed});
        nowhere.setDatabaseName(name("migrada"));
        nowhere.setUser(TestDatabase.user());
        nowhere.setConnectTimeout(2);
        DatabaseState state = DatabaseState.of(nowhere, expected);
        assertFalse(state.reachable());
        assertFalse(state.ready(), state::toString);
    }

    private static String name(String database) {
        return TestDatabase.name() + "_estado_" + database;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String database) {
        return SchemaMigration.configuration(DatabaseStateIT.class.getClassLoader())
                .dataSource(TestDatabase.url(name(database)), TestDatabase.user(), TestDatabase.password());
    }

    private static DataSource source(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(TestDatabase.url(name(database)));
        source.setUser(TestDatabase.user());
        source.setPassword(TestDatabase.password());
        return source;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
