package cl.ventanilla.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.appointments.boundary.BookingRequest;
import cl.ventanilla.appointments.boundary.Bookings;
import cl.ventanilla.appointments.control.AppointmentSettings;
import cl.ventanilla.appointments.entity.AppointmentException;
import cl.ventanilla.kernel.DomainException.Kind;
import cl.ventanilla.kernel.redis.Redis;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The booking attempts' limit with Redis really gone and back. This deployment's Redis is a private
 * {@code redis-server} on a free port that the test starts and stops (the shared Redis of the machine is
 * never touched): while it is down the database counts the attempts and the limit still holds; while it
 * is up Redis counts them and the database is left alone.
 */
@ExtendWith(ArquillianExtension.class)
class AttemptLimiterOutageIT {

    private static final UUID RENOVACION_LICENCIA = UUID.fromString("30000000-0000-4000-8000-000000000002");

    @Deployment
    static WebArchive deployment() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // above the environment's REDIS_HOST/REDIS_PORT (ordinal 300), which name the shared Redis
        return AppointmentsIT.archive("appointments-outage-it.war")
                .addAsResource(new StringAsset("config_ordinal=1000\nredis.host=127.0.0.1\nredis.port=" + port + "\n"),
                        "META-INF/microprofile-config.properties");
    }

    @Inject
    Bookings bookings;

    @Inject
    AppointmentSettings settings;

    @Inject
    Redis redis;

    @Inject
    MovableClock clock;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    private Process server;

    @AfterEach
    void stopPrivateRedis() throws InterruptedException {
        stopRedis();
        clock.reset();
    }

    @Test
    void theDatabaseCountsWhileRedisIsDownAndRedisAgainOnceItIsBack() throws Exception {
        // one clock hour for the whole test, so every count below falls in the same hour
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(1800);
        clock.moveTo(now);
        int allowed = settings.attemptsPerIpPerHour();
        assertTrue(redis.isConfigured(), "this deployment names a Redis");
        assertFalse(redis.isAvailable(), "the private Redis is not started yet");
        String run = Long.toString(System.nanoTime() % 1000);

        // Redis down: the database counts, the limit holds
        String down = "10.77." + run + ".1";
        for (int i = 0; i < allowed; i++) {
            assertEquals("challenge.missing", attempt(down).key(), "attempt " + (i + 1) + " is let through to the challenge");
        }
        assertEquals(List.of(String.valueOf(allowed)), countedInDatabase(down));
        AppointmentException tooMany = attempt(down);
        assertEquals("attempts.tooMany", tooMany.key());
        assertEquals(Kind.TOO_MANY_REQUESTS, tooMany.kind());

        // Redis back: Redis counts, the database is not written
        startRedis();
        String up = "10.77." + run + ".2";
        for (int i = 0; i < 3; i++) {
            assertEquals("challenge.missing", attempt(up).key());
        }
        assertEquals(List.of(), countedInDatabase(up), "with Redis up the database is not the counter");
        try (Jedis direct = new Jedis("127.0.0.1", port())) {
            assertEquals(3, direct.keys("*intentos:" + up + ":*").stream().mapToLong(k -> Long.parseLong(direct.get(k))).sum(),
                    "the private Redis holds the three attempts");
        }

        // Redis gone again in the middle of the hour: the next attempt is counted by the database, not lost
        stopRedis();
        assertEquals("challenge.missing", attempt(up).key());
        assertEquals(List.of("1"), countedInDatabase(up));

        // and back once more: Redis counts again (the private server keeps nothing, so from one)
        startRedis();
        String again = "10.77." + run + ".3";
        assertEquals("challenge.missing", attempt(again).key());
        assertEquals(List.of(), countedInDatabase(again));
    }

    private AppointmentException attempt(String ip) {
        BookingRequest unsolved = new BookingRequest(RENOVACION_LICENCIA, clock.now().plus(3, ChronoUnit.DAYS),
                TestRuts.next(), "Intento sin desafío", "intento@example.cl", null, "es", ip, null, null);
        return assertThrows(AppointmentException.class, () -> bookings.book(unsolved));
    }

    private List<String> countedInDatabase(String ip) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT intentos FROM intentos_agendamiento_ip WHERE ip = ?")) {
            statement.setString(1, ip);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> counts = new java.util.ArrayList<>();
                while (rows.next()) {
                    counts.add(rows.getString(1));
                }
                return counts;
            }
        }
    }

    private int port() {
        String address = redis.address().orElseThrow();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private void startRedis() throws Exception {
        server = new ProcessBuilder("redis-server", "--port", String.valueOf(port()), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new IllegalStateException("the private redis-server did not start on port " + port());
            }
            Thread.sleep(100);
        }
        // the application's pool reconnects by itself; wait (bounded) until it does
        while (!redis.isAvailable()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application did not reach the private Redis again");
            }
            Thread.sleep(100);
        }
    }

    private boolean answers() {
        try (Jedis probe = new Jedis("127.0.0.1", port(), 200)) {
            return "PONG".equals(probe.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    private void stopRedis() throws InterruptedException {
        if (server == null) {
            return;
        }
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        server = null;
        assertFalse(redis.isAvailable(), "the private Redis is down");
    }
}
