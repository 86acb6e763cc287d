package cl.ventanilla.backup.control;

import cl.ventanilla.backup.entity.BackupException;
import cl.ventanilla.backup.entity.BackupFileName;
import cl.ventanilla.backup.entity.BackupKind;
import cl.ventanilla.backup.entity.BackupRun;
import cl.ventanilla.backup.entity.RunState;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The runs in {@code respaldos}, each change committed at once so every instance sees it. Who runs what is
 * decided here, by the database, never by the instances agreeing among themselves: a scheduled run is a
 * row keyed by (kind, instant) that only one insert can create, a run belongs to the instance whose lease
 * is current (the database's clock, not the instances'), and a run whose lease ran out goes to whoever
 * takes it over first.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunLedger {

    static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "id, tipo, origen, programado_para, estado, etapa, archivo, tamano_bytes, sha256,"
            + " iniciado_en, terminado_en, instancia, solicitado_por, intentos, verificado, verificacion, error";

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    /** Claims the schedule's instant for this instance; empty when another instance (or an earlier tick) has it. */
    public Optional<BackupRun> claimScheduled(BackupKind kind, Instant scheduledFor, String instance, Duration lease,
            String file) {
        String sql = "INSERT INTO respaldos (tipo, origen, programado_para, estado, etapa, archivo, instancia, vigente_hasta)"
                + " VALUES (?, 'PROGRAMADO', ?, 'EN_CURSO', 'iniciando', ?, ?, now() + ?::interval)"
                + " ON CONFLICT DO NOTHING RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, kind.column());
            insert.setTimestamp(2, Timestamp.from(scheduledFor));
            insert.setString(3, unused(c, kind, file));
            insert.setString(4, instance);
            insert.setString(5, lease.toSeconds() + " seconds");
            return one(insert);
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo registrar el respaldo programado de " + scheduledFor, e);
        }
    }

    /** Starts a run an administrator asked for; refused while a run of the kind is going on. */
    public BackupRun claimManual(BackupKind kind, String instance, Duration lease, String requestedBy, String file) {
        String sql = "INSERT INTO respaldos (tipo, origen, estado, etapa, archivo, instancia, solicitado_por, vigente_hasta)"
                + " VALUES (?, 'MANUAL', 'EN_CURSO', 'iniciando', ?, ?, ?, now() + ?::interval) RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, kind.column());
            insert.setString(2, unused(c, kind, file));
            insert.setString(3, instance);
            insert.setString(4, requestedBy);
            insert.setString(5, lease.toSeconds() + " seconds");
            return one(insert).orElseThrow();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw BackupException.conflict("backup.running", kind.label());
            }
            throw new IllegalStateException("No se pudo registrar el respaldo manual", e);
        }
    }

    /**
     * The file name, or the first later second's when a run already has it: the names carry the second
     * (the original's {@code db_backup_YYYYmmddHHMMSS}), and a run that fails at once followed by another,
     * or a takeover right after a run, would otherwise ask for the same name twice. Runs of one kind are
     * never claimed at the same time (one in progress per kind), so looking is enough.
     */
    private static String unused(Connection c, BackupKind kind, String file) throws SQLException {
        Optional<java.time.LocalDateTime> moment = BackupFileName.parse(kind, file);
        if (moment.isEmpty()) {
            return file;
        }
        try (PreparedStatement taken = c.prepareStatement("SELECT 1 FROM respaldos WHERE archivo = ?")) {
            String candidate = file;
            for (int later = 1; later <= 3_600; later++) {
                taken.setString(1, candidate);
                try (ResultSet row = taken.executeQuery()) {
                    if (!row.next()) {
                        return candidate;
                    }
                }
                candidate = BackupFileName.of(kind, moment.get().plusSeconds(later));
            }
            throw new SQLException("Ningún nombre libre para " + file + " en la hora siguiente");
        }
    }

    /**
     * Takes over the runs whose instance stopped renewing their lease: they become this instance's, with
     * one more attempt and a new file name for the kind (the dead instance's file is not trusted).
     */
    public List<BackupRun> takeOverExpired(String instance, Duration lease, java.util.function.Function<BackupKind, String> fileFor) {
        List<BackupRun> taken = new ArrayList<>();
        String pick = "SELECT id, tipo FROM respaldos WHERE estado = 'EN_CURSO' AND vigente_hasta < now()"
                + " ORDER BY iniciado_en LIMIT 1 FOR UPDATE SKIP LOCKED";
        String take = "UPDATE respaldos SET instancia = ?, intentos = intentos + 1, vigente_hasta = now() + ?::interval,"
                + " etapa = 'retomado tras la caída de ' || instancia, archivo = ?, iniciado_en = now()"
                + " WHERE id = ? RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < 10; i++) {
                UUID id;
                BackupKind kind;
                try (PreparedStatement select = c.prepareStatement(pick); ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        break;
                    }
                    id = row.getObject(1, UUID.class);
                    kind = BackupKind.fromColumn(row.getString(2));
                }
                try (PreparedStatement update = c.prepareStatement(take)) {
                    update.setString(1, instance);
                    update.setString(2, lease.toSeconds() + " seconds");
                    update.setString(3, unused(c, kind, fileFor.apply(kind)));
                    update.setObject(4, id);
                    one(update).ifPresent(taken::add);
                }
            }
            return taken;
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudieron retomar los respaldos abandonados", e);
        }
    }

    /**
     * Renews this instance's lease on the run and records its stage.
     *
     * @return false when the run is no longer this instance's (another took it over): stop working on it
     */
    public boolean renew(UUID id, String instance, Duration lease, String stage) {
        return update("UPDATE respaldos SET vigente_hasta = now() + ?::interval, etapa = COALESCE(?, etapa)"
                + " WHERE id = ? AND instancia = ? AND estado = 'EN_CURSO'", lease.toSeconds() + " seconds", stage, id, instance) == 1;
    }

    /** Records the end of a run that worked; false when the run was no longer this instance's. */
    public boolean complete(UUID id, String instance, Long size, String sha256, Boolean verified, String verification,
            String stage) {
        return update("UPDATE respaldos SET estado = 'COMPLETADO', terminado_en = now(), tamano_bytes = ?, sha256 = ?,"
                + " verificado = ?, verificacion = ?, etapa = ?, error = NULL WHERE id = ? AND instancia = ? AND estado = 'EN_CURSO'",
                size, sha256, verified, verification, stage, id, instance) == 1;
    }

    /** Records the end of a run that failed, with why, in Spanish. */
    public void fail(UUID id, String instance, String error) {
        update("UPDATE respaldos SET estado = 'FALLIDO', terminado_en = now(), etapa = 'falló', error = ?"
                + " WHERE id = ? AND instancia = ? AND estado = 'EN_CURSO'", error, id, instance);
    }

    /** Notes that the run's backup file was removed by the retention cleanup. */
    public void markDeleted(String file) {
        update("UPDATE respaldos SET eliminado_en = now() WHERE archivo = ? AND eliminado_en IS NULL", file);
    }

    public Optional<BackupRun> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM respaldos WHERE id = ?")) {
            select.setObject(1, id);
            return one(select);
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer el respaldo " + id, e);
        }
    }

    /** The latest runs, newest first. */
    public List<BackupRun> recent(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM respaldos ORDER BY iniciado_en DESC, id LIMIT ?")) {
            select.setInt(1, limit);
            return all(select);
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudieron leer los respaldos", e);
        }
    }

    /** The runs that wrote these files, by file name. */
    public Map<String, BackupRun> byFile(Collection<String> files) {
        Map<String, BackupRun> runs = new HashMap<>();
        if (files.isEmpty()) {
            return runs;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM respaldos WHERE archivo = ANY (?)")) {
            select.setArray(1, c.createArrayOf("varchar", files.toArray()));
            for (BackupRun run : all(select)) {
                runs.put(run.file(), run);
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudieron leer los respaldos", e);
        }
    }

    /** The figures of monitoring, per kind: the last run that worked, the last that failed, whether one runs. */
    public Map<BackupKind, KindStatus> status() {
        Map<BackupKind, KindStatus> status = new HashMap<>();
        String sql = "SELECT tipo, max(terminado_en) FILTER (WHERE estado = 'COMPLETADO'),"
                + " max(terminado_en) FILTER (WHERE estado = 'FALLIDO'), bool_or(estado = 'EN_CURSO')"
                + " FROM respaldos GROUP BY tipo";
        String last = "SELECT tamano_bytes, extract(epoch FROM terminado_en - iniciado_en), verificado FROM respaldos"
                + " WHERE tipo = ? AND estado = 'COMPLETADO' ORDER BY terminado_en DESC LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                BackupKind kind = BackupKind.fromColumn(rows.getString(1));
                Timestamp success = rows.getTimestamp(2);
                Timestamp failure = rows.getTimestamp(3);
                Long size = null;
                Double seconds = null;
                Boolean verified = null;
                if (success != null) {
                    try (PreparedStatement lastRun = c.prepareStatement(last)) {
                        lastRun.setString(1, kind.column());
                        try (ResultSet row = lastRun.executeQuery()) {
                            if (row.next()) {
                                size = (Long) row.getObject(1);
                                seconds = row.getDouble(2);
                                verified = (Boolean) row.getObject(3);
                            }
                        }
                    }
                }
                status.put(kind, new KindStatus(success == null ? null : success.toInstant(),
                        failure == null ? null : failure.toInstant(), seconds, size, verified, rows.getBoolean(4)));
            }
            return status;
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer el estado de los respaldos", e);
        }
    }

    /** Monitoring's view of one kind; nulls where nothing happened yet. */
    public record KindStatus(Instant lastSuccess, Instant lastFailure, Double lastDurationSeconds, Long lastSizeBytes,
            Boolean lastVerified, boolean running) {
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo registrar el avance del respaldo", e);
        }
    }

    private static Optional<BackupRun> one(PreparedStatement statement) throws SQLException {
        List<BackupRun> runs = all(statement);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private static List<BackupRun> all(PreparedStatement statement) throws SQLException {
        List<BackupRun> runs = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                runs.add(new BackupRun(row.getObject(1, UUID.class), BackupKind.fromColumn(row.getString(2)),
                        "MANUAL".equals(row.getString(3)), instant(row, 4), RunState.fromColumn(row.getString(5)),
                        row.getString(6), row.getString(7), (Long) row.getObject(8), trimmed(row.getString(9)),
                        instant(row, 10), instant(row, 11), row.getString(12), row.getString(13), row.getInt(14),
                        (Boolean) row.getObject(15), row.getString(16), row.getString(17)));
            }
        }
        return runs;
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
