package cl.ventanilla.kernel.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.kernel.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several instances of the cluster start at once against an empty database: each runs the migrations
 * the way {@link SchemaMigration} does. Exactly one applies them, the others find nothing to do, and
 * the schema ends up complete, once.
 */
class SchemaMigrationRaceIT {

    private static final int INSTANCES = 4;

    @BeforeAll
    static void emptyDatabase() {
        TestDatabase.recreate();
    }

    @Test
    void instancesStartingTogetherMigrateOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(INSTANCES);
        ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<Integer>> applied = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                applied.add(instances.submit(() -> {
                    Flyway flyway = SchemaMigration.configuration(SchemaMigrationRaceIT.class.getClassLoader())
                            .dataSource(TestDatabase.url(TestDatabase.name()), TestDatabase.user(), TestDatabase.password())
                            .load();
                    together.await(30, TimeUnit.SECONDS);
                    return flyway.migrate().migrationsExecuted;
                }));
            }
            List<Integer> executed = new ArrayList<>();
            for (Future<Integer> instance : applied) {
                executed.add(instance.get(120, TimeUnit.SECONDS));
            }
            int migrations = executed.stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertTrue(migrations >= 1, "the first instance applied the migrations");
            assertEquals(migrations, executed.stream().mapToInt(Integer::intValue).sum(),
                    "only one instance applied anything: " + executed);
        } finally {
            instances.shutdownNow();
        }
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*), count(*) FILTER (WHERE success) FROM flyway_historial_esquema WHERE version IS NOT NULL")) {
            rows.next();
            assertEquals(rows.getInt(1), rows.getInt(2), "no failed migration recorded");
        }
    }
}
