package cl.ventanilla.api.health;

import cl.ventanilla.kernel.schema.DatabaseState;
import cl.ventanilla.kernel.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answers, takes writes and has the schema this build expects: behind
 * HAProxy a connection that lands on a read-only standby, a database set read-only, or one restored
 * from before the last migration must take this instance out of the balancer rather than fail every
 * request ({@link DatabaseState}).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @EJB
    SchemaMigration schema;

    @Override
    public HealthCheckResponse call() {
        DatabaseState state = DatabaseState.of(dataSource, schema.expectedVersion());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database").status(state.ready());
        if (!state.reachable()) {
            return response.withData("error", state.error()).build();
        }
        return response.withData("readOnly", state.standby() || state.readOnly())
                .withData("standby", state.standby())
                .withData("schemaVersion", state.schemaVersion() == null ? "none" : state.schemaVersion())
                .withData("expectedSchemaVersion", state.expectedVersion())
                .withData("failedMigrations", state.failedMigrations())
                .build();
    }
}
