package cl.ventanilla.kernel.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The PostgreSQL the integration tests use: the one the environment names ({@code DB_HOST},
 * {@code DB_PORT}, {@code DB_USER}, {@code DB_PASSWORD}; the build passes the local server's when
 * unset). Each test run gets a fresh database named by {@code DB_NAME}, so tests never see data of an
 * earlier run nor of the application the developer is running.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static String host() {
        return env("DB_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(env("DB_PORT", "5432"));
    }

    public static String name() {
        return env("DB_NAME", "ventanilla_it");
    }

    public static String user() {
        return env("DB_USER", "postgres");
    }

    public static String password() {
        return env("DB_PASSWORD", "");
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Drops and creates the test database, and says where it lives. */
    public static void recreate() {
        System.out.printf("PostgreSQL de las pruebas: %s:%d, base %s (tomado del entorno; sin Docker no se usa Testcontainers)%n",
                host(), port(), name());
        if (!name().matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("DB_NAME must be a plain identifier: " + name());
        }
        try (Connection admin = DriverManager.getConnection(url("postgres"), user(), password());
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name() + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name() + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("No PostgreSQL answers at " + host() + ":" + port()
                    + " for the integration tests (set DB_HOST/DB_PORT/DB_USER/DB_PASSWORD): " + e.getMessage(), e);
        }
    }

    /** A connection to another database of the same server (a restored copy, a scratch database). */
    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user(), password());
    }

    /** A plain JDBC connection to the test database, for checks from outside the application. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(name()), user(), password());
    }

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).orElse(fallback);
    }
}
