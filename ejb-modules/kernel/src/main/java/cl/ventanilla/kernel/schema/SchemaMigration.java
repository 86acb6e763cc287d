package cl.ventanilla.kernel.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, once, before the application serves.
 * Flyway takes a PostgreSQL advisory lock for the whole migration, so when several instances of the
 * cluster start together one migrates and the others wait and then find nothing to do. After the
 * schema, it loads the demo municipality when {@code VENTANILLA_DEMO_DATA=true}.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Inject
    DemoData demoData;

    @Inject
    @ConfigProperty(name = "ventanilla.demo-data", defaultValue = "false")
    boolean loadDemoData;

    // A singleton's lifecycle callback ignores the class's attribute: Flyway and the demo loader commit
    // their own work, so no container transaction may wrap them.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("flyway_historial_esquema")
                .baselineOnMigrate(false)
                .validateMigrationNaming(true)
                // all pending migrations in one transaction: an upgrade applies whole or not at all, and
                // the instance holding Flyway's lock applies all of it while the others wait and find none
                .group(true)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Esquema en versión " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migraciones aplicadas en este arranque).");
        if (loadDemoData) {
            demoData.load(dataSource);
        } else {
            // production: the first administrator comes from the environment, once, or not at all
            demoData.firstAdministratorFromEnvironment(dataSource);
        }
    }
}
