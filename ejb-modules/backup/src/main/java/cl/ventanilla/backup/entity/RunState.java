package cl.ventanilla.backup.entity;

/** Where a run stands; the value in {@code respaldos.estado}. */
public enum RunState {
    RUNNING("EN_CURSO"), DONE("COMPLETADO"), FAILED("FALLIDO");

    private final String column;

    RunState(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static RunState fromColumn(String column) {
        for (RunState state : values()) {
            if (state.column.equals(column)) {
                return state;
            }
        }
        throw new IllegalArgumentException("estado de respaldo desconocido: " + column);
    }
}
