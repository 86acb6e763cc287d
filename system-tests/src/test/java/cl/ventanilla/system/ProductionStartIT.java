package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cl.ventanilla.kernel.Rut;
import cl.ventanilla.kernel.testing.TestDatabase;
import cl.ventanilla.payara.Launcher;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A production start of the built EAR: a database of its own ({@code <system db>_prod}, created empty),
 * no {@code VENTANILLA_DEMO_DATA}, the first administrator named by the environment. The schema is
 * migrated, the administrator is the only account and can sign in with the password given, and nothing
 * of the demo municipality exists; a second start with another password creates nobody.
 *
 * <p>It does not stand on {@link SystemTest}'s demo server: it starts its own Payara Server through the
 * same launcher as the run command, in its own home, three ports above the tests' port base (Payara's
 * ports of the two servers, base+9…base+86, do not meet at that offset).
 */
class ProductionStartIT {

    private static final String ADMIN_RUT = "22222222-2";
    private static final String ADMIN_PASSWORD = "clave-primer-admin-2026";
    /** Every table the demo municipality fills. */
    private static final List<String> DEMO_TABLES = List.of("direcciones_municipales", "unidades", "servicios",
            "estaciones", "estacion_servicios", "horarios_unidad", "feriados", "parametros_sistema",
            "categorias_preferenciales", "reglas_prioridad", "reglas_prioridad_categorias", "usuario_unidades");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theFirstAdministratorComesFromTheEnvironmentAndNothingElseIsCreated() throws Exception {
        String database = TestDatabase.name() + "_prod";
        try (Connection admin = TestDatabase.connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        }
        Path home = Path.of(System.getProperty("ventanilla.home") + "-produccion");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("DB_NAME", database);
        // as on a server: the variable not given (an empty one is unset to the application; the build's
        // environment, which the server's processes inherit, sets it for the demo server)
        environment.put("VENTANILLA_DEMO_DATA", "");
        environment.put("VENTANILLA_ADMIN_RUT", ADMIN_RUT);
        environment.put("VENTANILLA_ADMIN_EMAIL", "primer.admin@municipalidad.example.cl");
        environment.put("VENTANILLA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("BACKUP_DIR", home.resolve("respaldos").toString());
        for (String kind : List.of("DB", "CONFIGS", "CLEANUP")) {
            environment.put("BACKUP_" + kind + "_SCHEDULE", "off");
        }
        Path root = Path.of(System.getProperty("ventanilla.root"));
        int portBase = Integer.parseInt(System.getProperty("ventanilla.portBase")) + 3;

        try (Launcher launcher = Launcher.start(environment, home, root, portBase)) {
            String base = "http://127.0.0.1:" + launcher.httpPort();
            assertEquals(200, get(base + "/health/ready").statusCode(), "ready: migrated and writable");
            assertEquals(Map.of("usuarios", "1", "usuario_roles", "1"), counts(database, List.of("usuarios", "usuario_roles")));
            assertEquals(List.of(Rut.of(ADMIN_RUT).normalized(), "ADMIN", "f"), row(database, """
                    SELECT u.rut, r.rol, u.debe_cambiar_password FROM usuarios u JOIN usuario_roles r ON r.usuario_id = u.id"""));
            Map<String, String> empty = new LinkedHashMap<>();
            DEMO_TABLES.forEach(table -> empty.put(table, "0"));
            assertEquals(empty, counts(database, DEMO_TABLES), "no demo data");

            HttpResponse<String> signedIn = signIn(base, ADMIN_RUT, ADMIN_PASSWORD);
            assertEquals(200, signedIn.statusCode(), signedIn.body());
            JsonObject user = VentanillaServer.json(signedIn.body()).asJsonObject().getJsonObject("user");
            assertEquals(List.of("ADMIN"), user.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList(), user::toString);
            assertEquals(401, signIn(base, "11111111-1", ADMIN_PASSWORD).statusCode(), "no demo administrator");
            HttpResponse<String> services = get(base + "/api/appointments/services");
            assertEquals(200, services.statusCode());
            assertEquals("[]", services.body().strip(), "the portal offers no demo services");
        }

        // a second start naming another password: the administrator exists, nobody is created or changed
        environment.put("VENTANILLA_ADMIN_RUT", "33333333-3");
        environment.put("VENTANILLA_ADMIN_PASSWORD", "otra-clave-2026");
        try (Launcher launcher = Launcher.start(environment, home, root, portBase)) {
            String base = "http://127.0.0.1:" + launcher.httpPort();
            assertEquals(Map.of("usuarios", "1", "usuario_roles", "1"), counts(database, List.of("usuarios", "usuario_roles")));
            assertEquals(200, signIn(base, ADMIN_RUT, ADMIN_PASSWORD).statusCode(), "the first password still holds");
            assertEquals(401, signIn(base, "33333333-3", "otra-clave-2026").statusCode());
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(String base, String rut, String password) throws Exception {
        String body = Json.createObjectBuilder().add("rut", rut).add("password", password).build().toString();
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> counts(String database, List<String> tables) throws Exception {
        Map<String, String> counts = new LinkedHashMap<>();
        try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    row.next();
                    counts.put(table, row.getString(1));
                }
            }
        }
        return counts;
    }

    private static List<String> row(String database, String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            List<String> values = new java.util.ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                values.add(row.getString(i));
            }
            assertFalse(row.next(), "one row");
            return values;
        }
    }
}
