package cl.ventanilla.notifications.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the mails need of the installation: the municipality's name and time zone
 * ({@code parametros_sistema}, owned by the config domain, read here with SQL), the public URL
 * ({@code ventanilla.public.url}, env {@code VENTANILLA_PUBLIC_URL}) and the sender.
 */
@ApplicationScoped
public class OutboxSettings {

    private static final Logger LOG = Logger.getLogger(OutboxSettings.class.getName());
    static final String DEFAULT_MUNICIPALITY = "Municipalidad";

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    public MailComposer.Context context(Instant now) {
        var config = ConfigProvider.getConfig(OutboxSettings.class.getClassLoader());
        ZoneId zone = parameter("municipalidad.zona_horaria").flatMap(OutboxSettings::zone)
                .orElse(MailComposer.DEFAULT_ZONE);
        return new MailComposer.Context(municipalityName(), SmtpSettings.publicUrl(config), SmtpSettings.from(config),
                zone, now);
    }

    public String municipalityName() {
        return parameter("municipalidad.nombre").orElse(DEFAULT_MUNICIPALITY);
    }

    private Optional<String> parameter(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT valor FROM parametros_sistema WHERE clave = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)).filter(v -> !v.isBlank()) : Optional.empty();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "No se pudo leer el parámetro " + key, e);
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id.trim()));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }
}
