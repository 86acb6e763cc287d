package cl.ventanilla.statistics.entity;

import java.util.Locale;
import java.util.Optional;

/** What the rows of a summary are split by besides the period; {@link #TOTAL} does not split. */
public enum Dimension {
    TOTAL(null), UNIT("unidad_id"), SERVICE("servicio_id"), STATION("estacion_id"), OPERATOR("usuario_id");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    /** The column of the aggregate tables, null for the total. */
    public String column() {
        return column;
    }

    /** Whether the service days ({@code estadisticas}: the tickets summed per service, the bookings) have this split. */
    public boolean inServiceDays() {
        return this == TOTAL || this == UNIT || this == SERVICE;
    }

    /** By the API's names ({@code unidad}, {@code servicio}, {@code estacion}, {@code funcionario}, English too). */
    public static Optional<Dimension> named(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(TOTAL);
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "total", "ninguno", "none" -> Optional.of(TOTAL);
            case "unidad", "unit" -> Optional.of(UNIT);
            case "servicio", "service" -> Optional.of(SERVICE);
            case "estacion", "estación", "modulo", "módulo", "station" -> Optional.of(STATION);
            case "funcionario", "operador", "operator" -> Optional.of(OPERATOR);
            default -> Optional.empty();
        };
    }
}
