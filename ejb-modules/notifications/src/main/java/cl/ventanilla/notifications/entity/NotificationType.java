package cl.ventanilla.notifications.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/**
 * What an email tells; {@link #code()} is the value of {@code notificaciones.tipo} and
 * {@link #template()} the base name of its templates ({@code templates/<template>_<lang>.html|txt}).
 */
public enum NotificationType {
    BOOKING_CONFIRMED("CONFIRMACION_AGENDAMIENTO", "confirmacion", "CONFIRMACION"),
    BOOKING_RESCHEDULED("CAMBIO_AGENDAMIENTO", "cambio", "CAMBIO"),
    BOOKING_CANCELLED("CANCELACION_AGENDAMIENTO", "cancelacion", "CANCELACION"),
    UNIT_CLOSURE("AVISO_CIERRE", "cierre", "CIERRE"),
    BOOKING_REMINDER("RECORDATORIO_AGENDAMIENTO", "recordatorio", "RECORDATORIO"),
    PASSWORD_RESET("RESTABLECIMIENTO_PASSWORD", "restablecimiento", "RESET");

    private final String code;
    private final String template;
    private final String keyPrefix;

    NotificationType(String code, String template, String keyPrefix) {
        this.code = code;
        this.template = template;
        this.keyPrefix = keyPrefix;
    }

    /**
     * The deduplication key of the mail of one fact, e.g. {@code CONFIRMACION:<booking id>} or
     * {@code RESET:<user id>:<expiry in epoch seconds>}: the outbox keeps one mail per key.
     */
    public String key(Object... parts) {
        StringBuilder key = new StringBuilder(keyPrefix);
        for (Object part : parts) {
            key.append(':').append(part);
        }
        return key.toString();
    }

    public String code() {
        return code;
    }

    public String template() {
        return template;
    }

    public static NotificationType ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown notification type " + code));
    }

    /** Maps the Spanish codes of the schema to the types. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<NotificationType, String> {

        @Override
        public String convertToDatabaseColumn(NotificationType type) {
            return type == null ? null : type.code;
        }

        @Override
        public NotificationType convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
