package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * A walk-in ticket from a kiosk account, called by an operator through the API, appears on the unit's
 * waiting-room display in a real browser, pushed over its web socket, and reaches the Redis channel
 * the other application instances listen to (QueueIT proves the other half: a message another instance
 * publishes there reaches this instance's screens).
 */
class QueueFlowIT extends SystemTest {

    @Test
    void aCallMadeThroughTheApiReachesTheLobbyDisplay() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String kiosk = Accounts.ready(server, admin, "KIOSK");
        String operator = Accounts.ready(server, admin, "OPERATOR");
        String display = Accounts.ready(server, admin, "DISPLAY");
        String unit = Database.string("""
                SELECT e.unidad_id::text FROM estaciones e JOIN estacion_servicios es ON es.estacion_id = e.id
                WHERE e.activo ORDER BY e.numero LIMIT 1""");
        String station = Database.string("SELECT id::text FROM estaciones WHERE unidad_id = '" + unit
                + "' AND activo AND id IN (SELECT estacion_id FROM estacion_servicios) ORDER BY numero LIMIT 1");
        String service = Database.string("SELECT servicio_id::text FROM estacion_servicios WHERE estacion_id = '"
                + station + "' LIMIT 1");

        try (Browser screen = new Browser(server, "es-CL")) {
            screen.open("/auth/");
            screen.driver().manage().addCookie(new Cookie("VENTANILLA_SESION", display, "/"));
            screen.open("/display.xhtml?unidad=" + unit);
            assertEquals("/display.xhtml", screen.path(), "the display account sees the display");
            screen.awaitLive();

            HttpResponse<String> issued = server.send("POST", "/api/queue/tickets",
                    Json.createObjectBuilder().add("serviceId", service).build().toString(),
                    "Content-Type", "application/json", "Authorization", "Bearer " + kiosk);
            assertEquals(201, issued.statusCode(), issued.body());

            List<String> published = new CopyOnWriteArrayList<>();
            JedisPubSub otherInstance = new JedisPubSub() {
                @Override
                public void onMessage(String channel, String message) {
                    published.add(message);
                }
            };
            Thread listener = new Thread(() -> {
                try (Jedis redis = new Jedis(System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1"),
                        Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379")))) {
                    redis.subscribe(otherInstance, "ventanilla:cola");
                }
            });
            listener.start();
            long subscribeDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!otherInstance.isSubscribed() && System.nanoTime() < subscribeDeadline) {
                Thread.sleep(20);
            }
            HttpResponse<String> elsewhere = server.send("POST", "/api/queue/stations/" + station + "/call-next", "",
                    "Authorization", "Bearer " + operator);
            assertEquals(403, elsewhere.statusCode(), "an operator who does not work at the unit: " + elsewhere.body());
            Accounts.assignNewest("OPERATOR", unit);
            HttpResponse<String> called = server.send("POST", "/api/queue/stations/" + station + "/call-next", "",
                    "Authorization", "Bearer " + operator);
            assertEquals(200, called.statusCode(), called.body());
            JsonObject ticket = VentanillaServer.json(called.body()).asJsonObject();
            String number = ticket.getString("number");
            long calledAt = System.nanoTime();

            new WebDriverWait(screen.driver(), Duration.ofSeconds(10))
                    .until(d -> number.equals(d.findElement(By.id("llamado-numero")).getText().strip()));
            System.out.printf("Display: %s shown %d ms after the call answered%n", number,
                    (System.nanoTime() - calledAt) / 1_000_000);
            screen.screenshot("07-pantalla-sala");
            assertTrue(screen.text().contains(number));

            long redisDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (published.stream().noneMatch(m -> m.contains("\"kind\":\"called\"") && m.contains(number))
                    && System.nanoTime() < redisDeadline) {
                Thread.sleep(50);
            }
            otherInstance.unsubscribe();
            listener.join(5000);
            assertTrue(published.stream().anyMatch(m -> m.contains("\"kind\":\"called\"") && m.contains(number)),
                    "the call is published for the other instances: " + published);
        }
    }
}
