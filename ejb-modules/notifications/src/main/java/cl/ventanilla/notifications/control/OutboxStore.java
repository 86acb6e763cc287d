package cl.ventanilla.notifications.control;

import cl.ventanilla.notifications.entity.Letter;
import cl.ventanilla.notifications.entity.Letter.Attachment;
import cl.ventanilla.notifications.entity.Notification;
import cl.ventanilla.notifications.entity.NotificationState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox's SQL. Storing joins the caller's transaction (the mail commits with the fact or not at
 * all) and never fails on a duplicate ({@code ON CONFLICT DO NOTHING} on the deduplication key) nor on
 * a booking or account the caller has not flushed yet (the reference is looked up, not forced).
 * Claiming, and recording what sending did, each commit at once in their own transaction, so a lease
 * is visible to every instance before the mail goes out.
 */
@ApplicationScoped
public class OutboxStore {

    static final int MAX_RECIPIENT = 254;
    static final int MAX_SUBJECT = 300;
    static final int MAX_KEY = 200;
    static final int MAX_OWNER = 100;
    static final int MAX_MESSAGE_ID = 300;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Inject
    Event<LetterStored> stored;

    /** A letter went into the outbox; after the commit the worker is woken. */
    public record LetterStored(UUID id) {
    }

    /** A row the worker leased: what it must send. */
    public record Outgoing(UUID id, String recipient, String language, String subject, String text, String html,
            int attempts, int maxAttempts, List<Attachment> attachments) {
    }

    /**
     * Adds the letter as PENDIENTE, or as FALLIDA with {@code failure} as its error when it could not
     * be written. Returns false when a mail with the same key already exists.
     */
    public boolean store(Letter letter, String failure) {
        UUID id = UUID.randomUUID();
        String sql = """
                INSERT INTO notificaciones (id, tipo, destinatario, idioma, asunto, cuerpo_texto, cuerpo_html, datos,
                    agendamiento_id, usuario_id, clave_deduplicacion, estado, max_intentos, ultimo_error)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb),
                    (SELECT a.id FROM agendamientos a WHERE a.id = ?), (SELECT u.id FROM usuarios u WHERE u.id = ?),
                    ?, ?,
                    COALESCE((SELECT CAST(p.valor AS integer) FROM parametros_sistema p
                              WHERE p.clave = 'notificaciones.max_intentos' AND p.valor ~ '^ *[1-9][0-9]{0,3} *$'), 8),
                    ?)
                ON CONFLICT (clave_deduplicacion) DO NOTHING""";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setObject(1, id);
            insert.setString(2, letter.type().code());
            insert.setString(3, clean(letter.recipient(), MAX_RECIPIENT));
            insert.setString(4, MailComposer.language(letter.language()));
            insert.setString(5, clean(letter.subject(), MAX_SUBJECT));
            insert.setString(6, clean(letter.text(), Integer.MAX_VALUE));
            insert.setString(7, clean(letter.html(), Integer.MAX_VALUE));
            insert.setString(8, letter.data() == null ? "{}" : clean(letter.data(), Integer.MAX_VALUE));
            insert.setObject(9, letter.appointmentId(), Types.OTHER);
            insert.setObject(10, letter.userId(), Types.OTHER);
            insert.setString(11, clean(letter.deduplicationKey(), MAX_KEY));
            insert.setString(12, failure == null ? NotificationState.PENDING.code() : NotificationState.FAILED.code());
            insert.setString(13, clean(failure, Notification.ERROR_LENGTH));
            if (insert.executeUpdate() == 0) {
                return false;
            }
            try (PreparedStatement file = c.prepareStatement("""
                    INSERT INTO notificacion_adjuntos (notificacion_id, nombre_archivo, tipo_contenido, contenido)
                    VALUES (?, ?, ?, ?)""")) {
                for (Attachment attachment : letter.attachments()) {
                    file.setObject(1, id);
                    file.setString(2, clean(attachment.fileName(), 200));
                    file.setString(3, clean(attachment.contentType(), 100));
                    file.setBytes(4, attachment.content());
                    file.addBatch();
                }
                if (!letter.attachments().isEmpty()) {
                    file.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the mail " + letter.deduplicationKey(), e);
        }
        if (failure == null) {
            stored.fire(new LetterStored(id));
        }
        return true;
    }

    /**
     * Leases up to {@code limit} due mails to {@code owner} and commits: PENDIENTE ones whose time has
     * come and ENVIANDO ones whose lease ran out (their instance died while sending). Rows another
     * instance is claiming at the same moment are skipped, not waited for, so no two instances get the
     * same row. The attempt is counted here, so a mail that kills its sender still runs out of attempts.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<UUID> claim(String owner, Duration lease, int limit) {
        String sql = """
                UPDATE notificaciones SET estado = 'ENVIANDO', bloqueado_hasta = now() + make_interval(secs => ?),
                    procesado_por = ?, intentos = intentos + 1, version = version + 1
                WHERE id IN (SELECT id FROM notificaciones
                             WHERE (estado = 'PENDIENTE' AND proximo_intento <= now())
                                OR (estado = 'ENVIANDO' AND bloqueado_hasta < now())
                             ORDER BY proximo_intento LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id""";
        try (Connection c = dataSource.getConnection(); PreparedStatement claim = c.prepareStatement(sql)) {
            claim.setDouble(1, lease.toSeconds());
            claim.setString(2, clean(owner, MAX_OWNER));
            claim.setInt(3, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim mails", e);
        }
    }

    /** A leased mail with its attachments, while {@code owner} still holds it. */
    public Optional<Outgoing> leased(UUID id, String owner) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement row = c.prepareStatement("""
                        SELECT destinatario, idioma, asunto, cuerpo_texto, cuerpo_html, intentos, max_intentos
                        FROM notificaciones WHERE id = ? AND estado = 'ENVIANDO' AND procesado_por = ?""");
                PreparedStatement files = c.prepareStatement("""
                        SELECT nombre_archivo, tipo_contenido, contenido FROM notificacion_adjuntos
                        WHERE notificacion_id = ? ORDER BY fecha_creacion, nombre_archivo""")) {
            row.setObject(1, id);
            row.setString(2, clean(owner, MAX_OWNER));
            try (ResultSet r = row.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                files.setObject(1, id);
                List<Attachment> attachments = new ArrayList<>();
                try (ResultSet f = files.executeQuery()) {
                    while (f.next()) {
                        attachments.add(new Attachment(f.getString(1), f.getString(2), f.getBytes(3)));
                    }
                }
                return Optional.of(new Outgoing(id, r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getInt(6), r.getInt(7), attachments));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the mail " + id, e);
        }
    }

    /** Records the delivery; false when the lease was lost meanwhile (another instance took the row). */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean markSent(UUID id, String owner, String messageId) {
        return update("""
                UPDATE notificaciones SET estado = 'ENVIADA', enviada_en = now(), message_id = ?, bloqueado_hasta = NULL,
                    version = version + 1
                WHERE id = ? AND estado = 'ENVIANDO' AND procesado_por = ?""",
                clean(messageId, MAX_MESSAGE_ID), id, clean(owner, MAX_OWNER)) == 1;
    }

    /**
     * Records a failed attempt: back to PENDIENTE for another try after {@code retryIn}, or FALLIDA when
     * the mail has used its attempts or the failure is {@code permanent} (an address the server refuses).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean markFailed(UUID id, String owner, String error, Duration retryIn, boolean permanent) {
        return update("""
                UPDATE notificaciones SET
                    estado = CASE WHEN ? OR intentos >= max_intentos THEN 'FALLIDA' ELSE 'PENDIENTE' END,
                    ultimo_error = ?, proximo_intento = now() + make_interval(secs => ?), bloqueado_hasta = NULL,
                    version = version + 1
                WHERE id = ? AND estado = 'ENVIANDO' AND procesado_por = ?""",
                permanent, clean(error, Notification.ERROR_LENGTH), (double) retryIn.toMillis() / 1000, id,
                clean(owner, MAX_OWNER)) == 1;
    }

    /** The outbox at one moment: mails waiting to go out (PENDIENTE or ENVIANDO), since when, and FALLIDA. */
    public record Levels(int pending, Optional<Instant> oldestPending, int failed) {
    }

    /** Counts the outbox by state in one query (index ix_notificaciones_estado_fecha). */
    public Levels levels() {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement("""
                SELECT count(*) FILTER (WHERE estado IN ('PENDIENTE', 'ENVIANDO')),
                       min(fecha_creacion) FILTER (WHERE estado IN ('PENDIENTE', 'ENVIANDO')),
                       count(*) FILTER (WHERE estado = 'FALLIDA')
                FROM notificaciones WHERE estado IN ('PENDIENTE', 'ENVIANDO', 'FALLIDA')""");
                ResultSet row = query.executeQuery()) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            return new Levels(row.getInt(1), Optional.ofNullable(oldest).map(Timestamp::toInstant), row.getInt(3));
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the outbox", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the mail", e);
        }
    }

    /** Text PostgreSQL accepts (no NUL characters) and that fits its column. */
    static String clean(String value, int length) {
        if (value == null) {
            return null;
        }
        String text = value.indexOf('\0') >= 0 ? value.replace("\0", "") : value;
        return text.length() <= length ? text : text.substring(0, length);
    }
}
