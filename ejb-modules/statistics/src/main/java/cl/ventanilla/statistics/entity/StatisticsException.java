package cl.ventanilla.statistics.entity;

import cl.ventanilla.kernel.DomainException;
import jakarta.ejb.ApplicationException;

/**
 * A statistics request that cannot be answered: malformed or reversed dates, a range over a year, an
 * unknown unit or grouping. The message, in Spanish or English, comes from {@code cl/ventanilla/statistics/Messages}.
 */
@ApplicationException(rollback = true)
public class StatisticsException extends DomainException {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "cl.ventanilla.statistics.Messages";

    private final Kind kind;

    public StatisticsException(Kind kind, String key, Object... arguments) {
        super(BUNDLE, key, arguments);
        this.kind = kind;
    }

    public static StatisticsException invalid(String key, Object... arguments) {
        return new StatisticsException(Kind.INVALID, key, arguments);
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
