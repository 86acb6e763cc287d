package cl.ventanilla.backup.control;

import cl.ventanilla.backup.entity.BackupKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The backups' settings, from the environment (MicroProfile Config), read on every use so that a test or
 * an operator changing a system property sees it at once. Every instance of the cluster must have the
 * same values and the same {@code BACKUP_DIR} (a shared volume in compose, one folder on one machine).
 *
 * <ul>
 * <li>{@code BACKUP_DIR}: the folder of the backups (default {@code ~/.ventanilla/respaldos}).</li>
 * <li>{@code BACKUP_DB_SCHEDULE}, {@code BACKUP_CONFIGS_SCHEDULE} (default {@code 0 2 * * *}),
 * {@code BACKUP_CLEANUP_SCHEDULE} (default {@code 30 2 * * *}): cron's five fields in
 * {@code BACKUP_TIMEZONE} (default America/Santiago); {@code off} disables one.</li>
 * <li>{@code RETENTION_DAYS} (default 7), as in the original.</li>
 * <li>{@code BACKUP_CONFIG_PATHS}: the files and folders of the configuration archive, separated by
 * {@code :}.</li>
 * <li>{@code BACKUP_PG_BIN}: the folder with pg_dump and psql, when they are not on the PATH.</li>
 * <li>{@code BACKUP_LEASE_SECONDS} (default 120): how long a run stays its instance's without a sign of
 * life before another instance takes it over; {@code BACKUP_CATCH_UP_MINUTES} (default 180): how late a
 * scheduled run missed while no instance was up still runs.</li>
 * </ul>
 */
@ApplicationScoped
public class BackupSettings {

    public Path directory() {
        return Path.of(text("BACKUP_DIR").orElse(System.getProperty("user.home") + "/.ventanilla/respaldos"))
                .toAbsolutePath();
    }

    public ZoneId zone() {
        return ZoneId.of(text("BACKUP_TIMEZONE").orElse("America/Santiago"));
    }

    /** The environment's schedule of a kind: cron's five fields, or {@code off}. */
    public String scheduleText(BackupKind kind) {
        String name = "BACKUP_" + kind.label().toUpperCase(java.util.Locale.ROOT) + "_SCHEDULE";
        return text(name).orElse(kind == BackupKind.CLEANUP ? "30 2 * * *" : "0 2 * * *");
    }

    public int retentionDays() {
        return Integer.parseInt(text("RETENTION_DAYS").orElse("7"));
    }

    public List<Path> configPaths() {
        List<Path> paths = new ArrayList<>();
        for (String part : text("BACKUP_CONFIG_PATHS").orElse("").split(":")) {
            if (!part.isBlank()) {
                paths.add(Path.of(part.trim()).toAbsolutePath().normalize());
            }
        }
        return paths;
    }

    public Duration lease() {
        return Duration.ofSeconds(Long.parseLong(text("BACKUP_LEASE_SECONDS").orElse("120")));
    }

    public Duration catchUp() {
        return Duration.ofMinutes(Long.parseLong(text("BACKUP_CATCH_UP_MINUTES").orElse("180")));
    }

    /** A PostgreSQL client program: from {@code BACKUP_PG_BIN}, the PATH, or Debian's PostgreSQL folders. */
    public Optional<Path> program(String name) {
        Optional<Path> configured = text("BACKUP_PG_BIN").map(folder -> Path.of(folder, name));
        if (configured.isPresent()) {
            return configured.filter(Files::isExecutable);
        }
        List<Path> candidates = new ArrayList<>();
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (!folder.isBlank()) {
                candidates.add(Path.of(folder, name));
            }
        }
        for (int version = 17; version >= 15; version--) {
            candidates.add(Path.of("/usr/lib/postgresql/" + version + "/bin", name));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** How pg_dump and psql reach the database: the same variables as the connection pool. */
    public Connection connection() {
        return new Connection(text("DB_HOST").orElse("127.0.0.1"), text("DB_PORT").orElse("5432"),
                text("DB_NAME").orElse("ventanilla"), text("DB_USER").orElse("ventanilla"), text("DB_PASSWORD").orElse(""));
    }

    /** The database as the client programs and JDBC see it. */
    public record Connection(String host, String port, String database, String user, String password) {

        public String jdbcUrl(String otherDatabase) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + otherDatabase;
        }
    }

    /** This instance's name in the runs it records: Payara's instance name and the host. */
    public String instance() {
        String server = System.getProperty("com.sun.aas.instanceName", "server");
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return server + "@" + host;
    }

    /** A JVM system property of that name wins (asadmin create-system-properties), then MicroProfile Config. */
    private static Optional<String> text(String name) {
        String property = System.getProperty(name);
        if (property != null) {
            return Optional.of(property.trim()).filter(value -> !value.isEmpty());
        }
        Config config = ConfigProvider.getConfig(BackupSettings.class.getClassLoader());
        return config.getOptionalValue(name, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }
}
