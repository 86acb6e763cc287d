package cl.ventanilla.backup.boundary;

import cl.ventanilla.backup.control.BackupFolder;
import cl.ventanilla.backup.control.BackupSettings;
import cl.ventanilla.backup.control.BackupWork;
import cl.ventanilla.backup.control.RunLedger;
import cl.ventanilla.backup.control.Schedules;
import cl.ventanilla.backup.entity.BackupException;
import cl.ventanilla.backup.entity.BackupFile;
import cl.ventanilla.backup.entity.BackupKind;
import cl.ventanilla.backup.entity.BackupRun;
import cl.ventanilla.backup.entity.CronSchedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Backups as administrators see them: the finished backups, the latest runs with their progress, "back up
 * now", the download of a backup, and the schedules. Restoring is not here: it stops the application's
 * use of the database, so operators do it with {@code scripts/restore_db.sh} and
 * {@code scripts/restore_configs.sh}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Backups {

    public static final int MAX_RUNS = 200;

    @Inject
    BackupFolder folder;

    @Inject
    RunLedger ledger;

    @Inject
    BackupWork work;

    @Inject
    Schedules schedules;

    @Inject
    BackupSettings settings;

    /** A kind's schedule as the screen shows it. */
    public record ScheduleView(BackupKind kind, String schedule, boolean custom, Instant next) {
    }

    /** Where the backups live and how much room is left. */
    public record Storage(String directory, long usableBytes, long totalBytes, int retentionDays) {
    }

    /** The finished backups, newest first. */
    public List<BackupFile> backups() {
        try {
            return folder.list();
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo leer la carpeta de respaldos " + settings.directory(), e);
        }
    }

    /** The latest runs, running, done or failed, newest first. */
    public List<BackupRun> runs(int limit) {
        return ledger.recent(Math.max(1, Math.min(MAX_RUNS, limit)));
    }

    public BackupRun run(UUID id) {
        return ledger.find(id).orElseThrow(() -> BackupException.notFound("backup.run.notFound", id));
    }

    /**
     * Starts a run of the kind now, on this instance, in the background; follow it with {@link #run}.
     *
     * @throws BackupException 409 when a run of the kind is already going on, anywhere in the cluster
     */
    public BackupRun start(BackupKind kind, String requestedBy) {
        String instance = settings.instance();
        BackupRun run = ledger.claimManual(kind, instance, settings.lease(), requestedBy, work.fileFor(kind));
        work.performLater(run, instance);
        return run;
    }

    /** A finished backup's file, to download; 404 for anything that is not one. */
    public Path file(String name) {
        try {
            return folder.path(folder.get(name).name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BackupFile backup(String name) {
        try {
            return folder.get(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ScheduleView> schedules() {
        List<ScheduleView> views = new ArrayList<>();
        ZonedDateTime now = ZonedDateTime.now(settings.zone());
        for (Schedules.Entry entry : schedules.all().values()) {
            Instant next;
            try {
                next = entry.schedule().flatMap(s -> s.next(now)).map(ZonedDateTime::toInstant).orElse(null);
            } catch (IllegalArgumentException malformed) {
                next = null;
            }
            views.add(new ScheduleView(entry.kind(), entry.text(), entry.custom(), next));
        }
        return views;
    }

    /** Sets a kind's schedule; blank returns to the environment's. 400 when it is not cron's five fields. */
    public ScheduleView schedule(BackupKind kind, String schedule, String by) {
        schedules.set(kind, schedule, by);
        return schedules().stream().filter(v -> v.kind() == kind).findFirst().orElseThrow();
    }

    public Storage storage() {
        Path directory = settings.directory();
        try {
            Path existing = directory;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            var store = Files.getFileStore(existing == null ? Path.of("/") : existing);
            return new Storage(directory.toString(), store.getUsableSpace(), store.getTotalSpace(), settings.retentionDays());
        } catch (IOException e) {
            return new Storage(directory.toString(), -1, -1, settings.retentionDays());
        }
    }

    /** Whether a text names a kind; the API's and screen's parser. */
    public static BackupKind kind(String text) {
        return BackupKind.parse(text).orElseThrow(() -> BackupException.invalid("backup.kind.unknown", String.valueOf(text)));
    }

    /** Checks a schedule's text without saving it (the screen's hint). */
    public static String check(String schedule) {
        try {
            return CronSchedule.parse(schedule).map(CronSchedule::toString).orElse("off");
        } catch (IllegalArgumentException wrong) {
            throw BackupException.invalid("backup.schedule.invalid", schedule, wrong.getMessage());
        }
    }
}
