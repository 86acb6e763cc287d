package cl.ventanilla.notifications.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an email is in the outbox; {@link #code()} is the value of {@code notificaciones.estado}.
 * PENDING waits for its next attempt, SENDING is leased by one instance until {@code bloqueado_hasta},
 * SENT is final, FAILED ran out of attempts (an administrator may retry it).
 */
public enum NotificationState {
    PENDING("PENDIENTE"),
    SENDING("ENVIANDO"),
    SENT("ENVIADA"),
    FAILED("FALLIDA");

    private final String code;

    NotificationState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * A state named by a person or a URL: the English name or the Spanish code, in any case
     * ({@code failed}, {@code FALLIDA}); empty for blank or unknown text.
     */
    public static Optional<NotificationState> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted) || s.code.equals(wanted)).findFirst();
    }

    public static NotificationState ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown notification state " + code));
    }

    /** Maps the Spanish codes of the schema to the states. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<NotificationState, String> {

        @Override
        public String convertToDatabaseColumn(NotificationState state) {
            return state == null ? null : state.code;
        }

        @Override
        public NotificationState convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
