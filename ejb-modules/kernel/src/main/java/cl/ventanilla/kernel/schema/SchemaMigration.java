package cl.ventanilla.kernel.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Comparator;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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

    private volatile String expectedVersion;

    // A singleton's lifecycle callback ignores the class's attribute: Flyway and the demo loader commit
    // their own work, so no container transaction may wrap them.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        Flyway flyway = configuration(SchemaMigration.class.getClassLoader()).dataSource(dataSource).load();
        MigrateResult result = flyway.migrate();
        expectedVersion = newestBundled(flyway);
        LOG.info(() -> "Esquema en versión " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migraciones aplicadas en este arranque).");
        if (loadDemoData) {
            demoData.load(dataSource);
        } else {
            // production: the first administrator comes from the environment, once, or not at all
            demoData.firstAdministratorFromEnvironment(dataSource);
        }
    }

    /** The newest migration this build bundles: what a ready database must have applied. */
    @Lock(LockType.READ)
    public String expectedVersion() {
        return expectedVersion;
    }

    /** How every instance migrates (and how the tests migrate as an instance would), without the database. */
    public static FluentConfiguration configuration(ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .locations("classpath:db/migration")
                .table("flyway_historial_esquema")
                .baselineOnMigrate(false)
                .validateMigrationNaming(true)
                // all pending migrations in one transaction: an upgrade applies whole or not at all, and
                // the instance holding Flyway's lock applies all of it while the others wait and find none
                .group(true);
    }

    /** The newest version among the migrations the build bundles, applied or not. */
    public static String newestBundled(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getVersion() != null && migration.getState().isResolved())
                .map(MigrationInfo::getVersion).max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion).orElseThrow();
    }
}
