package cl.ventanilla.api.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answers and is writable: behind HAProxy a connection that lands on a
 * read-only standby must take this instance out of the balancer rather than fail every write.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT pg_is_in_recovery(),
                               (SELECT version FROM flyway_historial_esquema
                                WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1)""")) {
            row.next();
            boolean standby = row.getBoolean(1);
            String schema = row.getString(2);
            return response.status(!standby && schema != null)
                    .withData("readOnly", standby)
                    .withData("schemaVersion", schema == null ? "none" : schema)
                    .build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
