package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production topology's configuration, checked offline (no Docker engine, no server): the same
 * {@code scripts/check-config.sh} an operator runs passes, a broken file makes it fail, and the files
 * keep the original stack's routes, the database proxy's primary-only writes and a counterpart of every
 * original service. A plain test (Surefire): it needs the Debian tools the script uses, never Payara.
 */
class InfrastructureConfigTest {

    /** The original gateway's routes (seed, section 3) plus Ventanilla's own public paths. */
    private static final List<String> ROUTES = List.of(
            "/api/auth/", "/api/config/", "/api/appointments/", "/api/queue/", "/api/notifications/",
            "/api/statistics/", "/api/ai/", "/auth/", "/config/", "/admin/", "/totem/", "/",
            "/api/backups/", "/display-socket/");

    /** The original's services and what stands for them here (the README, Operations, explains). */
    private static final Map<String, String> COUNTERPARTS = Map.ofEntries(
            Map.entry("api-gateway", "api-gateway"),
            Map.entry("postgres-master", "patroni-1"),
            Map.entry("postgres-replica", "patroni-2"),
            Map.entry("pg-hba-fixer", "patroni-1"),
            Map.entry("db-proxy", "db-proxy"),
            Map.entry("redis", "redis"),
            Map.entry("auth-service", "payara-1"),
            Map.entry("auth-service-2", "payara-2"),
            Map.entry("prometheus", "prometheus"),
            Map.entry("grafana", "grafana"),
            Map.entry("loki", "loki"),
            Map.entry("promtail", "promtail"),
            Map.entry("backup-service", "backup-service"));

    private static final Path ROOT = findRoot();

    @Test
    void theOfflineCheckPasses() throws Exception {
        Result result = run(Map.of(), ROOT.resolve("scripts/check-config.sh").toString());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("all configuration checks passed"), result.output());
        for (String check : List.of("compose config", "nginx -t", "haproxy -c", "patroni validate", "promtool config",
                "promtool rules", "promtool test rules", "dashboards and rules")) {
            assertTrue(result.output().contains("ok    " + check), check + " did not run:\n" + result.output());
        }
    }

    @Test
    void aBrokenGatewayTemplateFailsTheCheck(@TempDir Path dir) throws Exception {
        String template = read("infrastructure/nginx/nginx.conf.template");
        assertTrue(template.contains("proxy_next_upstream_tries 2;"));
        Path broken = dir.resolve("nginx.conf.template");
        Files.writeString(broken, template.replace("proxy_next_upstream_tries 2;", "proxy_next_upstream_tries two;"));

        Result result = run(Map.of("CHECK_NGINX_TEMPLATE", broken.toString()),
                ROOT.resolve("scripts/check-config.sh").toString());

        assertNotEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("FAIL  nginx -t"), result.output());
        assertFalse(result.output().contains("all configuration checks passed"), result.output());
    }

    @Test
    void aBrokenDatabaseProxyFailsTheCheck(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("haproxy.cfg");
        Files.writeString(broken, read("infrastructure/haproxy/haproxy.cfg")
                .replace("http-check expect status 200", "http-check expect sometimes 200"));

        Result result = run(Map.of("CHECK_HAPROXY_CFG", broken.toString()),
                ROOT.resolve("scripts/check-config.sh").toString());

        assertNotEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("FAIL  haproxy -c"), result.output());
    }

    @Test
    void aDashboardAskingForAMetricTheApplicationDoesNotRegisterFailsTheCheck(@TempDir Path dir) throws Exception {
        String day = read("infrastructure/monitoring/grafana/dashboards/ventanilla-dia.json");
        assertTrue(day.contains("ventanilla_tickets_issued_total"));
        Files.writeString(dir.resolve("dia.json"), day.replace("ventanilla_tickets_issued_total", "ventanilla_tickets_emitted_total"));

        Result result = run(Map.of("CHECK_DASHBOARDS_DIR", dir.toString()), ROOT.resolve("scripts/check-config.sh").toString());

        assertNotEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("FAIL  dashboards and rules"), result.output());
        assertTrue(result.output().contains("ventanilla_tickets_emitted_total is not a metric the application registers"),
                result.output());
    }

    @Test
    void aPanelOnADatasourceGrafanaDoesNotHaveOrALabelPromtailDoesNotSetFailsTheCheck(@TempDir Path dir) throws Exception {
        String platform = read("infrastructure/monitoring/grafana/dashboards/ventanilla-plataforma.json");
        assertTrue(platform.contains("{service=\\\"api-gateway\\\"}") && platform.contains("\"uid\": \"prometheus\""));
        Files.writeString(dir.resolve("plataforma.json"), platform
                .replace("{service=\\\"api-gateway\\\"}", "{compose_service=\\\"api-gateway\\\"}")
                .replaceFirst("\"uid\": \"prometheus\"", "\"uid\": \"graphite\""));

        Result result = run(Map.of("CHECK_DASHBOARDS_DIR", dir.toString()), ROOT.resolve("scripts/check-config.sh").toString());

        assertNotEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("datasource 'graphite' is not provisioned"), result.output());
        assertTrue(result.output().contains("Loki label compose_service is not set by Promtail"), result.output());
    }

    @Test
    void theGatewayRoutesEveryOriginalPathToBothInstances() throws IOException {
        String template = withoutComments(read("infrastructure/nginx/nginx.conf.template"));
        Set<String> locations = new TreeSet<>();
        Matcher location = Pattern.compile("location\\s+(?:=\\s+)?(\\S+)\\s*\\{").matcher(template);
        while (location.find()) {
            locations.add(location.group(1));
        }
        for (String route : ROUTES) {
            assertTrue(locations.contains(route), "no location for " + route + " in " + locations);
        }
        assertTrue(template.contains("server ${PAYARA_1_HTTP}") && template.contains("server ${PAYARA_2_HTTP}"));
        assertTrue(template.contains("listen ${GATEWAY_LISTEN};"));
        assertTrue(locationBody(template, "/metrics").contains("return 404;"), "metrics must not be public");
        // only a web socket upgrade reaches the instances (an h2c upgrade made POST bodies hang there)
        assertTrue(template.contains("proxy_set_header Upgrade $upstream_upgrade;"));
        assertTrue(Pattern.compile("map \\$http_upgrade \\$upstream_upgrade \\{\\s*~\\*\\^websocket\\$\\s+websocket;\\s*default\\s+'';")
                .matcher(template).find(), "the upgrade map passes websocket only");
        assertTrue(locationBody(template, "/display-socket/").contains("proxy_read_timeout 1h;"));
        assertTrue(template.contains("proxy_next_upstream error timeout http_502 http_503 http_504;"));
        assertFalse(template.contains("non_idempotent"), "POSTs must never be retried on the other instance");
        for (String limited : List.of("/api/auth/login", "/auth/", "/api/appointments", "/reservar.xhtml")) {
            assertTrue(locationBody(template, limited).contains("limit_req zone="), limited + " has no rate limit");
        }
        for (String header : List.of("Content-Security-Policy", "frame-ancestors 'none'", "X-Content-Type-Options",
                "Referrer-Policy", "Permissions-Policy")) {
            assertTrue(template.contains(header), header);
        }
    }

    @Test
    void theDatabaseProxyWritesOnlyToThePatroniPrimary() throws IOException {
        String config = withoutComments(read("infrastructure/haproxy/haproxy.cfg"));
        String writes = config.substring(config.indexOf("\nbackend pg_primary"), config.indexOf("\nbackend pg_replicas"));
        assertTrue(writes.contains("option httpchk GET /primary"), writes);
        assertTrue(writes.contains("http-check expect status 200"), writes);
        assertTrue(writes.contains("on-marked-down shutdown-sessions"), writes);
        assertFalse(writes.contains(" backup"), "no standby may take writes");
        assertFalse(config.contains("pgsql-check"), "pgsql-check sends writes to a read-only standby");
        assertTrue(config.contains("option httpchk GET /replica"));
        assertTrue(config.contains("use-service prometheus-exporter"));
    }

    @Test
    void composeHasACounterpartOfEveryOriginalService() throws Exception {
        Result services = run(Map.of(), "docker-compose", "-f", "compose.yml", "--env-file", ".env.example",
                "config", "--services");
        assertEquals(0, services.exit(), services.output());
        Set<String> defined = services.output().lines().map(String::strip).collect(Collectors.toSet());
        COUNTERPARTS.forEach((original, counterpart) ->
                assertTrue(defined.contains(counterpart), original + " has no counterpart " + counterpart));
        for (String more : List.of("payara-das", "etcd", "nginx-exporter", "postgres-exporter-1", "postgres-exporter-2",
                "redis-exporter")) {
            assertTrue(defined.contains(more), more);
        }

        String compose = read("compose.yml");
        for (String network : List.of("frontend-network", "backend-network", "database-network")) {
            assertTrue(compose.contains("\n  " + network + ":"), network);
        }
        for (String port : List.of("${GATEWAY_PORT:-8080}:8080", "${DB_PROXY_PORT:-5433}:5432",
                "${REDIS_PUBLISHED_PORT:-6379}:6379", "${PROMETHEUS_PORT:-9090}:9090", "${GRAFANA_PORT:-3010}:3000",
                "${LOKI_PORT:-3100}:3100")) {
            assertTrue(compose.contains(port), "the original's port " + port);
        }
        assertFalse(Pattern.compile("PASSWORD:-[^}]").matcher(compose).find(), "a password with a default value");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String read(String relative) throws IOException {
        return Files.readString(ROOT.resolve(relative));
    }

    private static String withoutComments(String config) {
        return config.lines().map(line -> line.replaceFirst("^\\s*#.*$", "")).collect(Collectors.joining("\n"));
    }

    /** The text between a location's braces (exact or prefix location). */
    private static String locationBody(String template, String path) {
        Matcher matcher = Pattern.compile("location\\s+(?:=\\s+)?" + Pattern.quote(path) + "\\s*\\{([^}]*)}")
                .matcher(template);
        List<String> bodies = new ArrayList<>();
        while (matcher.find()) {
            bodies.add(matcher.group(1));
        }
        assertFalse(bodies.isEmpty(), "no location " + path);
        return String.join("\n", bodies);
    }

    private static Path findRoot() {
        String configured = System.getProperty("ventanilla.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "scripts/check-config.sh"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/check-config.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("scripts/check-config.sh not found above " + Path.of("").toAbsolutePath());
    }
}
