package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis dies: Ventanilla gets slower, never broken (no 5xx through the gateway), and when Redis comes
 * back the caches and the bridge between the instances come back by themselves.
 */
@ExtendWith(Cluster.Up.class)
class RedisOutageClusterIT {

    @Test
    void withoutRedisNothingFailsAndTheBridgeComesBack() throws Exception {
        Cluster cluster = Cluster.current();
        ClusterScenario.awaitReady(cluster);
        ClusterScenario scenario = ClusterScenario.prepare(cluster);
        String bearer = "Bearer " + scenario.token();

        long killedAt;
        try (QueueLoad load = QueueLoad.start(cluster, scenario, 2, 2)) {
            Thread.sleep(4_000);
            killedAt = System.nanoTime();
            cluster.ctl("kill", "redis");
            Thread.sleep(12_000);
            load.stop();
            System.out.printf("Redis down: issue %s, calls %s, snapshots %s (status → count)%n",
                    load.statuses("issue"), load.statuses("call"), load.statuses("snapshot"));
            for (String kind : new String[] {"issue", "call", "snapshot"}) {
                assertEquals(0, load.failedSince(kind, killedAt), kind + " without Redis: " + load.statuses(kind));
            }
            assertTrue(load.okSince("issue", killedAt) > 10, "tickets are issued without Redis");
            assertTrue(load.okSince("snapshot", killedAt) > 10, "the lobby is read without Redis");
        }
        assertTrue(readyReportsRedis(cluster, 1, "false"), "the instance says Redis is unavailable");

        long restartedAt = System.nanoTime();
        cluster.ctl("start", "redis");
        try (DisplaySocket screen = new DisplaySocket(2, scenario.unit())) {
            String station = scenario.stations().get(0);
            ClusterScenario.awaitUntil(Duration.ofSeconds(90), () -> {
                ClusterScenario.release(cluster, station, bearer);
                cluster.send(Cluster.instance(1, "/api/queue/tickets"), "POST",
                        Json.createObjectBuilder().add("serviceId", scenario.service()).build().toString(),
                        "Content-Type", "application/json", "Authorization", bearer);
                HttpResponse<String> called = cluster.send(Cluster.instance(1, "/api/queue/stations/" + station + "/call-next"),
                        "POST", "", "Authorization", bearer);
                if (called.statusCode() != 200) {
                    return false;
                }
                return screen.awaitCall(Cluster.json(called.body()).getString("number"), Duration.ofSeconds(2));
            });
            System.out.printf("Redis back: a call on ventanilla-1 reached a display on ventanilla-2 again %.1f s after"
                    + " Redis restarted%n", (System.nanoTime() - restartedAt) / 1e9);
            ClusterScenario.awaitUntil(Duration.ofSeconds(60), () -> readyReportsRedis(cluster, 1, "true")
                    && readyReportsRedis(cluster, 2, "true"));
        }
    }

    private static boolean readyReportsRedis(Cluster cluster, int instance, String available) throws Exception {
        HttpResponse<String> ready = cluster.send(Cluster.instance(instance, "/health/ready"), "GET", null);
        return ready.body().replace(" ", "").contains("\"available\":\"" + available + "\"");
    }
}
