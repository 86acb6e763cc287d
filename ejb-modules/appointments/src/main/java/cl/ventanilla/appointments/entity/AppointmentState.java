package cl.ventanilla.appointments.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** Where a booking is in its life; {@link #code()} is the value of {@code agendamientos.estado}. */
public enum AppointmentState {
    CONFIRMED("CONFIRMADO"),
    CHECKED_IN("PRESENTADO"),
    ATTENDED("ATENDIDO"),
    NO_SHOW("NO_SE_PRESENTO"),
    CANCELLED("CANCELADO"),
    RESCHEDULED("REPROGRAMADO");

    /** The states that hold a place in their slot, in the schema's codes (for SQL). */
    public static final String OCCUPYING_CODES = "('CONFIRMADO', 'PRESENTADO', 'ATENDIDO', 'NO_SE_PRESENTO')";

    private final String code;

    AppointmentState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether a booking in this state still counts against its slot's capacity. */
    public boolean occupiesSlot() {
        return this == CONFIRMED || this == CHECKED_IN || this == ATTENDED || this == NO_SHOW;
    }

    public static AppointmentState ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown appointment state " + code));
    }

    /** Maps the Spanish codes of the schema to the states. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<AppointmentState, String> {

        @Override
        public String convertToDatabaseColumn(AppointmentState state) {
            return state == null ? null : state.code;
        }

        @Override
        public AppointmentState convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
