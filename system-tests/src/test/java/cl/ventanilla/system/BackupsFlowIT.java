package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.kernel.testing.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Backups end to end on the running server: an administrator backs up through the API and on the screen
 * (progress refreshed in place, the verified backup listed and downloadable with its checksum), two
 * administrators racing get one run, bad input gets a clear 400, /metrics tells the last backup; then
 * the operators' scripts restore that backup into another database and bring changed data back, refuse
 * a corrupted file and change nothing without the confirmation flag.
 */
class BackupsFlowIT extends SystemTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static String admin;

    @BeforeAll
    static void signIn() throws Exception {
        admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
    }

    @Test
    void anAdministratorBacksUpTheDatabaseGetsItVerifiedListedAndDownloadsItWithItsChecksum() throws Exception {
        JsonObject done = backUp("db");
        assertEquals("DONE", done.getString("state"), done.toString());
        assertTrue(done.getBoolean("verified"), done.toString());
        String name = done.getString("file");
        assertTrue(name.matches("db_backup_\\d{14}\\.sql\\.gz"), name);

        JsonObject listed = list().stream().map(JsonObject.class::cast).filter(b -> b.getString("name").equals(name))
                .findFirst().orElseThrow();
        assertTrue(listed.getBoolean("verified"));
        assertEquals("manual", listed.getString("origin"));

        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/api/backups/" + name + "/download"))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(download.body());
        assertEquals(listed.getString("sha256"), HexFormat.of().formatHex(digest));
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":", download.headers().firstValue("Repr-Digest").orElseThrow());

        String metrics = server.get("/metrics").body();
        assertTrue(metricValue(metrics, "ventanilla_backup_last_success_timestamp_seconds{kind=\"db\"") > 1.7e9, metrics);
        assertEquals(1.0, metricValue(metrics, "ventanilla_backup_last_verified{kind=\"db\""));
        assertTrue(metricValue(metrics, "ventanilla_backup_last_size_bytes{kind=\"db\"") > 1000);
    }

    @Test
    void twoAdministratorsAskingAtOnceGetOneRunAndTheOtherAConflict() throws Exception {
        awaitIdle("configs");
        int callers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return post("/api/backups", "{\"kind\":\"configs\"}");
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        String location = null;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 202) {
                location = response.headers().firstValue("Location").orElseThrow();
            } else {
                assertTrue(response.body().contains("en curso"), response.body());
            }
        }
        pool.shutdown();
        assertEquals(Map.of(202, 1, 409, callers - 1), statuses);
        JsonObject done = awaitRun(URI.create(location).getPath());
        assertEquals("DONE", done.getString("state"), done.toString());
    }

    @Test
    void badInputGetsAClearErrorInTheCallersLanguage() throws Exception {
        HttpResponse<String> unknown = post("/api/backups", "{\"kind\":\"todo\"}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("no existe: use db o configs"), unknown.body());
        HttpResponse<String> english = server.send("POST", "/api/backups", "{\"kind\":\"todo\"}", "Authorization", "Bearer " + admin,
                "Content-Type", "application/json", "Accept-Language", "en");
        assertTrue(english.body().contains("There is no backup kind"), english.body());
        assertEquals(400, post("/api/backups", "{\"kind\":").statusCode());
        assertEquals(400, post("/api/backups", "{}").statusCode());
        HttpResponse<String> schedule = server.send("PUT", "/api/backups/schedules/db", "{\"schedule\":\"61 2 * * *\"}",
                "Authorization", "Bearer " + admin, "Content-Type", "application/json");
        assertEquals(400, schedule.statusCode());
        assertTrue(schedule.body().contains("entre 0 y 59"), schedule.body());
        assertEquals(404, get("/api/backups/..%2F..%2Fetc%2Fpasswd/download").statusCode());
        assertEquals(404, get("/api/backups/db_backup_20200101000000.sql.gz").statusCode());
        HttpResponse<String> saved = server.send("PUT", "/api/backups/schedules/cleanup", "{\"schedule\":\"30 3 * * 1-5\"}",
                "Authorization", "Bearer " + admin, "Content-Type", "application/json");
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("\"custom\":true"), saved.body());
        assertEquals(200, server.send("PUT", "/api/backups/schedules/cleanup", "{\"schedule\":\"\"}",
                "Authorization", "Bearer " + admin, "Content-Type", "application/json").statusCode());
        assertTrue(get("/api/backups/schedules").body().contains("\"schedule\":\"off\""), "back to the environment's");
    }

    @Test
    void onTheScreenTheRunIsFollowedInPlaceAndTheVerifiedBackupListed() throws Exception {
        awaitIdle("db");
        try (Browser browser = new Browser(server, "es-CL")) {
            browser.open("/admin/backups.xhtml");
            browser.type("rut", "11.111.111-1");
            browser.type("clave", Accounts.ADMIN_PASSWORD);
            browser.clickId("entrar");
            assertEquals("Respaldos", browser.heading());
            int before = browser.driver().findElements(By.cssSelector("#lista-respaldos tbody tr")).size();
            browser.clickAndWait(By.id("respaldar-bd"));
            assertTrue(browser.text().contains("Respaldo de la base iniciado"), browser.text());
            browser.screenshot("respaldos-1-en-curso");
            // no reload: the page's own refresh shows the end of the run and the new backup
            new WebDriverWait(browser.driver(), PATIENCE).until(d -> d.findElements(By.cssSelector("#lista-respaldos tbody tr")).size() > before);
            new WebDriverWait(browser.driver(), PATIENCE).until(d -> "false".equals(
                    d.findElement(By.id("estado-ejecuciones")).getAttribute("data-running")));
            String text = browser.text();
            assertTrue(text.contains("Completado"), text);
            assertTrue(text.contains("iguales al origen"), text);
            String newest = browser.driver().findElement(By.cssSelector("#lista-respaldos tbody tr th a")).getText();
            assertTrue(newest.startsWith("db_backup_"), newest);
            assertTrue(browser.driver().findElement(By.cssSelector("#lista-respaldos tbody tr")).getText().contains("Verificado"));
            browser.screenshot("respaldos-2-listo");
        }
    }

    @Test
    void theScriptsRestoreTheBackupRefuseACorruptedFileAndChangeNothingWithoutConfirmation() throws Exception {
        JsonObject done = backUp("db");
        Path file = Path.of(System.getProperty("ventanilla.home"), "respaldos", done.getString("file"));
        String copy = "restaurada_" + Long.toHexString(System.nanoTime());
        try {
            Run restored = script("restore_db.sh", file.toString(), "--base", copy);
            assertEquals(0, restored.status(), restored.output());
            assertEquals(counts(TestDatabase.name()), counts(copy), "every table of the configuration as in the backup");
            String adminName = one(copy, "SELECT nombre FROM usuarios WHERE rut = '11111111-1'");
            assertNotNull(adminName);
            assertEquals(one(null, "SELECT count(*) FROM unidades"), one(copy, "SELECT count(*) FROM unidades"));

            // change the data, then restore over it
            update(copy, "DELETE FROM auditoria");
            update(copy, "UPDATE usuarios SET nombre = 'Cambiado' WHERE rut = '11111111-1'");
            Run refused = script("restore_db.sh", file.toString(), "--base", copy);
            assertEquals(3, refused.status(), refused.output());
            assertTrue(refused.output().contains("--si-reemplazar"), refused.output());
            assertEquals("Cambiado", one(copy, "SELECT nombre FROM usuarios WHERE rut = '11111111-1'"), "nothing changed");

            Run replaced = script("restore_db.sh", file.toString(), "--base", copy, "--si-reemplazar");
            assertEquals(0, replaced.status(), replaced.output());
            assertEquals(adminName, one(copy, "SELECT nombre FROM usuarios WHERE rut = '11111111-1'"), "the data is back");
            assertTrue(replaced.output().contains(copy + "_anterior_"), replaced.output());

            Path corrupted = file.resolveSibling("db_backup_19990101000000.sql.gz");
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x55;
            Files.write(corrupted, bytes);
            Files.copy(file.resolveSibling(file.getFileName() + ".sha256"), corrupted.resolveSibling(corrupted.getFileName() + ".sha256"));
            Run corrupt = script("restore_db.sh", corrupted.toString(), "--base", copy + "_x");
            assertEquals(2, corrupt.status(), corrupt.output());
            assertTrue(corrupt.output().contains("no coincide"), corrupt.output());
            assertEquals("0", one(null, "SELECT count(*) FROM pg_database WHERE datname LIKE '" + copy + "_x%'"));
            Files.delete(corrupted);
            Files.delete(corrupted.resolveSibling(corrupted.getFileName() + ".sha256"));
        } finally {
            for (String database : List.of(copy, copy + "_restaurando")) {
                update(null, "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            }
            String previous = one(null, "SELECT string_agg(datname, ',') FROM pg_database WHERE datname LIKE '" + copy + "_anterior_%'");
            if (previous != null) {
                for (String database : previous.split(",")) {
                    update(null, "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
                }
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    private record Run(int status, String output) {
    }

    /** Runs one of scripts/ with the test database's settings, as an operator would. */
    private static Run script(String name, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Path.of(System.getProperty("ventanilla.root"), "scripts", name).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BACKUP_DIR", Path.of(System.getProperty("ventanilla.home"), "respaldos").toString());
        builder.environment().put("VENTANILLA_CLUSTER_HOME", "/nonexistent");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        return new Run(process.exitValue(), output);
    }

    private JsonObject backUp(String kind) throws Exception {
        awaitIdle(kind);
        HttpResponse<String> started = post("/api/backups", "{\"kind\":\"" + kind + "\"}");
        assertEquals(202, started.statusCode(), started.body());
        return awaitRun(URI.create(started.headers().firstValue("Location").orElseThrow()).getPath());
    }

    private JsonObject awaitRun(String path) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonObject run = (JsonObject) VentanillaServer.json(get(path).body());
            if (!"RUNNING".equals(run.getString("state"))) {
                return run;
            }
            assertTrue(System.nanoTime() < deadline, "the run did not end: " + run);
            Thread.sleep(250);
        }
    }

    private void awaitIdle(String kind) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (((JsonArray) VentanillaServer.json(get("/api/backups/runs?limit=50").body())).stream().map(JsonObject.class::cast)
                .anyMatch(r -> r.getString("kind").equals(kind) && r.getString("state").equals("RUNNING"))) {
            assertTrue(System.nanoTime() < deadline, "a " + kind + " run did not end");
            Thread.sleep(250);
        }
    }

    private JsonArray list() throws Exception {
        HttpResponse<String> response = get("/api/backups");
        assertEquals(200, response.statusCode(), response.body());
        return (JsonArray) VentanillaServer.json(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.get(path, "Authorization", "Bearer " + admin);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return server.send("POST", path, body, "Authorization", "Bearer " + admin, "Content-Type", "application/json");
    }

    private static double metricValue(String metrics, String prefix) {
        return metrics.lines().filter(line -> line.startsWith(prefix)).map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in /metrics"));
    }

    private static Map<String, Long> counts(String database) throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (var connection = TestDatabase.connect(database); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT c.relname, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I',"
                        + " n.nspname, c.relname), false, true, '')))[1]::text::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind = 'r' AND n.nspname = 'public' AND c.relname NOT IN ('respaldos', 'sesiones_revocadas', 'auditoria',"
                        + " 'intentos_agendamiento_ip', 'desafios_usados', 'notificaciones', 'notificacion_adjuntos', 'turnos', 'turno_eventos',"
                        + " 'contadores_turno', 'agendamientos', 'usuarios', 'usuario_roles', 'usuario_unidades', 'tokens_restablecimiento',"
                        + " 'programacion_respaldos', 'sesiones_estacion', 'pausas_estacion', 'bloqueos_tareas')")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static String one(String database, String sql) throws Exception {
        try (var connection = database == null ? TestDatabase.connect() : TestDatabase.connect(database);
                var statement = connection.createStatement(); var row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static void update(String database, String sql) throws Exception {
        try (var connection = database == null ? TestDatabase.connect() : TestDatabase.connect(database);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
