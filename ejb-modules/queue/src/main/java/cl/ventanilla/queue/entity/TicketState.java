package cl.ventanilla.queue.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** Where a ticket is in its day; {@link #code()} is the value of {@code turnos.estado}. */
public enum TicketState {
    WAITING("ESPERANDO"),
    CALLED("LLAMADO"),
    IN_SERVICE("EN_ATENCION"),
    PARKED("ESTACIONADO"),
    FINISHED("FINALIZADO"),
    NO_SHOW("NO_SE_PRESENTO"),
    TRANSFERRED("TRANSFERIDO"),
    CANCELLED("CANCELADO");

    private final String code;

    TicketState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A station holds the ticket: the citizen was called to it or is being served there. */
    public boolean occupiesStation() {
        return this == CALLED || this == IN_SERVICE;
    }

    public static TicketState ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ticket state " + code));
    }

    /** Maps the Spanish codes of the schema to the states. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<TicketState, String> {

        @Override
        public String convertToDatabaseColumn(TicketState state) {
            return state == null ? null : state.code;
        }

        @Override
        public TicketState convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
