package cl.ventanilla.system;

import cl.ventanilla.kernel.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Reads the test database from outside the application, to check what the screens stored, and sets up
 * what a test needs that no screen offers (a booking due right now, a used-up quota).
 */
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

    static int update(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }
}
