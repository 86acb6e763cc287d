package cl.ventanilla.statistics.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds a fact's parameters as {@link FactWriter} does, for the generator's benchmark. */
public final class FactWriterAccess {

    private FactWriterAccess() {
    }

    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        FactWriter.bind(statement, parameters);
    }
}
