package cl.ventanilla.payara;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL 15 from Maven Central's binaries (zonky), for running on one machine without a
 * database server. Its data directory lives under the launcher's home and survives restarts.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String NAME = "ventanilla";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final boolean created;

    private EmbeddedDatabase(EmbeddedPostgres postgres, boolean created) {
        this.postgres = postgres;
        this.created = created;
    }

    static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL no corre como root: use scripts/run.sh, que cambia a un usuario sin privilegios.");
        }
        boolean created = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("timezone", "UTC")
                // per-statement timings for operators and scripts/bench.sh; costs next to nothing
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, created);
        database.createApplicationDatabase();
        return database;
    }

    /** Whether this start initialized a new, empty data directory. */
    boolean created() {
        return created;
    }

    int port() {
        return postgres.getPort();
    }

    /** The variables the Payara domain reads to reach this database. */
    Map<String, String> environment() {
        return Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(port()), "DB_NAME", NAME,
                "DB_USER", USER, "DB_PASSWORD", "embedded");
    }

    private void createApplicationDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + NAME + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo crear la base " + NAME + " en PostgreSQL embebido", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
