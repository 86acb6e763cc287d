package cl.ventanilla.notifications.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

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
