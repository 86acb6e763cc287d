package cl.ventanilla.kernel.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo municipality (Ilustre Municipalidad de Valle Verde): directorates, units, services,
 * stations, opening hours, holidays, and one administrator. Loaded only when asked for
 * ({@code VENTANILLA_DEMO_DATA=true}, which the one-machine run command sets), never by default.
 * Idempotent: loading it again changes nothing.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    private static final String SCRIPT = "db/demo/datos_demo.sql";
    /** Serializes demo loading across instances that start together. */
    private static final long LOCK_KEY = 0x56454E54414E494CL;
    private static final int ITERATIONS = 210_000;
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    @ConfigProperty(name = "ventanilla.admin.rut", defaultValue = "11111111-1")
    String adminRut;

    @Inject
    @ConfigProperty(name = "ventanilla.admin.email", defaultValue = "admin@ventanilla.local")
    String adminEmail;

    @Inject
    @ConfigProperty(name = "ventanilla.admin.password")
    Optional<String> adminPassword;

    public void load(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                statement.execute(script());
                createAdministrator(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            LOG.info("Datos de demostración cargados (Ilustre Municipalidad de Valle Verde).");
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudieron cargar los datos de demostración", e);
        }
    }

    /**
     * Outside the demo, creates the first administrator when the environment names a password
     * ({@code VENTANILLA_ADMIN_PASSWORD}, with {@code VENTANILLA_ADMIN_RUT} and {@code VENTANILLA_ADMIN_EMAIL})
     * and no administrator exists yet; otherwise does nothing. No password is ever generated here.
     */
    public void firstAdministratorFromEnvironment(DataSource dataSource) {
        if (adminPassword.filter(p -> !p.isBlank()).isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                createAdministrator(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo crear el primer administrador", e);
        }
    }

    private void createAdministrator(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM usuario_roles WHERE rol = 'ADMIN' LIMIT 1");
                ResultSet found = exists.executeQuery()) {
            if (found.next()) {
                return;
            }
        }
        boolean generated = adminPassword.filter(p -> !p.isBlank()).isEmpty();
        String password = generated ? randomPassword() : adminPassword.get();
        passwordHash.initialize(Map.of("Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256"));
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO usuarios (rut, nombre, email, password_hash, debe_cambiar_password)
                VALUES (?, 'Administración Ventanilla', ?, ?, ?) RETURNING id""")) {
            insert.setString(1, cl.ventanilla.kernel.Rut.of(adminRut).normalized());
            insert.setString(2, adminEmail);
            insert.setString(3, passwordHash.generate(password.toCharArray()));
            insert.setBoolean(4, generated);
            try (ResultSet created = insert.executeQuery()) {
                created.next();
                try (PreparedStatement role = connection.prepareStatement(
                        "INSERT INTO usuario_roles (usuario_id, rol) VALUES (?, 'ADMIN')")) {
                    role.setObject(1, created.getObject(1));
                    role.executeUpdate();
                }
            }
        }
        if (generated) {
            // Printed once, at the first start, because nobody else knows it; it must be changed at first login.
            LOG.warning(() -> "Usuario administrador creado: RUT " + adminRut + ", contraseña inicial: " + password
                    + " (defina VENTANILLA_ADMIN_PASSWORD para elegirla).");
        } else {
            LOG.info(() -> "Usuario administrador creado: RUT " + adminRut + " (contraseña de VENTANILLA_ADMIN_PASSWORD).");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static String script() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Falta " + SCRIPT + " en el módulo kernel");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
