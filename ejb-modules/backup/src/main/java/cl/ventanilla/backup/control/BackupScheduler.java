package cl.ventanilla.backup.control;

import cl.ventanilla.backup.entity.BackupKind;
import cl.ventanilla.backup.entity.BackupRun;
import cl.ventanilla.backup.entity.CronSchedule;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The backups' clock, on every instance: an EJB timer every minute looks at each kind's schedule, and when
 * an instant of it is due, tries to claim it. The database lets one claim of an instant succeed across the
 * whole cluster, so each scheduled run happens once whichever instances are up, and a run missed while no
 * instance was up still happens when one comes back within {@code BACKUP_CATCH_UP_MINUTES}. The same tick
 * takes over runs whose instance died (their lease ran out) and redoes them. The timer is not persistent on
 * purpose: exactly-once comes from the database, which every deployment has, not from a timer store.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupScheduler {

    private static final Logger LOG = Logger.getLogger(BackupScheduler.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    RunLedger ledger;

    @Inject
    Schedules schedules;

    @Inject
    BackupSettings settings;

    @Inject
    BackupWork work;

    @Schedule(second = "7", minute = "*", hour = "*", persistent = false, info = "respaldos programados")
    public void tick() {
        if (!running.compareAndSet(false, true)) {
            return; // this instance is still busy with a run; the others' ticks go on
        }
        try {
            runDue(settings.instance());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No se pudo revisar la programación de los respaldos; se reintenta en un minuto.", e);
        } finally {
            running.set(false);
        }
    }

    /** Takes over the abandoned runs, then claims and runs what is due. Returns the runs this instance did. */
    public List<BackupRun> runDue(String instance) {
        List<BackupRun> done = new java.util.ArrayList<>();
        for (BackupRun abandoned : ledger.takeOverExpired(instance, settings.lease(), work::fileFor)) {
            LOG.warning(() -> "Se retoma el respaldo " + abandoned.kind().label() + " " + abandoned.id()
                    + " abandonado por otra instancia (intento " + abandoned.attempts() + ").");
            work.perform(abandoned, instance);
            done.add(abandoned);
        }
        ZonedDateTime now = ZonedDateTime.now(settings.zone());
        for (Schedules.Entry entry : schedules.all().values()) {
            Optional<CronSchedule> schedule;
            try {
                schedule = entry.schedule();
            } catch (IllegalArgumentException malformed) {
                LOG.severe("Programación de respaldo inválida para " + entry.kind().label() + ": " + malformed.getMessage());
                continue;
            }
            Optional<ZonedDateTime> due = schedule.flatMap(s -> s.latestDue(now, settings.catchUp()));
            if (due.isEmpty()) {
                continue;
            }
            BackupKind kind = entry.kind();
            Optional<BackupRun> claimed = ledger.claimScheduled(kind, due.get().toInstant(), instance, settings.lease(),
                    work.fileFor(kind));
            claimed.ifPresent(run -> {
                work.perform(run, instance);
                done.add(run);
            });
        }
        return done;
    }
}
