package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cluster as citizens and staff reach it: every screen through the gateway, answered by both
 * instances, with the gateway's security headers; and a call made on one instance reaches a lobby
 * display connected to the other, through the Redis bridge.
 */
@ExtendWith(Cluster.Up.class)
class GatewayClusterIT {

    @Test
    void theScreensAnswerThroughTheGatewayFromBothInstances() throws Exception {
        Cluster cluster = Cluster.current();
        ClusterScenario.awaitReady(cluster);
        Path accessLog = Path.of(System.getProperty("ventanilla.cluster.home"), "nginx", "access.log");
        long logged = Files.size(accessLog);
        String unit = cluster.string("SELECT id::text FROM unidades WHERE activo ORDER BY nombre LIMIT 1");
        for (int round = 0; round < 6; round++) {
            for (String page : List.of("/", "/reservar.xhtml", "/cita.xhtml", "/auth/",
                    "/api/config/services", "/api/queue/units/" + unit + "/snapshot")) {
                HttpResponse<String> answer = cluster.send(cluster.uri(page), "GET", null, "Accept-Language", "es-CL");
                assertEquals(200, answer.statusCode(), page + ": " + answer.body());
            }
        }
        for (String staffPage : List.of("/admin/", "/config/", "/totem/?unidad=" + unit)) {
            HttpResponse<String> answer = cluster.send(cluster.uri(staffPage), "GET", null);
            assertTrue(answer.statusCode() == 302 || answer.statusCode() == 303, staffPage + " sends to sign-in: "
                    + answer.statusCode());
            assertTrue(answer.headers().firstValue("Location").orElse("").contains("/auth/"),
                    "the sign-in page is where it sends: " + answer.headers().map());
        }
        String traffic = Files.readString(accessLog).substring((int) logged);
        for (int instance = 1; instance <= 2; instance++) {
            // the access log is JSON, one request a line (the gateway's log_format)
            String upstream = "\"upstream_addr\":\"127.0.0.1:" + Cluster.instancePort(instance);
            long answered = traffic.lines().filter(line -> line.contains(upstream)).count();
            System.out.printf("Gateway → ventanilla-%d: %d of the requests%n", instance, answered);
            assertTrue(answered > 0, "both instances answer through the gateway: " + upstream);
        }

        HttpResponse<String> home = cluster.send(cluster.uri("/"), "GET", null);
        assertTrue(home.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                home.headers().map().toString());
        assertEquals(List.of("DENY"), home.headers().allValues("X-Frame-Options"), "one value, the gateway's");
        assertEquals(List.of("nosniff"), home.headers().allValues("X-Content-Type-Options"));
        assertTrue(home.headers().firstValue("Referrer-Policy").isPresent());
        assertEquals(404, cluster.send(cluster.uri("/metrics"), "GET", null).statusCode(),
                "the instances' metrics are for Prometheus, not the public");
    }

    /**
     * A bot on one machine that invents an X-Forwarded-For address for every booking is still one citizen
     * to the instances: they believe the header only from the gateway's own address (127.0.0.2 here),
     * and the gateway appends the address it really saw. The 21st attempt of the hour is refused by the
     * application (problem details), before the gateway's own burst limit would answer.
     */
    @Test
    void inventedForwardedAddressesThroughTheGatewayCountAsOneCitizen() throws Exception {
        Cluster cluster = Cluster.current();
        ClusterScenario.awaitReady(cluster);
        String service = "30000000-0000-4000-8000-000000000002"; // a demo service that takes bookings
        long intoHour = java.time.Instant.now().getEpochSecond() % 3600;
        if (intoHour > 3600 - 60) { // the limit counts per clock hour
            Thread.sleep((3600 - intoHour + 1) * 1000);
        }
        int attemptsPerHour = 20;
        for (int attempt = 1; attempt <= attemptsPerHour + 1; attempt++) {
            HttpResponse<String> first = cluster.send(cluster.uri("/api/appointments/services/" + service + "/first-free"), "GET", null);
            assertEquals(200, first.statusCode(), first.body());
            String start = Cluster.json(first.body()).getString("start");
            HttpResponse<String> challenge = cluster.send(cluster.uri("/api/appointments/challenge"), "GET", null);
            String token = Cluster.json(challenge.body()).getString("token");
            String nonce = CitizenBooking.solve(token, Cluster.json(challenge.body()).getInt("difficulty"));
            String invented = "198.18." + (attempt / 250) + "." + (attempt % 250 + 1);
            HttpResponse<String> booked = cluster.send(cluster.uri("/api/appointments"), "POST",
                    CitizenBooking.body(service, start, Accounts.newRut(), token, nonce),
                    "Content-Type", "application/json", "Accept-Language", "es-CL", "X-Forwarded-For", invented);
            if (attempt == 1 && booked.statusCode() == 429) {
                // only a cluster reused from an earlier run this hour (-Dventanilla.cluster.reuse) has spent them
                Assumptions.assumeFalse(cluster.reused(), "this hour's attempts were spent by an earlier run");
            }
            if (attempt <= attemptsPerHour) {
                assertTrue(booked.statusCode() == 201 || booked.statusCode() == 409,
                        "attempt " + attempt + ": " + booked.statusCode() + " " + booked.body());
            } else {
                assertEquals(429, booked.statusCode(), booked.body());
                assertEquals("application/problem+json",
                        booked.headers().firstValue("Content-Type").orElse("").split(";")[0],
                        "the application refused it, counting one citizen: " + booked.body());
            }
        }
    }

    @Test
    void aCallOnOneInstanceReachesADisplayOnTheOther() throws Exception {
        Cluster cluster = Cluster.current();
        ClusterScenario.awaitReady(cluster);
        ClusterScenario scenario = ClusterScenario.prepare(cluster);
        String station = scenario.stations().get(0);
        String bearer = "Bearer " + scenario.token();
        int calls = 50;
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> issued = cluster.send(Cluster.instance(1, "/api/queue/tickets"), "POST",
                    Json.createObjectBuilder().add("serviceId", scenario.service()).build().toString(),
                    "Content-Type", "application/json", "Authorization", bearer);
            assertEquals(201, issued.statusCode(), issued.body());
        }

        try (DisplaySocket screen = new DisplaySocket(2, scenario.unit())) {
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                HttpResponse<String> called = cluster.send(
                        Cluster.instance(1, "/api/queue/stations/" + station + "/call-next"), "POST", "", "Authorization", bearer);
                long answeredAt = System.nanoTime();
                if (called.statusCode() == 409) { // the desk still holds a ticket from an earlier test
                    ClusterScenario.release(cluster, station, bearer);
                    i--;
                    continue;
                }
                assertEquals(200, called.statusCode(), called.body());
                String number = Cluster.json(called.body()).getString("number");
                String id = Cluster.json(called.body()).getString("id");
                assertTrue(screen.awaitCall(number, Duration.ofSeconds(10)), "the call of " + number + " on ventanilla-1 reached the display on ventanilla-2");
                latencies.add(Math.max(0, System.nanoTime() - answeredAt));
                for (String action : List.of("start", "finish")) {
                    assertEquals(200, cluster.send(Cluster.instance(1, "/api/queue/tickets/" + id + "/" + action), "POST", "",
                            "Authorization", bearer).statusCode());
                }
            }
            Collections.sort(latencies);
            System.out.printf("Call on ventanilla-1 → display on ventanilla-2 over %d calls: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    calls, latencies.get(calls / 2) / 1e6, latencies.get((int) Math.ceil(calls * 0.99) - 1) / 1e6,
                    latencies.get(calls - 1) / 1e6);
        }
    }
}
