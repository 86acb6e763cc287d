package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * One Payara instance's machine dies in the middle of the morning: the gateway sends everything to the
 * other one (idempotent requests in flight are retried there), the lobby display in a real browser
 * reconnects by itself through the gateway, and mail and reminders keep going out from the survivor.
 */
@ExtendWith(Cluster.Up.class)
class InstanceFailoverClusterIT {

    @Test
    void theGatewayAndTheDisplayCarryOnWithTheOtherInstance() throws Exception {
        Cluster cluster = Cluster.current();
        ClusterScenario.awaitReady(cluster);
        ClusterScenario scenario = ClusterScenario.prepare(cluster);

        try (Browser display = new Browser(cluster, "es-CL")) {
            display.open("/auth/");
            display.driver().manage().addCookie(new Cookie("VENTANILLA_SESION", scenario.token(), "/"));
            display.open("/display.xhtml?unidad=" + scenario.unit());
            assertEquals("/display.xhtml", display.path());
            ClusterScenario.awaitUntil(Duration.ofSeconds(20), () -> screens(cluster, 1) + screens(cluster, 2) >= 1);
            int victim = screens(cluster, 1) >= 1 ? 1 : 2;

            try {
                afterKilling(cluster, scenario, display, victim);
            } finally {
                long restartedAt = System.nanoTime();
                cluster.ctl("start", "ventanilla-" + victim);
                System.out.printf("ventanilla-%d back and ready after %.0f s%n", victim, (System.nanoTime() - restartedAt) / 1e9);
                ClusterScenario.awaitUntil(Duration.ofMinutes(2), ClusterScenario.everythingReady(cluster));
            }
        }
    }

    private static void afterKilling(Cluster cluster, ClusterScenario scenario, Browser display, int victim) throws Exception {
        int survivor = 3 - victim;
        try (QueueLoad load = QueueLoad.start(cluster, scenario, 2, 2)) {
            Thread.sleep(5_000);
            long killedAt = System.nanoTime();
            cluster.ctl("kill", "ventanilla-" + victim);

            ClusterScenario.awaitUntil(Duration.ofSeconds(60), () -> screens(cluster, survivor) >= 1);
            double reconnected = (System.nanoTime() - killedAt) / 1e9;
            ClusterScenario.awaitUntil(Duration.ofSeconds(30), () -> {
                Set<String> calledSince = load.answers("call").stream()
                        .filter(a -> a.ok() && a.atNanos() > killedAt).map(QueueLoad.Answer::number)
                        .collect(Collectors.toSet());
                return calledSince.contains(display.driver().findElement(By.id("llamado-numero")).getText().strip());
            });
            double showing = (System.nanoTime() - killedAt) / 1e9;
            Thread.sleep(5_000);
            load.stop();

            System.out.printf("Instance ventanilla-%d killed: the display reconnected to ventanilla-%d after %.1f s"
                    + " and showed a new call after %.1f s%n", victim, survivor, reconnected, showing);
            System.out.printf("Through the gateway after the kill: snapshot (GET) failed %d of %d; issue (POST)"
                    + " failed %d of %d; calls failed %d of %d%n",
                    load.failedSince("snapshot", killedAt), load.answers("snapshot").stream().filter(a -> a.atNanos() > killedAt).count(),
                    load.failedSince("issue", killedAt), load.answers("issue").stream().filter(a -> a.atNanos() > killedAt).count(),
                    load.failedSince("call", killedAt), load.answers("call").stream().filter(a -> a.atNanos() > killedAt).count());
            assertEquals(0, load.failedSince("snapshot", killedAt),
                    "idempotent requests are retried on the other instance: " + load.statuses("snapshot"));
            assertTrue(load.okSince("issue", killedAt + Duration.ofSeconds(3).toNanos()) > 10,
                    "tickets keep being issued through the gateway: " + load.statuses("issue"));
            assertEquals(java.util.List.of(), load.repeated("call", QueueLoad.Answer::ticketId), "no ticket called twice");
        }

        // the survivor sends mail on its own: a password reset asked for through the gateway
        String rut = Accounts.newRut();
        // lower case: a RUT may end in K, and mail addresses are stored and delivered in lower case
        String email = ("respaldo." + rut.replace("-", "") + "@prueba.ventanilla.local").toLowerCase(Locale.ROOT);
        HttpResponse<String> created = cluster.send(cluster.uri("/api/auth/users"), "POST",
                Json.createObjectBuilder().add("rut", rut).add("name", "Prueba Respaldo").add("email", email)
                        .add("roles", Json.createArrayBuilder().add("OPERATOR")).build().toString(),
                "Content-Type", "application/json", "Authorization", "Bearer " + scenario.token());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> reset = cluster.send(cluster.uri("/api/auth/password-reset"), "POST",
                Json.createObjectBuilder().add("rutOrEmail", rut).build().toString(), "Content-Type", "application/json");
        assertTrue(reset.statusCode() / 100 == 2, reset.statusCode() + " " + reset.body());
        long askedAt = System.nanoTime();
        Mailbox.await(email, "", Duration.ofSeconds(60));
        System.out.printf("With one instance down, the reset mail arrived %.1f s after it was asked for%n",
                (System.nanoTime() - askedAt) / 1e9);

        // … and reminders: a booking made days ago whose reminder window has just opened
        String citizen = "recordatorio." + System.nanoTime() + "@correo.example.cl";
        cluster.update("INSERT INTO agendamientos (codigo, unidad_id, servicio_id, rut_ciudadano, nombre_ciudadano,"
                + " email_ciudadano, fecha_hora_inicio, fecha_hora_fin, fecha_creacion) VALUES ('R"
                + (System.nanoTime() % 90_000 + 10_000) + "', '" + scenario.unit() + "', '" + scenario.service() + "', '"
                + Accounts.newRut() + "', 'Ana Rojas', '" + citizen + "', now() + interval '3 hours',"
                + " now() + interval '3 hours 30 minutes', now() - interval '3 days')");
        long dueAt = System.nanoTime();
        Mailbox.await(citizen, "", Duration.ofSeconds(150));
        System.out.printf("With one instance down, the reminder went out %.1f s after it fell due%n",
                (System.nanoTime() - dueAt) / 1e9);
    }

    /** The lobby screens connected to an instance, from its own metrics (0 when it does not answer). */
    static int screens(Cluster cluster, int instance) {
        try {
            HttpResponse<String> metrics = cluster.send(Cluster.instance(instance, "/metrics"), "GET", null);
            return metrics.body().lines()
                    .filter(line -> line.startsWith("ventanilla_display_screens") && !line.startsWith("#"))
                    .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (Exception down) {
            return 0;
        }
    }
}
