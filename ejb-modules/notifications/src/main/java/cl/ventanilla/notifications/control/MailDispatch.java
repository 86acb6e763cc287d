package cl.ventanilla.notifications.control;

import cl.ventanilla.notifications.control.OutboxStore.Outgoing;
import cl.ventanilla.notifications.entity.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pass of the sender: lease the due mails (committed at once, {@code SKIP LOCKED}), send them over
 * one SMTP connection outside any transaction, and record each result in its own short transaction: the
 * delivery, or the error with the next attempt after a growing pause ({@link RetryPolicy}), FALLIDA when
 * the attempts run out. Several threads and instances may run passes at the same time; each mail goes to
 * exactly one of them. Without {@code SMTP_HOST} nothing is leased: the mails wait, PENDIENTE.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class MailDispatch {

    private static final Logger LOG = Logger.getLogger(MailDispatch.class.getName());

    /** Long enough for a batch over a slow server (each step times out after 10 s). */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int BATCH = 20;

    /** This instance in {@code procesado_por}: the server instance, the process and the host. */
    static final String OWNER = owner();

    private final AtomicBoolean toldNotConfigured = new AtomicBoolean();

    @Inject
    OutboxStore store;

    @Inject
    OutboxSettings settings;

    /** Sends what is due, one batch; returns how many mails it leased (0: nothing was due). */
    public int sendDue() {
        return sendDue(BATCH);
    }

    /** Sends what is due, at most {@code limit} mails; returns how many it leased. */
    public int sendDue(int limit) {
        Optional<SmtpSettings> smtp = SmtpSettings.current();
        if (smtp.isEmpty()) {
            if (toldNotConfigured.compareAndSet(false, true)) {
                LOG.warning("El correo no está configurado (falta SMTP_HOST): las notificaciones quedan PENDIENTES"
                        + " hasta que se configure.");
            }
            return 0;
        }
        toldNotConfigured.set(false);
        List<UUID> leased = store.claim(OWNER, LEASE, Math.max(1, limit));
        if (leased.isEmpty()) {
            return 0;
        }
        Set<UUID> done = new HashSet<>();
        try (SmtpMailer mailer = SmtpMailer.connect(smtp.get(), settings.municipalityName())) {
            for (UUID id : leased) {
                Optional<Outgoing> mail = store.leased(id, OWNER);
                if (mail.isEmpty()) {
                    done.add(id); // the lease was lost: another instance has it now
                    continue;
                }
                try {
                    String messageId = mailer.send(mail.get());
                    if (!store.markSent(id, OWNER, messageId)) {
                        LOG.warning(() -> "Se envió el correo " + id + " pero su reserva había vencido.");
                    }
                } catch (MessagingException | RuntimeException e) {
                    failed(id, mail.get().attempts(), e);
                }
                done.add(id);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "No se pudo conectar con el servidor SMTP " + smtp.get() + ": " + e.getMessage());
            for (UUID id : leased) {
                if (!done.contains(id)) {
                    failed(id, store.leased(id, OWNER).map(Outgoing::attempts).orElse(1), e);
                }
            }
        }
        return leased.size();
    }

    private void failed(UUID id, int attempts, Exception e) {
        boolean permanent = e instanceof AddressException
                || e instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                        && refused.getInvalidAddresses().length > 0;
        Duration retryIn = RetryPolicy.delay(attempts, ThreadLocalRandom.current().nextDouble());
        store.markFailed(id, OWNER, describe(e), retryIn, permanent);
        LOG.fine(() -> "Correo " + id + " no enviado (intento " + attempts + "): " + describe(e));
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1500; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }

    private static String owner() {
        String instance = System.getProperty("com.sun.aas.instanceName", "payara");
        return instance + "/" + ManagementFactory.getRuntimeMXBean().getName();
    }
}
