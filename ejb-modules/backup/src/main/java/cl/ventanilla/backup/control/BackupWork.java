package cl.ventanilla.backup.control;

import cl.ventanilla.backup.entity.BackupFileName;
import cl.ventanilla.backup.entity.BackupKind;
import cl.ventanilla.backup.entity.BackupRun;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does one claimed run to its end: writes the backup under a temporary name, verifies a database backup
 * by restoring it, writes the checksum, gives the file its final name and records the result. Every
 * step renews the run's lease; when another instance has taken the run over, this one stops and removes
 * what it wrote. Any failure (pg_dump failing, a full disk, a missing program) ends the run as FALLIDO with
 * the reason, in the log and on the screen; nothing half-written keeps a backup's name.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupWork {

    private static final Logger LOG = Logger.getLogger(BackupWork.class.getName());

    @Inject
    RunLedger ledger;

    @Inject
    BackupSettings settings;

    @Inject
    DatabaseBackup database;

    @Inject
    ConfigArchive configs;

    @Inject
    Retention retention;

    /** The file name a run of the kind started now gets. */
    public String fileFor(BackupKind kind) {
        return kind.producesFile() ? BackupFileName.of(kind, LocalDateTime.now(settings.zone())) : null;
    }

    /** Runs it in the background (an administrator's "respaldar ahora"). */
    @Asynchronous
    public void performLater(BackupRun run, String instance) {
        perform(run, instance);
    }

    public void perform(BackupRun run, String instance) {
        Heartbeat heartbeat = stage -> {
            if (!ledger.renew(run.id(), instance, settings.lease(), stage)) {
                throw new Heartbeat.LeaseLost();
            }
        };
        Path partial = run.file() == null ? null : settings.directory().resolve(run.file() + BackupFileName.PARTIAL);
        LOG.info(() -> "Respaldo " + run.kind().label() + " " + (run.file() == null ? "" : run.file() + " ") + "iniciado en "
                + instance + (run.attempts() > 1 ? " (intento " + run.attempts() + ")" : ""));
        try {
            switch (run.kind()) {
                case DATABASE -> database(run, instance, partial, heartbeat);
                case CONFIGURATION -> configuration(run, instance, partial, heartbeat);
                case CLEANUP -> {
                    String summary = retention.clean(Instant.now(), heartbeat);
                    finish(run, instance, null, null, null, summary, "completado");
                }
            }
        } catch (Heartbeat.LeaseLost lost) {
            LOG.warning(() -> "El respaldo " + run.id() + " pasó a otra instancia; " + instance + " lo deja.");
            deleteQuietly(partial);
        } catch (Exception | Error e) {
            deleteQuietly(partial);
            String reason = describe(e);
            LOG.log(Level.SEVERE, "Falló el respaldo " + run.kind().label() + " " + run.id() + ": " + reason, e);
            try {
                ledger.fail(run.id(), instance, reason);
            } catch (RuntimeException unrecorded) {
                LOG.log(Level.SEVERE, "Ni siquiera se pudo registrar la falla del respaldo " + run.id(), unrecorded);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void database(BackupRun run, String instance, Path partial, Heartbeat heartbeat) throws Exception {
        Files.createDirectories(partial.getParent());
        DatabaseBackup.Dump dump = database.dump(partial, heartbeat);
        Boolean verified;
        String verification;
        try {
            DatabaseBackup.Verification result = database.verify(partial, dump.rowCounts(), scratchName(run), heartbeat);
            verified = result.matches();
            verification = result.detail();
        } catch (Heartbeat.LeaseLost lost) {
            throw lost;
        } catch (Exception e) {
            verified = false;
            verification = "No se pudo verificar: " + describe(e);
            LOG.log(Level.WARNING, "No se pudo verificar el respaldo " + run.file(), e);
        }
        if (!verified) {
            LOG.severe("El respaldo " + run.file() + " no quedó verificado: " + verification);
        }
        publish(run, partial, dump.sha256(), heartbeat);
        finish(run, instance, dump.sizeBytes(), dump.sha256(), verified, verification, "completado");
    }

    private void configuration(BackupRun run, String instance, Path partial, Heartbeat heartbeat) throws Exception {
        Files.createDirectories(partial.getParent());
        ConfigArchive.Archive archive = configs.write(partial, heartbeat);
        publish(run, partial, archive.sha256(), heartbeat);
        String detail = "Incluye: " + String.join(", ", archive.included().stream().map(p -> "/" + p).toList()) + "."
                + (archive.missing().isEmpty() ? "" : " No existen (omitidos): " + String.join(", ", archive.missing()) + ".");
        finish(run, instance, archive.sizeBytes(), archive.sha256(), null, detail, "completado");
    }

    /** The checksum first, then the backup under its final name: a listed backup always has both. */
    private void publish(BackupRun run, Path partial, String sha256, Heartbeat heartbeat) throws IOException {
        heartbeat.beat("guardando " + run.file());
        BackupFolder.writeChecksum(partial, run.file(), sha256);
        Files.move(partial, partial.resolveSibling(run.file()), StandardCopyOption.ATOMIC_MOVE);
    }

    private void finish(BackupRun run, String instance, Long size, String sha256, Boolean verified, String detail,
            String stage) throws IOException {
        if (!ledger.complete(run.id(), instance, size, sha256, verified, detail, stage)) {
            // taken over between the last beat and now: the other instance's backup is the one
            if (run.file() != null) {
                Files.deleteIfExists(settings.directory().resolve(run.file()));
                Files.deleteIfExists(settings.directory().resolve(run.file() + BackupFileName.CHECKSUM));
            }
            throw new Heartbeat.LeaseLost();
        }
        LOG.info(() -> "Respaldo " + run.kind().label() + " " + (run.file() == null ? "" : run.file() + " ") + "completado en "
                + instance + (size == null ? "" : ", " + Heartbeat.megabytes(size)) + (verified == null ? "" : verified ? ", verificado" : ", SIN verificar")
                + ". " + detail);
    }

    /** One per attempt: the scratch database of an instance that died may still be there. */
    static String scratchName(BackupRun run) {
        return "verificacion_respaldo_" + run.id().toString().replace("-", "").substring(0, 12) + "_" + run.attempts();
    }

    /** Why a run failed, in words an operator acts on. */
    static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
                return "No queda espacio en el disco de los respaldos (BACKUP_DIR). Libere espacio o reduzca RETENTION_DAYS. ("
                        + message + ")";
            }
            if (cause instanceof java.nio.file.AccessDeniedException denied) {
                return "Sin permiso para escribir en " + denied.getFile() + ": revise el dueño y los permisos de BACKUP_DIR.";
            }
        }
        if (e instanceof FileSystemException fs) {
            return fs.getClass().getSimpleName() + ": " + fs.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName().toString()
                    .replace(BackupFileName.PARTIAL, "") + BackupFileName.CHECKSUM + BackupFileName.PARTIAL));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "No se pudo borrar " + partial, e);
        }
    }
}
