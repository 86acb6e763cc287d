package cl.ventanilla.appointments.control;

import cl.ventanilla.appointments.boundary.Reminders;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute: sends the reminders that are due and forgets spent challenges and old attempt counters.
 * The timer is not persistent and fires on every instance of the cluster; {@link Reminders#sendDue}
 * makes that harmless (each booking is taken by exactly one of them).
 */
@Stateless
public class ReminderSchedule {

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class.getName());

    @Inject
    Reminders reminders;

    @Inject
    AbuseLedger ledger;

    @Inject
    AppointmentClock clock;

    @Schedule(second = "0", minute = "*", hour = "*", persistent = false, info = "recordatorios de agendamientos")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everyMinute() {
        try {
            int sent = reminders.sendDue();
            if (sent > 0) {
                LOG.info(() -> sent + " recordatorios de agendamiento por enviar.");
            }
            ledger.purge(clock.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No se pudieron procesar los recordatorios de agendamiento; se reintenta en un minuto.", e);
        }
    }
}
