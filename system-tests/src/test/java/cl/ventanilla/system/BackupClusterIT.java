package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backups on the cluster of two instances: with the database backup scheduled every minute, an instant is
 * backed up once although both instances' timers fire; the instance running the next one is killed in the middle,
 * and the survivor takes the run over when its lease runs out and finishes it; the result is on /metrics of
 * both instances; the operators' restore_db.sh brings the backup back on the cluster (into another
 * database, through HAProxy, as the scripts find the cluster by themselves).
 */
@ExtendWith(Cluster.Up.class)
class BackupClusterIT {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @Test
    void eachScheduledInstantRunsOnceAndARunWhoseInstanceDiesIsFinishedByTheOther() throws Exception {
        Cluster cluster = Cluster.current();
        String token = cluster.adminToken();
        String[] auth = {"Authorization", "Bearer " + token, "Content-Type", "application/json"};
        long startedAt = System.currentTimeMillis();
        String victim = null;
        // a database of some size, so a backup lasts long enough (a dump, a restore into a scratch database) to be cut
        cluster.update("CREATE TABLE IF NOT EXISTS prueba_respaldo_lento AS SELECT g AS n, md5(g::text) AS texto"
                + " FROM generate_series(1, 800000) g");
        try {
            assertEquals(200, cluster.send(cluster.uri("/api/backups/schedules/db"), "PUT", "{\"schedule\":\"* * * * *\"}", auth).statusCode());

            // a first instant with both instances' timers firing: one of them runs it
            JsonObject first = await(cluster, auth, runs -> runs.stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("kind").equals("db") && r.getString("state").equals("DONE") && scheduled(r))
                    .findFirst().orElse(null), Duration.ofSeconds(1));
            String firstInstant = first.getString("scheduledFor");
            // the next instant's run is killed with its instance
            JsonObject running = await(cluster, auth, runs -> runs.stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("kind").equals("db") && r.getString("state").equals("RUNNING") && scheduled(r)
                            && r.getString("scheduledFor").compareTo(firstInstant) > 0)
                    .findFirst().orElse(null), Duration.ofMillis(100));
            String instance = running.getString("instance");
            victim = instance.substring(0, instance.indexOf('@'));
            long killedAt = System.nanoTime();
            cluster.ctl("kill", victim);
            System.out.printf("Backup %s killed with %s at stage «%s»%n", running.getString("id"), victim, running.getString("stage"));

            String id = running.getString("id");
            JsonObject finished = await(cluster, auth, runs -> runs.stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("id").equals(id) && !r.getString("state").equals("RUNNING")).findFirst().orElse(null),
                    Duration.ofSeconds(1));
            double takenOver = (System.nanoTime() - killedAt) / 1e9;
            assertEquals("DONE", finished.getString("state"), finished.toString());
            assertEquals(2, finished.getInt("attempts"), finished.toString());
            assertNotEquals(instance, finished.getString("instance"), "the survivor finished it");
            assertTrue(finished.getBoolean("verified"), finished.toString());
            System.out.printf("The survivor %s finished it %.1f s after the kill (lease 20 s)%n", finished.getString("instance"), takenOver);

        } finally {
            cluster.send(cluster.uri("/api/backups/schedules/db"), "PUT", "{\"schedule\":\"off\"}", auth);
            if (victim != null) {
                cluster.ctl("start", victim);
            }
            // a run still going holds the table in its snapshot: drop it once none is left (a failure here must
            // not hide the test's own)
            try {
                await(cluster, auth, runs -> runs.stream().map(JsonObject.class::cast).noneMatch(r -> r.getString("state").equals("RUNNING"))
                        ? Json.createObjectBuilder().build() : null, Duration.ofSeconds(2));
                cluster.update("DROP TABLE IF EXISTS prueba_respaldo_lento");
            } catch (Exception | AssertionError cleanup) {
                System.out.println("Could not drop prueba_respaldo_lento: " + cleanup);
            }
        }
        JsonArray runs = runs(cluster, auth);
        Map<String, List<JsonObject>> byInstant = runs.stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("kind").equals("db") && scheduled(r))
                .filter(r -> java.time.Instant.parse(r.getString("startedAt")).toEpochMilli() >= startedAt - 60_000)
                .collect(Collectors.groupingBy(r -> r.getString("scheduledFor"), TreeMap::new, Collectors.toList()));
        System.out.println("Scheduled database backups by instant: " + byInstant.entrySet().stream()
                .map(e -> e.getKey() + " → " + e.getValue().stream().map(r -> r.getString("instance") + " " + r.getString("state")).toList())
                .toList());
        assertTrue(byInstant.size() >= 2, byInstant.toString());
        byInstant.forEach((instant, taken) -> assertEquals(1, taken.size(), "one run for " + instant + ": " + taken));
        assertEquals(String.valueOf(byInstant.size()), cluster.string("SELECT count(DISTINCT programado_para) FROM respaldos WHERE tipo = 'BD'"
                + " AND programado_para IS NOT NULL"), "and the database agrees");
        assertEquals(cluster.string("SELECT count(*) FROM respaldos WHERE tipo = 'BD' AND programado_para IS NOT NULL"),
                cluster.string("SELECT count(DISTINCT programado_para) FROM respaldos WHERE tipo = 'BD' AND programado_para IS NOT NULL"));

        // both instances tell the same on /metrics
        for (int number = 1; number <= 2; number++) {
            String metrics = cluster.send(Cluster.instance(number, "/metrics"), "GET", null).body();
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("ventanilla_backup_last_verified{kind=\"db\"") && l.endsWith(" 1.0")),
                    "instance " + number + ": " + metrics.lines().filter(l -> l.startsWith("ventanilla_backup")).toList());
        }
    }

    /** A run of a schedule (the API leaves out what a run does not have, such as a manual run's instant). */
    private static boolean scheduled(JsonObject run) {
        return run.containsKey("scheduledFor") && !run.isNull("scheduledFor");
    }

    @Test
    void restoreDbBringsAClusterBackupBackThroughTheProxy() throws Exception {
        Cluster cluster = Cluster.current();
        String token = signIn(cluster);
        String[] auth = {"Authorization", "Bearer " + token, "Content-Type", "application/json"};
        await(cluster, auth, runs -> runs.stream().map(JsonObject.class::cast)
                .noneMatch(r -> r.getString("kind").equals("db") && r.getString("state").equals("RUNNING")) ? Json.createObjectBuilder().build() : null,
                Duration.ofSeconds(1));
        HttpResponse<String> started = cluster.send(cluster.uri("/api/backups"), "POST", "{\"kind\":\"db\"}", auth);
        assertEquals(202, started.statusCode(), started.body());
        String id = Cluster.json(started.body()).getString("id");
        JsonObject done = await(cluster, auth, runs -> runs.stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("id").equals(id) && r.getString("state").equals("DONE")).findFirst().orElse(null), Duration.ofSeconds(1));
        Path file = cluster.home().resolve("backups").resolve(done.getString("file"));
        assertTrue(Files.isRegularFile(file));
        String units = cluster.string("SELECT count(*) FROM unidades");
        String copy = "restaurada_cluster";
        try {
            String output = cluster.script("restore_db.sh", file.toString(), "--base", copy);
            System.out.println(output);
            try (var connection = cluster.database(copy); var statement = connection.createStatement();
                    var row = statement.executeQuery("SELECT count(*) FROM unidades")) {
                row.next();
                assertEquals(units, row.getString(1));
            }
        } finally {
            cluster.update("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
        }
    }

    /** The administrator's token; an instance just restarted by the other test may answer its first requests slowly. */
    private static String signIn(Cluster cluster) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return cluster.adminToken();
            } catch (java.net.http.HttpTimeoutException slow) {
                if (attempt == 3) {
                    throw slow;
                }
            }
        }
    }

    private static JsonArray runs(Cluster cluster, String[] auth) throws Exception {
        HttpResponse<String> response = cluster.send(cluster.uri("/api/backups/runs?limit=100"), "GET", null, auth);
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new java.io.StringReader(response.body())).readArray();
    }

    private static JsonObject await(Cluster cluster, String[] auth, java.util.function.Function<JsonArray, JsonObject> wanted,
            Duration every) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                JsonObject found = wanted.apply(runs(cluster, auth));
                if (found != null) {
                    return found;
                }
            } catch (AssertionError | java.io.IOException unavailable) {
                // an instance going down: the gateway retries on the other, or the next round does
            }
            assertTrue(System.nanoTime() < deadline, "not within " + PATIENCE);
            Thread.sleep(every.toMillis());
        }
    }
}
