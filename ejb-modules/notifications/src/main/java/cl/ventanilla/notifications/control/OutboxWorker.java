package cl.ventanilla.notifications.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives the sender on every instance: every 5 seconds, and at once after a transaction that stored a
 * mail commits. The timers are not persistent on purpose: every instance sends, and the leases of the
 * outbox, not the timer service, keep a mail from going out twice. Within one instance one pass runs
 * at a time; a kick during a pass is absorbed by it or by the next tick.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    static final int MAX_BATCHES_PER_PASS = 50;

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    MailDispatch dispatch;

    @Inject
    OutboxMetrics metrics;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "envío de correos")
    public void tick() {
        // before the pass, which a long one would otherwise hold up
        metrics.refreshIfDue();
        pass();
    }

    /** Called after a commit that stored mail: sends it now instead of at the next tick. */
    @Asynchronous
    public void kick() {
        pass();
    }

    private void pass() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (int i = 0; i < MAX_BATCHES_PER_PASS && dispatch.sendDue() == MailDispatch.BATCH; i++) {
                // full batches: more may be due
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Falló una pasada del envío de correos; se reintenta en la próxima.", e);
        } finally {
            running.set(false);
        }
    }
}
