package cl.ventanilla.system;

import cl.ventanilla.kernel.cache.Invalidated;
import cl.ventanilla.kernel.cache.Invalidations;
import cl.ventanilla.kernel.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import redis.clients.jedis.Jedis;

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

    /**
     * Changes the database behind the application's back; then says so on the Redis channel the way a
     * domain announces its changes, so the application's in-memory copies (the configuration, the sessions)
     * are read again.
     */
    static int update(String sql) throws Exception {
        int changed;
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            changed = statement.executeUpdate(sql);
        }
        try (Jedis redis = new Jedis(System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379")))) {
            redis.publish(Invalidations.CHANNEL, "system-tests|" + Invalidated.EVERYTHING + "|");
        }
        return changed;
    }
}
