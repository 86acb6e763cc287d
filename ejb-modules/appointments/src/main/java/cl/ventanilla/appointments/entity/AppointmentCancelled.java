package cl.ventanilla.appointments.entity;

/**
 * Fact: a booking was cancelled. With {@link CancelledBy#CLOSURE} the unit closed unexpectedly and
 * {@code reason} is the closure's reason, which the citizen is told.
 */
public record AppointmentCancelled(AppointmentSummary appointment, CancelledBy by, String reason) {

    /** Who cancelled, with the value kept in agendamientos.cancelado_por. */
    public enum CancelledBy {
        CITIZEN("CIUDADANO"), STAFF("FUNCIONARIO"), CLOSURE("CIERRE"), SYSTEM("SISTEMA");

        private final String column;

        CancelledBy(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }
}
