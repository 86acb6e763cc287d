package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
        ClusterScenario.awaitUntil(Duration.ofMinutes(5), ClusterScenario.everythingReady(cluster));
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
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket screen = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + (Cluster.PORT_BASE + 280) + "/display-socket/" + scenario.unit()),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                received.add(data.toString());
                                socket.request(1);
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        try {
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
                String number = Cluster.json(called.body()).getString("number");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (System.nanoTime() < deadline) {
                    String message = received.poll(100, TimeUnit.MILLISECONDS);
                    if (message != null && message.contains("\"called\"") && message.contains(number)) {
                        return true;
                    }
                }
                return false;
            });
            System.out.printf("Redis back: a call on ventanilla-1 reached a display on ventanilla-2 again %.1f s after"
                    + " Redis restarted%n", (System.nanoTime() - restartedAt) / 1e9);
            ClusterScenario.awaitUntil(Duration.ofSeconds(60), () -> readyReportsRedis(cluster, 1, "true")
                    && readyReportsRedis(cluster, 2, "true"));
        } finally {
            screen.sendClose(WebSocket.NORMAL_CLOSURE, "fin").get(5, TimeUnit.SECONDS);
        }
    }

    private static boolean readyReportsRedis(Cluster cluster, int instance, String available) throws Exception {
        HttpResponse<String> ready = cluster.send(Cluster.instance(instance, "/health/ready"), "GET", null);
        return ready.body().replace(" ", "").contains("\"available\":\"" + available + "\"");
    }
}
