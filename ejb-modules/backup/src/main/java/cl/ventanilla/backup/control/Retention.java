package cl.ventanilla.backup.control;

import cl.ventanilla.backup.entity.BackupFile;
import cl.ventanilla.backup.entity.BackupFileName;
import cl.ventanilla.backup.entity.BackupKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes the backups older than {@code RETENTION_DAYS}, never the newest verified database backup nor
 * the newest backup of each kind (a municipality with a week of failed verifications still keeps one
 * backup to restore), and the leftovers of runs that died more than a day ago.
 */
@ApplicationScoped
public class Retention {

    @Inject
    BackupSettings settings;

    @Inject
    BackupFolder folder;

    @Inject
    RunLedger ledger;

    public String clean(Instant now, Heartbeat heartbeat) throws IOException {
        List<BackupFile> backups = folder.list();
        Set<String> kept = new HashSet<>();
        backups.stream().filter(b -> b.kind() == BackupKind.DATABASE && b.verified()).findFirst().ifPresent(b -> kept.add(b.name()));
        for (BackupKind kind : BackupKind.values()) {
            backups.stream().filter(b -> b.kind() == kind).findFirst().ifPresent(b -> kept.add(b.name()));
        }
        Instant limit = now.minus(Duration.ofDays(settings.retentionDays()));
        List<String> removed = new ArrayList<>();
        for (BackupFile backup : backups) {
            if (backup.takenAt().isBefore(limit) && !kept.contains(backup.name())) {
                heartbeat.beat("eliminando " + backup.name());
                Files.deleteIfExists(folder.path(backup.name() + BackupFileName.CHECKSUM));
                Files.deleteIfExists(folder.path(backup.name()));
                ledger.markDeleted(backup.name());
                removed.add(backup.name());
            }
        }
        int leftovers = 0;
        try (Stream<Path> files = Files.list(settings.directory())) {
            for (Path partial : files.filter(f -> f.getFileName().toString().endsWith(BackupFileName.PARTIAL)).toList()) {
                if (Files.getLastModifiedTime(partial).toInstant().isBefore(now.minus(Duration.ofDays(1)))) {
                    Files.deleteIfExists(partial);
                    leftovers++;
                }
            }
        }
        StringBuilder summary = new StringBuilder();
        summary.append(removed.isEmpty() ? "Ningún respaldo tenía más de " + settings.retentionDays() + " días."
                : "Eliminados " + removed.size() + " respaldos de más de " + settings.retentionDays() + " días: "
                        + String.join(", ", removed.subList(0, Math.min(20, removed.size()))) + ".");
        if (leftovers > 0) {
            summary.append(" Eliminados ").append(leftovers).append(" archivos parciales de respaldos interrumpidos.");
        }
        backups.stream().filter(b -> b.kind() == BackupKind.DATABASE && b.verified()).findFirst()
                .ifPresent(b -> summary.append(" Se conserva el último respaldo verificado: ").append(b.name()).append('.'));
        return summary.toString();
    }
}
