package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cluster's Prometheus (started by {@code scripts/cluster-up.sh}) scrapes every part of it, and a
 * ticket issued through the gateway shows up in the business metrics it collects.
 */
@ExtendWith(Cluster.Up.class)
class MonitoringClusterIT {

    /** scripts/cluster-lib.sh's port table: Prometheus at base + 990. */
    static final int PROMETHEUS = Cluster.PORT_BASE + 990;
    static final Set<String> JOBS = Set.of("prometheus", "payara", "patroni", "haproxy", "nginx", "postgres", "redis");

    @Test
    void prometheusScrapesEveryPartOfTheCluster() throws Exception {
        Cluster cluster = Cluster.current();
        ClusterScenario.awaitReady(cluster);
        // a target is "unknown" until its first scrape, and an earlier test may have restarted a part
        ClusterScenario.awaitUntil(Duration.ofSeconds(90), () -> targets(cluster).values().stream().allMatch("up"::equals));

        Map<String, String> health = targets(cluster);
        System.out.printf("Prometheus targets: %s%n", health);
        assertEquals(JOBS, health.keySet().stream().map(t -> t.substring(0, t.indexOf(' '))).collect(Collectors.toSet()),
                "every job of prometheus.yml has targets");
        assertEquals(2, health.keySet().stream().filter(t -> t.startsWith("payara ")).count(), "both instances");
        assertEquals(2, health.keySet().stream().filter(t -> t.startsWith("patroni ")).count(), "both database nodes");
        // the exporters do not only answer: they reach what they watch
        for (String up : new String[] {"pg_up", "redis_up", "nginx_up"}) {
            assertEquals(1.0, value(cluster, "min(" + up + ")"), up);
        }
        assertEquals(1.0, value(cluster, "sum(patroni_primary)"), "one primary");
    }

    @Test
    void aTicketIssuedThroughTheGatewayMovesTheTicketCounter() throws Exception {
        Cluster cluster = Cluster.current();
        ClusterScenario.awaitReady(cluster);
        ClusterScenario scenario = ClusterScenario.prepare(cluster);
        String unit = cluster.string("SELECT nombre FROM unidades WHERE id = '" + scenario.unit() + "'");
        String service = cluster.string("SELECT nombre FROM servicios WHERE id = '" + scenario.service() + "'");
        String issued = "sum(ventanilla_tickets_issued_total{unit=\"" + unit + "\", service=\"" + service + "\"})";
        // the counters are registered at zero by each instance within 15 s of its start, then scraped
        ClusterScenario.awaitUntil(Duration.ofSeconds(60),
                () -> value(cluster, "count(ventanilla_tickets_issued_total{unit=\"" + unit + "\", service=\"" + service
                        + "\"})") == 2);
        double before = value(cluster, issued);

        long issuedAt = System.nanoTime();
        HttpResponse<String> ticket = cluster.send(cluster.uri("/api/queue/tickets"), "POST",
                Json.createObjectBuilder().add("serviceId", scenario.service()).build().toString(),
                "Content-Type", "application/json", "Authorization", "Bearer " + scenario.token());
        assertEquals(201, ticket.statusCode(), ticket.body());

        ClusterScenario.awaitUntil(Duration.ofSeconds(90), () -> value(cluster, issued) >= before + 1);
        System.out.printf("A ticket of %s / %s reached Prometheus %.1f s after it was asked for (%s: %.0f → %.0f)%n",
                unit, service, (System.nanoTime() - issuedAt) / 1e9, issued, before, value(cluster, issued));
        // the same instance's gauge of waiting tickets sees it too (read every 15 s from the database)
        ClusterScenario.awaitUntil(Duration.ofSeconds(60), () -> value(cluster,
                "max(ventanilla_queue_waiting{unit=\"" + unit + "\", service=\"" + service + "\"})") >= 1);
        assertTrue(value(cluster, "max(ventanilla_queue_sla_seconds{unit=\"" + unit + "\", service=\"" + service + "\"})") > 0,
                "the service's SLA is published");
    }

    /** Each active target as "job instance" → its health ("up", "down", "unknown"). */
    private static Map<String, String> targets(Cluster cluster) throws Exception {
        JsonArray active = prometheus(cluster, "/api/v1/targets?state=active").getJsonObject("data").getJsonArray("activeTargets");
        Map<String, String> health = new TreeMap<>();
        for (JsonObject target : active.getValuesAs(JsonObject.class)) {
            JsonObject labels = target.getJsonObject("labels");
            health.put(labels.getString("job") + " " + labels.getString("instance"), target.getString("health"));
        }
        return health;
    }

    /** The single value of an instant query; NaN when it has no result. */
    private static double value(Cluster cluster, String query) throws Exception {
        JsonArray result = prometheus(cluster, "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .getJsonObject("data").getJsonArray("result");
        if (result.isEmpty()) {
            return Double.NaN;
        }
        return Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1));
    }

    private static JsonObject prometheus(Cluster cluster, String path) throws Exception {
        HttpResponse<String> answer = cluster.send(URI.create("http://127.0.0.1:" + PROMETHEUS + path), "GET", null);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        JsonObject body = Cluster.json(answer.body());
        assertEquals("success", body.getString("status"), answer.body());
        return body;
    }
}
