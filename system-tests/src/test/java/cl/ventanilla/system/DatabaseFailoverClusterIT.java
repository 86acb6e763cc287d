package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostgreSQL primary's machine dies while kiosks issue tickets and desks call them through the
 * gateway: Patroni promotes the synchronous standby, HAProxy follows it, the instances' pool reconnects,
 * and nothing that was acknowledged is lost or given twice. The old primary then rejoins as a standby.
 */
@ExtendWith(Cluster.Up.class)
class DatabaseFailoverClusterIT {

    @Test
    void writesResumeOnTheStandbyAndNothingAcknowledgedIsLost() throws Exception {
        Cluster cluster = Cluster.current();
        ClusterScenario.awaitReady(cluster);
        ClusterScenario.awaitUntil(Duration.ofSeconds(120), ClusterScenario.syncStandby(cluster));
        ClusterScenario scenario = ClusterScenario.prepare(cluster);
        String primary = cluster.primaryNode();
        String standby = primary.equals("patroni-1") ? "patroni-2" : "patroni-1";

        try {
            underLoad(cluster, scenario, primary, standby);
        } finally {
            rejoin(cluster, primary);
        }
    }

    private static void underLoad(Cluster cluster, ClusterScenario scenario, String primary, String standby)
            throws Exception {
        long killedAt;
        try (QueueLoad load = QueueLoad.start(cluster, scenario, 3, 0)) {
            Thread.sleep(8_000);
            long before = load.okSince("issue", 0);
            assertTrue(before > 0, "tickets are issued before the failure: " + load.statuses("issue"));
            killedAt = System.nanoTime();
            cluster.ctl("kill", primary);
            ClusterScenario.awaitUntil(Duration.ofSeconds(90), () -> load.okSince("issue", killedAt) >= 20
                    && load.okSince("call", killedAt) >= 2);
            Thread.sleep(3_000);
            load.stop();

            Duration gap = load.longestGap("issue", killedAt);
            System.out.printf("Primary %s killed: writes resumed after %.1f s (longest gap between issued tickets);"
                    + " issue answers %s, call answers %s%n", primary, gap.toMillis() / 1000.0,
                    load.statuses("issue"), load.statuses("call"));
            assertEquals(standby, cluster.primaryNode(), "the standby was promoted");
            // while no primary answers the application says 503 (try again); before it did, every one of
            // these was a 500 (235 of 409 in one run); a stray container 500 was seen once in 596 answers
            long refused = load.answers("issue").stream().filter(a -> a.status() >= 500).count();
            long serverErrors = load.answers("issue").stream().filter(a -> a.status() == 500).count();
            assertTrue(serverErrors * 50 <= refused, "503, not 500, while no primary answers: " + load.statuses("issue"));

            List<String> acknowledged = load.answers("issue").stream().filter(QueueLoad.Answer::ok)
                    .map(QueueLoad.Answer::ticketId).toList();
            Set<String> stored = stored(cluster, acknowledged);
            List<String> lost = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
            assertEquals(List.of(), lost, "every ticket answered 201 is in the database after the failover");
            assertEquals(List.of(), load.repeated("issue", QueueLoad.Answer::number), "no number given twice");
            assertEquals(List.of(), load.repeated("call", QueueLoad.Answer::ticketId), "no ticket called twice");
            assertEquals("0", cluster.string("""
                    SELECT count(*) FROM (SELECT numero FROM turnos WHERE servicio_id = '%s' AND fecha = current_date
                    GROUP BY numero HAVING count(*) > 1) twice""".formatted(scenario.service())),
                    "the database holds no number twice");
            System.out.printf("Acknowledged tickets: %d, all stored; %d calls, none repeated%n", acknowledged.size(),
                    load.answers("call").stream().filter(QueueLoad.Answer::ok).count());
        }

    }

    /** The killed node started again: Patroni rewinds it and it follows the new primary. */
    private static void rejoin(Cluster cluster, String primary) throws Exception {
        if (primary.equals(cluster.primaryNode())) {
            return; // never killed: the test failed before
        }
        long restartedAt = System.nanoTime();
        cluster.ctl("start", primary);
        int node = Integer.parseInt(primary.substring("patroni-".length()));
        URI patroni = Cluster.patroni(node, "/replica");
        ClusterScenario.awaitUntil(Duration.ofSeconds(180), () -> {
            HttpResponse<String> replica = cluster.send(patroni, "GET", null);
            return replica.statusCode() == 200;
        });
        ClusterScenario.awaitUntil(Duration.ofSeconds(120), ClusterScenario.syncStandby(cluster));
        System.out.printf("The old primary %s rejoined as a streaming standby %.1f s after its restart%n", primary,
                (System.nanoTime() - restartedAt) / 1e9);
    }

    private static Set<String> stored(Cluster cluster, List<String> ids) throws Exception {
        Set<String> found = new TreeSet<>();
        try (Connection connection = cluster.database();
                PreparedStatement query = connection.prepareStatement("SELECT id::text FROM turnos WHERE id = ANY (?::uuid[])")) {
            query.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found.stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
