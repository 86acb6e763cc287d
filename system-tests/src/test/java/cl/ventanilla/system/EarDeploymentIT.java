package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.kernel.testing.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR as operators deploy it: Payara Server, the JDBC pool from the environment, Flyway at start-up,
 * the demo municipality; then the REST API, the Faces portal, health and metrics over HTTP.
 */
class EarDeploymentIT extends SystemTest {

    static List<String> activeServiceNames;

    @BeforeAll
    static void readTheDatabase() throws SQLException {
        activeServiceNames = strings("""
                SELECT s.nombre FROM servicios s JOIN unidades u ON u.id = s.unidad_id
                JOIN direcciones_municipales d ON d.id = u.direccion_id
                WHERE s.activo AND u.activo AND d.activo""");
    }

    @Test
    void theEarHoldsTheModulesAndTheSharedLibraries() throws Exception {
        Path ear = Path.of(System.getProperty("ventanilla.root"), "ear/target/ventanilla.ear");
        try (ZipFile zip = new ZipFile(ear.toFile())) {
            Set<String> entries = zip.stream().map(e -> e.getName()).collect(Collectors.toCollection(TreeSet::new));
            for (String module : List.of("ventanilla-kernel.jar", "ventanilla-config.jar", "ventanilla-api.war",
                    "ventanilla-lobby.war", "META-INF/application.xml")) {
                assertTrue(entries.contains(module), () -> module + " not in " + entries);
            }
            assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/hibernate-core")), entries::toString);
            assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/flyway-core")), entries::toString);
            assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/jedis")), entries::toString);
            assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/jose4j")), entries::toString);
        }
    }

    @Test
    void theApiListsTheActiveServicesAsJson() throws Exception {
        HttpResponse<String> response = server.get("/api/config/services", "Accept", "application/json");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonArray services = VentanillaServer.json(response.body()).asJsonArray();
        assertTrue(services.size() >= 12, "demo services: " + services.size());
        List<String> names = new ArrayList<>();
        for (JsonObject service : services.getValuesAs(JsonObject.class)) {
            names.add(service.getString("name"));
            assertTrue(service.getString("prefix").matches("[A-Z]{1,2}"), service::toString);
            assertFalse(service.getJsonObject("unit").getString("name").isBlank());
            assertFalse(service.getJsonObject("unit").getJsonObject("directorate").getString("name").isBlank());
            assertFalse(service.containsKey("version"), "internal fields stay internal");
        }
        assertEquals(new TreeSet<>(activeServiceNames), new TreeSet<>(names));
    }

    @Test
    void thePortalListsDirectoratesAndServicesInSpanish() throws Exception {
        HttpResponse<String> response = server.get("/");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = response.body();
        assertTrue(html.contains("lang=\"es\""), "Spanish page");
        assertTrue(html.contains("Servicios municipales"));
        assertTrue(html.contains("Dirección de Tránsito y Transporte Público"));
        for (String name : activeServiceNames) {
            assertTrue(html.contains(escape(name)), () -> name + " missing from the portal");
        }
        assertFalse(html.contains("#{"), "no unresolved expressions");
    }

    @Test
    void thePortalSpeaksEnglishWhenAsked() throws Exception {
        String chosen = server.get("/?lang=en").body();
        assertTrue(chosen.contains("lang=\"en\"") && chosen.contains("Municipal services"));
        String browser = server.get("/", "Accept-Language", "en-US,en;q=0.9").body();
        assertTrue(browser.contains("Municipal services"));
        assertTrue(server.get("/", "Accept-Language", "es-CL,es;q=0.9").body().contains("Servicios municipales"));
    }

    @Test
    void readinessChecksTheDatabaseAndReportsRedis() throws Exception {
        HttpResponse<String> response = server.get("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = VentanillaServer.json(response.body()).asJsonObject();
        assertEquals("UP", health.getString("status"));
        JsonObject database = check(health, "database");
        assertEquals("UP", database.getString("status"));
        assertEquals(strings("""
                SELECT version FROM flyway_historial_esquema WHERE success AND version IS NOT NULL
                ORDER BY installed_rank DESC LIMIT 1""").get(0),
                database.getJsonObject("data").getString("schemaVersion"), "the newest migration");
        JsonObject redis = check(health, "redis");
        assertEquals("true", redis.getJsonObject("data").getString("available"), redis::toString);
    }

    @Test
    void metricsArePrometheusTextWithTheApplicationsTimers() throws Exception {
        server.get("/api/config/services");
        HttpResponse<String> response = server.get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(response.body().contains("ventanilla_config_services_seconds_count"), "business timer exported");
    }

    @Test
    void apiErrorsAreProblemDetailsInTheCallersLanguage() throws Exception {
        HttpResponse<String> missing = server.get("/api/config/nothing-here");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = VentanillaServer.json(missing.body()).asJsonObject();
        assertEquals(404, problem.getInt("status"));
        assertEquals("El recurso solicitado no existe.", problem.getString("detail"));

        HttpResponse<String> english = server.get("/api/config/nothing-here", "Accept-Language", "en");
        assertEquals("The requested resource does not exist.",
                VentanillaServer.json(english.body()).asJsonObject().getString("detail"));

        HttpResponse<String> wrongMethod = server.send("DELETE", "/api/config/services", "");
        assertEquals(405, wrongMethod.statusCode());
        assertFalse(wrongMethod.body().contains("Exception"), "no stack traces");
    }

    @Test
    void theSchemaWasMigratedOnceAndTheAdministratorsPasswordIsHashed() throws Exception {
        List<String> versions = strings("SELECT version FROM flyway_historial_esquema ORDER BY installed_rank");
        assertEquals(versions.stream().distinct().toList(), versions, "each migration applied once");
        assertEquals(List.of(), strings("SELECT version FROM flyway_historial_esquema WHERE NOT success"));
        List<String> hashes = strings("""
                SELECT u.password_hash FROM usuarios u JOIN usuario_roles r ON r.usuario_id = u.id WHERE r.rol = 'ADMIN'""");
        assertEquals(1, hashes.size());
        assertNotEquals("prueba-sistema-2026", hashes.get(0));
        assertTrue(hashes.get(0).startsWith("PBKDF2WithHmacSHA256:"));
    }

    @Test
    void theServerLogHasNoSevereLines() throws Exception {
        List<String> severe = Files.readAllLines(server.serverLog()).stream()
                .filter(line -> line.contains("[SEVERE]")).toList();
        assertEquals(List.of(), severe);
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> name.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " check missing: " + health));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
