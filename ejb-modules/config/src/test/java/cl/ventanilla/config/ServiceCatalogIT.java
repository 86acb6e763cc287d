package cl.ventanilla.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.config.boundary.ServiceCatalog;
import cl.ventanilla.config.boundary.ServiceCatalog.DirectorateServices;
import cl.ventanilla.config.entity.MunicipalService;
import cl.ventanilla.kernel.schema.DemoData;
import cl.ventanilla.kernel.testing.ModuleDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The config boundary and its JPA mapping, in Payara Micro against the real PostgreSQL: the schema
 * comes from the Flyway migrations at start-up and the demo municipality from the demo data.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceCatalogIT {

    @Deployment
    static WebArchive deployment() {
        return ModuleDeployment.of("config-it.war", "cl.ventanilla.config");
    }

    @Inject
    ServiceCatalog catalog;

    @Inject
    DemoData demoData;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Test
    void theMigrationCreatesTheOriginalTables() throws SQLException {
        List<String> tables = strings("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' ORDER BY table_name""");
        for (String original : List.of("usuarios", "direcciones_municipales", "unidades", "servicios",
                "agendamientos", "turnos", "estaciones", "estadisticas", "notificaciones")) {
            assertTrue(tables.contains(original), () -> original + " missing from " + tables);
        }
        List<String> applied = strings("SELECT version FROM flyway_historial_esquema WHERE success ORDER BY installed_rank");
        assertEquals("1", applied.get(0), "the initial schema first: " + applied);
        assertEquals(applied, strings("SELECT version FROM flyway_historial_esquema ORDER BY installed_rank"),
                "every migration applied, none failed");
        assertEquals(List.of("pgcrypto", "uuid-ossp"),
                strings("SELECT extname FROM pg_extension WHERE extname IN ('pgcrypto', 'uuid-ossp') ORDER BY extname"));
    }

    @Test
    void theDirectoryGroupsTheDemoServicesByDirectorateAndUnit() {
        List<DirectorateServices> directory = catalog.directory();
        assertTrue(directory.size() >= 3, "directorates: " + directory.size());
        long units = directory.stream().mapToLong(d -> d.units().size()).sum();
        long services = directory.stream().flatMap(d -> d.units().stream()).mapToLong(u -> u.services().size()).sum();
        assertTrue(units >= 6, "units: " + units);
        assertTrue(services >= 12, "services: " + services);
        assertEquals(catalog.activeServices().size(), services);

        List<String> names = directory.stream().map(d -> d.directorate().getName()).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Collator.getInstance(Locale.forLanguageTag("es-CL")));
        assertEquals(sorted, names, "directorates in alphabetical order");
        directory.forEach(d -> d.units().forEach(u -> assertTrue(
                u.unit().getDirectorate().getId().equals(d.directorate().getId()), "unit under its directorate")));
    }

    @Test
    void aDeactivatedServiceLeavesTheCatalogAndKeepsItsRow() throws SQLException {
        MunicipalService service = catalog.activeServices().get(0);
        String before = strings("SELECT ultima_actualizacion::text FROM servicios WHERE id = '" + service.getId() + "'").get(0);
        execute("UPDATE servicios SET activo = false WHERE id = '" + service.getId() + "'");
        try {
            assertFalse(catalog.activeServices().stream().anyMatch(s -> s.getId().equals(service.getId())));
            String after = strings("SELECT ultima_actualizacion::text FROM servicios WHERE id = '" + service.getId() + "'").get(0);
            assertFalse(before.equals(after), "the trigger maintains ultima_actualizacion");
        } finally {
            execute("UPDATE servicios SET activo = true WHERE id = '" + service.getId() + "'");
        }
        assertTrue(catalog.activeServices().stream().anyMatch(s -> s.getId().equals(service.getId())));
    }

    @Test
    void demoDataLoadsOnceWithOneAdministrator() throws SQLException {
        String counts = """
                SELECT (SELECT count(*) FROM direcciones_municipales) || '/' || (SELECT count(*) FROM unidades)
                    || '/' || (SELECT count(*) FROM servicios) || '/' || (SELECT count(*) FROM estaciones)
                    || '/' || (SELECT count(*) FROM usuarios)""";
        String before = strings(counts).get(0);
        demoData.load(dataSource);
        assertEquals(before, strings(counts).get(0));
        List<String> admins = strings("""
                SELECT u.password_hash FROM usuarios u JOIN usuario_roles r ON r.usuario_id = u.id WHERE r.rol = 'ADMIN'""");
        assertEquals(1, admins.size());
        assertTrue(admins.get(0).startsWith("PBKDF2WithHmacSHA256:210000:"), admins.get(0));
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
