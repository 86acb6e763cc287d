package cl.ventanilla.notifications.control;

import cl.ventanilla.appointments.entity.AppointmentBooked;
import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentCancelled.CancelledBy;
import cl.ventanilla.appointments.entity.AppointmentReminderDue;
import cl.ventanilla.appointments.entity.AppointmentRescheduled;
import cl.ventanilla.appointments.entity.AppointmentSummary;
import cl.ventanilla.auth.entity.PasswordResetRequested;
import cl.ventanilla.notifications.control.OutboxStore.LetterStored;
import cl.ventanilla.notifications.entity.Letter;
import cl.ventanilla.notifications.entity.NotificationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the facts of other domains into mail in the outbox, synchronously, inside the transaction that
 * fires them: the mail commits with the booking (or the reset link) or not at all, and is stored even
 * when the SMTP server is down. A mail that cannot be written (a broken template, a missing value) is
 * logged and stored as FALLIDA with the reason, never thrown at the booking; a fact without an address
 * is logged and skipped.
 */
@ApplicationScoped
public class MailTriggers {

    private static final Logger LOG = Logger.getLogger(MailTriggers.class.getName());

    @Inject
    OutboxStore store;

    @Inject
    OutboxSettings settings;

    @Inject
    OutboxWorker worker;

    void booked(@Observes AppointmentBooked booked) {
        AppointmentSummary a = booked.appointment();
        write(NotificationType.BOOKING_CONFIRMED, a, NotificationType.BOOKING_CONFIRMED.key(a.id()),
                composer -> composer.confirmation(a));
    }

    void rescheduled(@Observes AppointmentRescheduled rescheduled) {
        AppointmentSummary current = rescheduled.current();
        write(NotificationType.BOOKING_RESCHEDULED, current, NotificationType.BOOKING_RESCHEDULED.key(current.id()),
                composer -> composer.rescheduled(rescheduled.previous(), current));
    }

    void cancelled(@Observes AppointmentCancelled cancelled) {
        AppointmentSummary a = cancelled.appointment();
        NotificationType type = cancelled.by() == CancelledBy.CLOSURE ? NotificationType.UNIT_CLOSURE
                : NotificationType.BOOKING_CANCELLED;
        write(type, a, type.key(a.id()), composer -> composer.cancelled(cancelled));
    }

    void reminderDue(@Observes AppointmentReminderDue due) {
        AppointmentSummary a = due.appointment();
        write(NotificationType.BOOKING_REMINDER, a, NotificationType.BOOKING_REMINDER.key(a.id()),
                composer -> composer.reminder(a));
    }

    void resetRequested(@Observes PasswordResetRequested reset) {
        NotificationType type = NotificationType.PASSWORD_RESET;
        write(type, reset.email(), "es", null, reset.userId(), type.key(reset.userId(), reset.expiresAt().getEpochSecond()),
                composer -> composer.passwordReset(reset, "es"));
    }

    /** After the commit that stored a mail, send it without waiting for the next tick. */
    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) LetterStored stored) {
        try {
            worker.kick();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "No se pudo adelantar el envío; lo hará la próxima pasada.", e);
        }
    }

    private void write(NotificationType type, AppointmentSummary a, String key, Function<MailComposer, Letter> compose) {
        write(type, a.email(), a.language(), a.id(), null, key, compose);
    }

    private void write(NotificationType type, String recipient, String language, UUID appointmentId, UUID userId,
            String key, Function<MailComposer, Letter> compose) {
        if (recipient == null || recipient.isBlank()) {
            LOG.info(() -> "Sin correo al que escribir: no se envía " + key);
            return;
        }
        try {
            Letter letter;
            String failure = null;
            try {
                letter = compose.apply(new MailComposer(settings.context(Instant.now())));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "No se pudo redactar el correo " + key + "; queda FALLIDA", e);
                failure = "No se pudo redactar el correo: " + MailDispatch.describe(e);
                letter = new Letter(type, recipient.trim(), MailComposer.language(language), null, null, null, "{}",
                        appointmentId, userId, key, List.of());
            }
            if (!store.store(letter, failure)) {
                LOG.fine(() -> "El correo " + key + " ya estaba en la bandeja de salida.");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "No se pudo guardar el correo " + key + " en la bandeja de salida", e);
        }
    }
}
