package cl.ventanilla.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * What the cluster tests share: a service of the demo municipality that kiosks can issue for without a
 * daily limit, the desks that attend it, an administrator's token, and bounded waiting.
 */
record ClusterScenario(String token, String unit, String service, List<String> stations) {

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    static ClusterScenario prepare(Cluster cluster) throws Exception {
        String service = cluster.string("""
                SELECT s.id::text FROM servicios s JOIN estacion_servicios es ON es.servicio_id = s.id
                JOIN estaciones e ON e.id = es.estacion_id AND e.activo
                WHERE s.activo AND s.cupo_diario_presencial IS NULL
                GROUP BY s.id HAVING count(*) >= 2 ORDER BY s.id LIMIT 1""");
        String unit = cluster.string("SELECT unidad_id::text FROM servicios WHERE id = '" + service + "'");
        List<String> stations = new ArrayList<>();
        try (Connection connection = cluster.database();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT e.id::text FROM estaciones e JOIN estacion_servicios es ON es.estacion_id = e.id
                        WHERE es.servicio_id = ?::uuid AND e.activo ORDER BY e.numero LIMIT 2""")) {
            query.setString(1, service);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stations.add(rows.getString(1));
                }
            }
        }
        return new ClusterScenario(cluster.adminToken(), unit, service, stations);
    }

    /** The ticket the desk holds (called or in service), if any. */
    static String held(Cluster cluster, String station) throws Exception {
        return cluster.string("SELECT id::text FROM turnos WHERE estacion_id = '" + station
                + "' AND estado IN ('LLAMADO', 'EN_ATENCION') ORDER BY hora_llamado DESC LIMIT 1");
    }

    /** Finishes what the desk holds, so that it can call again (another test may have left it busy). */
    static void release(Cluster cluster, String station, String bearer) throws Exception {
        String ticket = held(cluster, station);
        if (ticket != null) {
            for (String action : List.of("start", "finish")) {
                cluster.send(Cluster.instance(1, "/api/queue/tickets/" + ticket + "/" + action), "POST", "",
                        "Authorization", bearer);
            }
        }
    }

    /** Waits until the check holds, at most {@code limit}; fails the test otherwise. */
    static void awaitUntil(Duration limit, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + limit + (last == null ? "" : ": " + last), last);
    }

    /** Both database nodes run and one of them is the primary's synchronous standby. */
    static Check syncStandby(Cluster cluster) {
        return () -> {
            for (int node = 1; node <= 2; node++) {
                try {
                    HttpResponse<String> members = cluster.send(Cluster.patroni(node, "/cluster"), "GET", null);
                    if (members.statusCode() == 200) {
                        return members.body().contains("\"sync_standby\"");
                    }
                } catch (java.io.IOException down) {
                    // ask the other node
                }
            }
            return false;
        };
    }

    /** Waits (up to five minutes) until {@link #everythingReady} holds: an earlier test may still restart a part. */
    static void awaitReady(Cluster cluster) throws Exception {
        awaitUntil(Duration.ofMinutes(5), everythingReady(cluster));
    }

    /** Each instance answers ready directly and the gateway answers. */
    static Check everythingReady(Cluster cluster) {
        return () -> cluster.send(Cluster.instance(1, "/health/ready"), "GET", null).statusCode() == 200
                && cluster.send(Cluster.instance(2, "/health/ready"), "GET", null).statusCode() == 200
                && cluster.send(cluster.uri("/health/ready"), "GET", null).statusCode() == 200;
    }
}
