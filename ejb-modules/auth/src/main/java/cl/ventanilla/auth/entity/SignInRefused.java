package cl.ventanilla.auth.entity;

import jakarta.ejb.ApplicationException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in that did not succeed. An unknown RUT and a wrong password give the same answer, so nobody
 * learns which RUTs have accounts; a locked account says until when (local time in Chile).
 */
@ApplicationException(rollback = true)
public class SignInRefused extends AuthException {

    private static final long serialVersionUID = 1L;
    /** The municipality's clock: a lock "until 15:42" means 15:42 in Chile. */
    public static final ZoneId LOCAL_TIME = ZoneId.of("America/Santiago");
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(LOCAL_TIME);

    private final Reason reason;
    private final Instant lockedUntil;

    private SignInRefused(Reason reason, Instant lockedUntil, Object... arguments) {
        super(Kind.UNAUTHENTICATED, reason.key, arguments);
        this.reason = reason;
        this.lockedUntil = lockedUntil;
    }

    public static SignInRefused invalidCredentials() {
        return new SignInRefused(Reason.INVALID_CREDENTIALS, null);
    }

    public static SignInRefused locked(Instant until) {
        Objects.requireNonNull(until, "until");
        return new SignInRefused(Reason.LOCKED, until, HOURS_MINUTES.format(until));
    }

    public static SignInRefused inactive() {
        return new SignInRefused(Reason.INACTIVE, null);
    }

    public Reason reason() {
        return reason;
    }

    /** Until when the account is locked, when that is the reason. */
    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    /** Why a sign-in was refused. */
    public enum Reason {
        INVALID_CREDENTIALS("auth.invalidCredentials"),
        LOCKED("auth.locked"),
        INACTIVE("auth.inactive");

        private final String key;

        Reason(String key) {
            this.key = key;
        }
    }
}
