package cl.ventanilla.auth.control;

import cl.ventanilla.auth.entity.SessionEnded;
import cl.ventanilla.kernel.audit.AuditEvent;
import cl.ventanilla.kernel.cache.Invalidated;
import cl.ventanilla.kernel.cache.Invalidations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * What every request asks before it is let in, held in memory: the ids of the tokens whose session a
 * logout ended (few, and changing seldom) and whether each account is active or must replace its
 * password. Without it every request cost a query.
 *
 * <p>A logout or an account change commits, then {@link Invalidations} tells every instance: the token's id
 * joins each instance's set, the account's state is read again. Copies live at most {@link #SAFETY_NET}.
 * Only while this instance hears the others ({@link #trusted()}) may the memory answer; otherwise the
 * caller asks the database, so a lost Redis makes requests slower, never lets an ended session in.
 */
@ApplicationScoped
public class OpenSessions {

    /** Topic of ended sessions; the key is the token's id. */
    public static final String ENDED = "sesiones";
    /** Topic of account changes; the key is the account's id. */
    public static final String ACCOUNTS = "cuentas";
    static final Duration SAFETY_NET = Duration.ofSeconds(60);

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Inject
    Invalidations invalidations;

    /**
     * Whether an account may sign in at all, whether it must first replace its password, and the units it
     * works at (what a request of its owner needs of it).
     */
    public record AccountState(boolean active, boolean mustChangePassword, Set<UUID> unitIds, long readAt) {
    }

    private record Ended(Set<String> ids, long readAt) {
    }

    private volatile Ended ended;
    private final Map<UUID, AccountState> accounts = new ConcurrentHashMap<>();
    // a read that began before a drop must not store what it read
    private final AtomicLong endedDrops = new AtomicLong();
    private final AtomicLong accountDrops = new AtomicLong();

    /** Whether memory may answer: only while the other instances' changes reach this one. */
    public boolean trusted() {
        return Invalidations.listening();
    }

    public boolean ended(String tokenId) {
        Ended current = ended;
        if (current == null || expired(current.readAt())) {
            long seen = endedDrops.get();
            current = readEnded();
            if (endedDrops.get() == seen) {
                ended = current;
            }
        }
        return current.ids().contains(tokenId);
    }

    /** The account's state, straight from the database; empty when it does not exist. */
    public Optional<AccountState> fresh(UUID id) {
        return readAccount(id);
    }

    /** The account's state from memory; empty when it does not exist. */
    public Optional<AccountState> account(UUID id) {
        AccountState known = accounts.get(id);
        if (known != null && !expired(known.readAt())) {
            return Optional.of(known);
        }
        long seen = accountDrops.get();
        Optional<AccountState> read = readAccount(id);
        if (accountDrops.get() == seen) {
            read.ifPresentOrElse(state -> accounts.put(id, state), () -> accounts.remove(id));
        }
        return read;
    }

    // once the logout committed, every instance refuses the token
    void sessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded logout) {
        invalidations.announce(ENDED, logout.tokenId());
    }

    // every change of an account is audited: once committed, every instance reads its state again
    void accountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvent change) {
        if (AccountAudit.ENTITY.equals(change.entity())) {
            invalidations.announce(ACCOUNTS, change.entityId());
        }
    }

    void drop(@Observes Invalidated invalidated) {
        if (invalidated.concerns(ENDED)) {
            endedDrops.incrementAndGet();
            Ended current = ended;
            if (current != null && invalidated.key().isPresent()) {
                Set<String> ids = new HashSet<>(current.ids());
                ids.add(invalidated.key().get());
                ended = new Ended(Set.copyOf(ids), current.readAt());
            } else {
                ended = null;
            }
        }
        if (invalidated.concerns(ACCOUNTS)) {
            accountDrops.incrementAndGet();
            Optional<UUID> id = invalidated.key().flatMap(OpenSessions::uuid);
            if (id.isPresent()) {
                accounts.remove(id.get());
            } else {
                accounts.clear();
            }
        }
    }

    private static boolean expired(long readAt) {
        return System.nanoTime() - readAt > SAFETY_NET.toNanos();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private Ended readEnded() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT jti FROM sesiones_revocadas WHERE expira_en > now()");
                ResultSet rows = query.executeQuery()) {
            Set<String> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return new Ended(Set.copyOf(ids), System.nanoTime());
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer las sesiones terminadas", e);
        }
    }

    private Optional<AccountState> readAccount(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT u.activo, u.debe_cambiar_password,
                               ARRAY(SELECT uu.unidad_id FROM usuario_unidades uu WHERE uu.usuario_id = u.id)
                        FROM usuarios u WHERE u.id = ?""")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Set<UUID> units = new HashSet<>();
                for (Object unit : (Object[]) row.getArray(3).getArray()) {
                    units.add(unit instanceof UUID u ? u : UUID.fromString(unit.toString()));
                }
                return Optional.of(new AccountState(row.getBoolean(1), row.getBoolean(2), Set.copyOf(units),
                        System.nanoTime()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer la cuenta", e);
        }
    }
}
