package cl.ventanilla.appointments.entity;

import cl.ventanilla.kernel.DomainException;
import jakarta.ejb.ApplicationException;

/**
 * A rule of the appointments was broken: a slot already taken, a citizen blocked or over the cap, too
 * many attempts, a challenge missing or reused, a booking that can no longer be changed… The message, in
 * Spanish or English, comes from {@code cl/ventanilla/appointments/Messages} and is written for the
 * citizen who will read it on the booking screen.
 */
@ApplicationException(rollback = true)
public class AppointmentException extends DomainException {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "cl.ventanilla.appointments.Messages";

    private final Kind kind;

    public AppointmentException(Kind kind, String key, Object... arguments) {
        super(BUNDLE, key, arguments);
        this.kind = kind;
    }

    public static AppointmentException invalid(String key, Object... arguments) {
        return new AppointmentException(Kind.INVALID, key, arguments);
    }

    public static AppointmentException notFound(String key, Object... arguments) {
        return new AppointmentException(Kind.NOT_FOUND, key, arguments);
    }

    public static AppointmentException conflict(String key, Object... arguments) {
        return new AppointmentException(Kind.CONFLICT, key, arguments);
    }

    public static AppointmentException forbidden(String key, Object... arguments) {
        return new AppointmentException(Kind.FORBIDDEN, key, arguments);
    }

    public static AppointmentException tooManyRequests(String key, Object... arguments) {
        return new AppointmentException(Kind.TOO_MANY_REQUESTS, key, arguments);
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
