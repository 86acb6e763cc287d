package cl.ventanilla.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.backup.boundary.Backups;
import cl.ventanilla.backup.control.BackupScheduler;
import cl.ventanilla.backup.control.BackupSettings;
import cl.ventanilla.backup.control.RunLedger;
import cl.ventanilla.backup.entity.BackupException;
import cl.ventanilla.backup.entity.BackupFile;
import cl.ventanilla.backup.entity.BackupFileName;
import cl.ventanilla.backup.entity.BackupKind;
import cl.ventanilla.backup.entity.BackupRun;
import cl.ventanilla.backup.entity.RunState;
import cl.ventanilla.kernel.DomainException.Kind;
import cl.ventanilla.kernel.testing.ModuleDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backups in Payara Micro against the real PostgreSQL with the demo municipality, with the real pg_dump
 * and psql of the machine. The schedules are off in this build (BACKUP_*_SCHEDULE=off), so the only runs
 * are the tests' own; the module's timer still ticks every minute and may take over a dead run before a
 * test does, which the tests accept: what matters is that the run is done once.
 */
@ExtendWith(ArquillianExtension.class)
class BackupIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Deployment
    static WebArchive deployment() {
        return ModuleDeployment.of("backup-it.war", "cl.ventanilla.backup");
    }

    @Inject
    Backups backups;

    @Inject
    RunLedger ledger;

    @Inject
    BackupScheduler scheduler;

    @Inject
    BackupSettings settings;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Test
    void aScheduledInstantIsClaimedByOneInstanceWhenAllRaceForIt() throws Exception {
        Instant instant = Instant.parse("2020-01-01T05:00:00Z").plusSeconds(60L * (System.nanoTime() % 100_000));
        int instances = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<Optional<BackupRun>>> claims = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            String instance = "instancia-" + i + "@carrera";
            String file = "configs_backup_2020010102" + String.format("%04d", i) + ".tar.gz";
            claims.add(pool.submit(() -> {
                start.await();
                return ledger.claimScheduled(BackupKind.CONFIGURATION, instant, instance, Duration.ofMinutes(5), file);
            }));
        }
        start.countDown();
        List<BackupRun> won = new ArrayList<>();
        for (Future<Optional<BackupRun>> claim : claims) {
            claim.get(30, TimeUnit.SECONDS).ifPresent(won::add);
        }
        pool.shutdown();
        assertEquals(1, won.size(), "exactly one instance runs the scheduled instant");
        assertEquals(1, count("SELECT count(*) FROM respaldos WHERE tipo = 'CONFIGURACION' AND programado_para = ?", instant));
        ledger.fail(won.get(0).id(), won.get(0).instance(), "prueba de carrera");
        // the instant stays taken: a later tick of any instance does not run it again
        assertTrue(ledger.claimScheduled(BackupKind.CONFIGURATION, instant, "otra@carrera", Duration.ofMinutes(5),
                "configs_backup_20200101029999.tar.gz").isEmpty());
    }

    @Test
    void aDatabaseBackupIsDumpedVerifiedByARestoreAndListedWithItsChecksum() throws Exception {
        BackupRun run = startWhenFree(BackupKind.DATABASE);
        BackupRun done = awaitEnd(run.id());
        assertEquals(RunState.DONE, done.state(), () -> "error: " + done.error());
        assertEquals(Boolean.TRUE, done.verified(), done.verification());
        assertTrue(done.verification().contains("iguales al origen"), done.verification());
        Path file = settings.directory().resolve(done.file());
        assertTrue(Files.isRegularFile(file));
        assertFalse(Files.exists(file.resolveSibling(done.file() + BackupFileName.PARTIAL)));
        String sha256 = sha256(file);
        assertEquals(sha256, done.sha256());
        assertEquals(sha256 + "  " + done.file() + "\n", Files.readString(file.resolveSibling(done.file() + ".sha256")));
        assertEquals(Files.size(file), done.sizeBytes());
        String sql = gunzip(file);
        assertTrue(sql.contains("CREATE TABLE public.turnos"), "the dump holds the schema");
        assertTrue(sql.contains("COPY public.usuarios"), "and the data");
        BackupFile listed = backups.backups().stream().filter(b -> b.name().equals(done.file())).findFirst().orElseThrow();
        assertTrue(listed.verified());
        assertEquals(sha256, listed.sha256());
        assertEquals(0, count("SELECT count(*) FROM pg_database WHERE datname LIKE 'verificacion_respaldo_%'"),
                "the scratch database is dropped");
    }

    @Test
    void theConfigurationArchiveHoldsTheConfiguredFilesWithTheirPaths() throws Exception {
        BackupRun done = awaitEnd(startWhenFree(BackupKind.CONFIGURATION).id());
        assertEquals(RunState.DONE, done.state(), () -> "error: " + done.error());
        Path archive = settings.directory().resolve(done.file());
        Process list = new ProcessBuilder("tar", "-tzf", archive.toString()).redirectErrorStream(true).start();
        String entries = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, list.waitFor());
        assertTrue(entries.contains("infrastructure/nginx/nginx.conf.template"), entries);
        assertTrue(entries.contains("infrastructure/haproxy/haproxy.cfg"), entries);
        assertEquals(sha256(archive), done.sha256());
    }

    @Test
    void aRunWhoseInstanceDiedIsTakenOverRedoneOnceAndItsLeftoverRemoved() throws Exception {
        awaitNoneRunning(BackupKind.DATABASE);
        Instant instant = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(400))
                .plusSeconds(60L * (System.nanoTime() % 10_000));
        String deadFile = BackupFileName.of(BackupKind.DATABASE, LocalDateTime.of(2020, 2, 2, 2, 2, 2));
        Path leftover = settings.directory().resolve(deadFile + BackupFileName.PARTIAL);
        Files.createDirectories(leftover.getParent());
        Files.writeString(leftover, "a dump cut in half by a dead instance");
        UUID id;
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO respaldos (tipo, origen, programado_para, estado, etapa, archivo, instancia, vigente_hasta)"
                        + " VALUES ('BD', 'PROGRAMADO', ?, 'EN_CURSO', 'volcando la base', ?, 'muerta@caida', now() - interval '1 second')"
                        + " RETURNING id")) {
            insert.setObject(1, java.sql.Timestamp.from(instant));
            insert.setString(2, deadFile);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getObject(1, UUID.class);
            }
        }
        // this test or the module's own timer, whichever comes first, takes it over
        scheduler.runDue("sobreviviente@prueba");
        BackupRun done = awaitEnd(id);
        assertEquals(RunState.DONE, done.state(), () -> "error: " + done.error());
        assertEquals(2, done.attempts());
        assertNotEquals("muerta@caida", done.instance());
        assertNotEquals(deadFile, done.file(), "the redo writes a file of its own");
        assertEquals(Boolean.TRUE, done.verified(), done.verification());
        scheduler.runDue("sobreviviente@prueba");
        assertEquals(2, ledger.find(id).orElseThrow().attempts(), "a finished run is not redone");
        assertEquals(1, count("SELECT count(*) FROM respaldos WHERE tipo = 'BD' AND programado_para = ?", instant));
        assertTrue(backups.backups().stream().noneMatch(b -> b.name().equals(deadFile)), "the dead instance's file is no backup");
        Files.deleteIfExists(leftover);
    }

    @Test
    void aSecondRunOfAKindAlreadyRunningIsRefusedWithAConflict() {
        awaitNoneRunning(BackupKind.CLEANUP);
        BackupRun first = ledger.claimManual(BackupKind.CLEANUP, "una@prueba", Duration.ofMinutes(5), "prueba", null);
        try {
            BackupException refused = assertThrows(BackupException.class,
                    () -> ledger.claimManual(BackupKind.CLEANUP, "otra@prueba", Duration.ofMinutes(5), "prueba", null));
            assertEquals(Kind.CONFLICT, refused.kind());
            assertTrue(refused.messageIn(null).contains("en curso"));
        } finally {
            ledger.fail(first.id(), "una@prueba", "prueba de conflicto");
        }
    }

    @Test
    void aRunStartedInTheSameSecondAsTheLastOneGetsTheNextSecondsName() {
        awaitNoneRunning(BackupKind.CONFIGURATION);
        String name = BackupFileName.of(BackupKind.CONFIGURATION, LocalDateTime.of(2021, 3, 3, 3, 3, 3));
        BackupRun first = ledger.claimManual(BackupKind.CONFIGURATION, "una@prueba", Duration.ofMinutes(5), "prueba", name);
        ledger.fail(first.id(), "una@prueba", "falló de inmediato");
        BackupRun second = ledger.claimManual(BackupKind.CONFIGURATION, "una@prueba", Duration.ofMinutes(5), "prueba", name);
        ledger.fail(second.id(), "una@prueba", "prueba de nombres");
        assertEquals(name, first.file());
        assertEquals(BackupFileName.of(BackupKind.CONFIGURATION, LocalDateTime.of(2021, 3, 3, 3, 3, 4)), second.file(),
                "a retry right after a failed run is not refused as if a run were going on");
    }

    @Test
    void aFailingPgDumpEndsTheRunAsFailedWithItsReasonAndListsNothing() throws Exception {
        Path bin = Files.createTempDirectory("pg-roto");
        Path fake = bin.resolve("pg_dump");
        Files.writeString(fake, "#!/bin/sh\necho 'pg_dump: error: connection to server failed: disco de prueba' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> before = backups.backups().stream().map(BackupFile::name).toList();
        System.setProperty("BACKUP_PG_BIN", bin.toString());
        BackupRun done;
        try {
            done = awaitEnd(startWhenFree(BackupKind.DATABASE).id());
        } finally {
            System.clearProperty("BACKUP_PG_BIN");
        }
        assertEquals(RunState.FAILED, done.state());
        assertTrue(done.error().contains("disco de prueba"), done.error());
        assertTrue(done.error().contains("pg_dump terminó con el código 1"), done.error());
        assertFalse(Files.exists(settings.directory().resolve(done.file() + BackupFileName.PARTIAL)));
        assertFalse(Files.exists(settings.directory().resolve(done.file())));
        assertEquals(before, backups.backups().stream().map(BackupFile::name).filter(before::contains).toList());
        assertTrue(backups.backups().stream().noneMatch(b -> b.name().equals(done.file())));
    }

    @Test
    void aFullDiskEndsTheRunAsFailedSayingSoAndLeavesNothingBehind() throws Exception {
        Path small = Files.createTempDirectory("respaldos-llenos");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        org.junit.jupiter.api.Assumptions.assumeTrue(mounted, "a 16 KB disk needs mount (root), as on the CI machine");
        try {
            System.setProperty("BACKUP_DIR", small.toString());
            BackupRun done;
            try {
                done = awaitEnd(startWhenFree(BackupKind.DATABASE).id());
            } finally {
                System.clearProperty("BACKUP_DIR");
            }
            assertEquals(RunState.FAILED, done.state());
            assertTrue(done.error().startsWith("No queda espacio en el disco de los respaldos"), done.error());
            try (var left = Files.list(small)) {
                assertEquals(List.of(), left.toList(), "no partial file stays on the full disk");
            }
            assertTrue(ledger.status().get(BackupKind.DATABASE).lastFailure() != null);
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void cleanupRemovesWhatIsOlderThanTheRetentionButKeepsTheNewestVerified() throws Exception {
        // a verified backup exists (made here when this test runs first)
        if (backups.backups().stream().noneMatch(BackupFile::verified)) {
            assertEquals(RunState.DONE, awaitEnd(startWhenFree(BackupKind.DATABASE).id()).state());
        }
        String newestVerified = backups.backups().stream().filter(BackupFile::verified).findFirst().orElseThrow().name();
        List<String> old = new ArrayList<>();
        for (int days : new int[] {8, 30}) {
            String name = BackupFileName.of(BackupKind.DATABASE, LocalDateTime.now(settings.zone()).minusDays(days));
            Path file = settings.directory().resolve(name);
            Files.writeString(file, "antiguo");
            Files.writeString(file.resolveSibling(name + ".sha256"), sha256(file) + "  " + name + "\n");
            old.add(name);
        }
        String recentExternal = BackupFileName.of(BackupKind.CONFIGURATION, LocalDateTime.now(settings.zone()).minusDays(2));
        Path recent = settings.directory().resolve(recentExternal);
        Files.writeString(recent, "reciente");
        Files.writeString(recent.resolveSibling(recentExternal + ".sha256"), sha256(recent) + "  " + recentExternal + "\n");

        BackupRun done = awaitEnd(startWhenFree(BackupKind.CLEANUP).id());
        assertEquals(RunState.DONE, done.state(), () -> "error: " + done.error());
        List<String> left = backups.backups().stream().map(BackupFile::name).toList();
        for (String name : old) {
            assertFalse(left.contains(name), name + " is older than 7 days");
            assertFalse(Files.exists(settings.directory().resolve(name + ".sha256")));
        }
        assertTrue(left.contains(newestVerified), "the newest verified backup stays");
        assertTrue(left.contains(recentExternal), "a backup inside the retention stays");
        assertTrue(done.verification().contains("Eliminados"), done.verification());
    }

    private BackupRun startWhenFree(BackupKind kind) {
        awaitNoneRunning(kind);
        return backups.start(kind, "prueba");
    }

    private void awaitNoneRunning(BackupKind kind) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (backups.runs(50).stream().anyMatch(r -> r.kind() == kind && r.running())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a " + kind + " run did not end in " + PATIENCE);
            }
            sleep();
        }
    }

    private BackupRun awaitEnd(UUID id) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        BackupRun run = ledger.find(id).orElseThrow();
        while (run.running()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the run " + id + " did not end in " + PATIENCE + ": " + run.stage());
            }
            sleep();
            run = ledger.find(id).orElseThrow();
        }
        return run;
    }

    private long count(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i] instanceof Instant instant ? java.sql.Timestamp.from(instant) : values[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
