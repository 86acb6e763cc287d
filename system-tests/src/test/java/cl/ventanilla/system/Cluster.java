package cl.ventanilla.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The production topology on this machine, started once for all cluster tests by
 * {@code scripts/cluster-up.sh} exactly as an operator starts it (etcd, two Patroni nodes, HAProxy,
 * Redis, the Payara DAS with two instances, Nginx), and stopped and wiped by
 * {@code scripts/cluster-down.sh --purge} when the test JVM ends. Components are killed and restarted
 * through {@code scripts/cluster-ctl.sh}, by the PIDs the cluster recorded.
 */
final class Cluster implements ExtensionContext.Store.CloseableResource, Site {

    static final int PORT_BASE = Integer.getInteger("ventanilla.cluster.portBase", 29000);
    static final int GATEWAY = PORT_BASE + 800;
    static final int DB_PROXY = PORT_BASE + 543;
    static final int MAILBOX = PORT_BASE + 25;
    static final String ADMIN_PASSWORD = Accounts.ADMIN_PASSWORD;

    private static Cluster running;
    private static AssertionError failedToStart;

    private final Path root;
    private final Path home;
    private final Map<String, String> secrets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private boolean reused;

    private Cluster(Path root, Path home) throws IOException {
        this.root = root;
        this.home = home;
        this.secrets = readSecrets(home.resolve("secrets.env"));
    }

    /** Extension for the test classes: the cluster, up before the first of them. */
    static class Up implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            start(context);
        }
    }

    /** The cluster the extension started. */
    static synchronized Cluster current() {
        if (running == null) {
            throw new IllegalStateException("the cluster is started by @ExtendWith(Cluster.Up.class)");
        }
        return running;
    }

    static synchronized Cluster start(ExtensionContext context) throws Exception {
        if (failedToStart != null) {
            throw failedToStart; // once is enough: every test class would otherwise try again for minutes
        }
        if (running == null) {
            Path root = Path.of(System.getProperty("ventanilla.root"));
            Path home = Path.of(System.getProperty("ventanilla.cluster.home"));
            Mailbox.start(MAILBOX);
            if (Boolean.getBoolean("ventanilla.cluster.reuse") && answers(URI.create("http://127.0.0.1:" + GATEWAY + "/health/ready"))) {
                // a developer's loop: the cluster they started with the same settings stays up between runs
                running = new Cluster(root, home);
                running.reused = true;
                return running;
            }
            run(root, home, Duration.ofMinutes(15), "scripts/cluster-down.sh", "--purge");
            long started = System.nanoTime();
            try {
                run(root, home, Duration.ofMinutes(15), "scripts/cluster-up.sh");
            } catch (AssertionError e) {
                failedToStart = e;
                throw e;
            }
            System.out.printf("Cluster up in %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            running = new Cluster(root, home);
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Cluster.class, running);
        }
        return running;
    }

    private static boolean answers(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (reused) {
            return;
        }
        run(root, home, Duration.ofMinutes(5), "scripts/cluster-down.sh", "--purge");
    }

    private static String run(Path root, Path home, Duration limit, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // the single-server tests' database and Redis (failsafe's environment) are not the cluster's
        env.keySet().removeIf(name -> name.startsWith("DB_") || name.startsWith("REDIS_") || name.startsWith("VENTANILLA_")
                || name.startsWith("PG"));
        env.put("VENTANILLA_CLUSTER_HOME", home.toString());
        env.put("CLUSTER_PORT_BASE", String.valueOf(PORT_BASE));
        env.put("SKIP_BUILD", "1");
        env.put("VENTANILLA_DEMO_DATA", "true");
        // tickets at whatever hour the suite runs (see VentanillaServer)
        env.put("VENTANILLA_QUEUE_ANY_HOUR", "true");
        env.put("VENTANILLA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(MAILBOX));
        env.put("SMTP_FROM", "no-responder@valleverde.example.cl");
        // no backup runs by itself during the failover tests; BackupClusterIT sets a schedule through the API,
        // and a short lease lets it see a dead instance's run taken over within a minute or two
        for (String kind : List.of("DB", "CONFIGS", "CLEANUP")) {
            env.put("BACKUP_" + kind + "_SCHEDULE", "off");
        }
        env.put("BACKUP_LEASE_SECONDS", "20");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + limit);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.print(text);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + text);
        }
        return text;
    }

    /** Whether this is a cluster left running by an earlier run (a developer's loop), not a fresh one. */
    boolean reused() {
        return reused;
    }

    /** {@code scripts/cluster-ctl.sh} with the given arguments; its output. */
    String ctl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("scripts/cluster-ctl.sh"));
        command.addAll(List.of(arguments));
        return run(root, home, Duration.ofMinutes(6), command.toArray(String[]::new)).strip();
    }

    /** One of {@code scripts/} (restore_db.sh, …) run as an operator of this cluster runs it; its output. */
    String script(String name, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("scripts/" + name));
        command.addAll(List.of(arguments));
        return run(root, home, Duration.ofMinutes(6), command.toArray(String[]::new)).strip();
    }

    Path home() {
        return home;
    }

    /** The database node Patroni reports as primary ({@code patroni-1} or {@code patroni-2}). */
    String primaryNode() throws Exception {
        return ctl("primary");
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + GATEWAY + path);
    }

    /** The HTTP port of Payara instance {@code ventanilla-<number>} (scripts/cluster-lib.sh's table). */
    static int instancePort(int number) {
        return PORT_BASE + number * 100 + 80;
    }

    static URI instance(int number, String path) {
        return URI.create("http://127.0.0.1:" + instancePort(number) + path);
    }

    /** Patroni's REST API of database node {@code pg<node>}. */
    static URI patroni(int node, String path) {
        return URI.create("http://127.0.0.1:" + (PORT_BASE + 307 + node) + path);
    }

    HttpResponse<String> send(URI uri, String method, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The demo administrator's token, signed in through the gateway (once per test: it limits sign-ins). */
    String adminToken() throws Exception {
        HttpResponse<String> response = send(uri("/api/auth/login"), "POST",
                Json.createObjectBuilder().add("rut", Accounts.ADMIN_RUT).add("password", ADMIN_PASSWORD).build().toString(),
                "Content-Type", "application/json");
        if (response.statusCode() != 200) {
            throw new AssertionError("admin login answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).getString("token");
    }

    static JsonObject json(String body) {
        return Json.createReader(new java.io.StringReader(body)).readObject();
    }

    /** A connection to the application's database through HAProxy's write endpoint (the primary). */
    Connection database() throws SQLException {
        return database(secrets.getOrDefault("DB_NAME", "ventanilla"));
    }

    /** A connection as the application's role to another database of the cluster (a restored copy). */
    Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DB_PROXY + "/" + name
                + "?connectTimeout=3&socketTimeout=20", secrets.getOrDefault("DB_USER", "ventanilla"), secrets.get("DB_PASSWORD"));
    }

    String string(String sql) throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    int update(String sql) throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** A value of the cluster's secrets.env (DB_USER, DB_PASSWORD, …). */
    String secret(String name) {
        return secrets.get(name);
    }

    String redisPassword() {
        return secrets.get("REDIS_PASSWORD");
    }

    private static Map<String, String> readSecrets(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }
}
