package cl.ventanilla.backup.control;

import cl.ventanilla.backup.entity.BackupKind;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The backups on {@code /metrics}, per kind ({@code kind="db"} or {@code "configs"}): when the last one
 * worked and failed (Unix seconds, 0 for never, so an alert on the age of the last success fires on a new
 * installation that never backed up), its duration, size, whether it was verified, and whether one runs
 * now. Every instance exports the same figures, read from the database at most every 15 seconds.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupMetrics {

    private static final Logger LOG = Logger.getLogger(BackupMetrics.class.getName());
    static final long FRESH_MILLIS = 15_000;

    @Inject
    MetricRegistry metrics;

    @Inject
    RunLedger ledger;

    private volatile Map<BackupKind, RunLedger.KindStatus> status = Map.of();
    private volatile long readAt;

    @PostConstruct
    void register() {
        for (BackupKind kind : new BackupKind[] {BackupKind.DATABASE, BackupKind.CONFIGURATION}) {
            gauge("ventanilla.backup.last.success.timestamp.seconds", "Último respaldo completado (segundos Unix; 0 = nunca)",
                    kind, s -> seconds(s.lastSuccess()));
            gauge("ventanilla.backup.last.failure.timestamp.seconds", "Último respaldo fallido (segundos Unix; 0 = nunca)",
                    kind, s -> seconds(s.lastFailure()));
            gauge("ventanilla.backup.last.duration.seconds", "Duración del último respaldo completado", kind,
                    s -> s.lastDurationSeconds() == null ? 0 : s.lastDurationSeconds());
            gauge("ventanilla.backup.last.size.bytes", "Tamaño del último respaldo completado", kind,
                    s -> s.lastSizeBytes() == null ? 0 : s.lastSizeBytes());
            gauge("ventanilla.backup.running", "1 mientras corre un respaldo de este tipo", kind, s -> s.running() ? 1 : 0);
        }
        gauge("ventanilla.backup.last.verified", "1 si el último respaldo de la base se verificó restaurándolo",
                BackupKind.DATABASE, s -> Boolean.TRUE.equals(s.lastVerified()) ? 1 : 0);
    }

    private void gauge(String name, String description, BackupKind kind, ToDoubleFunction<RunLedger.KindStatus> value) {
        metrics.gauge(Metadata.builder().withName(name).withDescription(description).build(), this,
                self -> value.applyAsDouble(self.of(kind)), new Tag("kind", kind.label()));
    }

    private RunLedger.KindStatus of(BackupKind kind) {
        long now = System.currentTimeMillis();
        if (now - readAt > FRESH_MILLIS) {
            try {
                status = ledger.status();
                readAt = now;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "No se pudo leer el estado de los respaldos para las métricas", e);
            }
        }
        return status.getOrDefault(kind, new RunLedger.KindStatus(null, null, null, null, null, false));
    }

    private static double seconds(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli() / 1000.0;
    }
}
