package cl.ventanilla.system;

import cl.ventanilla.kernel.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Reads the test database from outside the application, to check what the screens stored. */
final class Database {

    private Database() {
    }

    static String string(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
