package cl.ventanilla.backup.control;

import cl.ventanilla.backup.entity.BackupException;
import cl.ventanilla.backup.entity.BackupKind;
import cl.ventanilla.backup.entity.CronSchedule;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * When each kind runs: what an administrator set on the backups screen ({@code programacion_respaldos}),
 * otherwise the environment's default. Read on every tick, so a change reaches every instance within a
 * minute without any message between them.
 */
@Stateless
public class Schedules {

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Inject
    BackupSettings settings;

    /** A kind's schedule as text and whether it comes from the screen (true) or the environment. */
    public record Entry(BackupKind kind, String text, boolean custom) {

        public Optional<CronSchedule> schedule() {
            return CronSchedule.parse(text);
        }
    }

    public Map<BackupKind, Entry> all() {
        Map<BackupKind, Entry> entries = new EnumMap<>(BackupKind.class);
        for (BackupKind kind : BackupKind.values()) {
            entries.put(kind, new Entry(kind, settings.scheduleText(kind), false));
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT tipo, programacion FROM programacion_respaldos");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                BackupKind kind = BackupKind.fromColumn(rows.getString(1));
                entries.put(kind, new Entry(kind, rows.getString(2), true));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer la programación de los respaldos", e);
        }
        return entries;
    }

    /**
     * Sets a kind's schedule (cron's five fields, or {@code off}); blank goes back to the environment's.
     *
     * @throws BackupException 400 when the text is not a schedule
     */
    public Entry set(BackupKind kind, String text, String by) {
        String trimmed = text == null ? "" : text.trim().replaceAll("\\s+", " ");
        if (trimmed.length() > 100) {
            throw BackupException.invalid("backup.schedule.invalid", trimmed.substring(0, 100), "");
        }
        try {
            CronSchedule.parse(trimmed);
        } catch (IllegalArgumentException wrong) {
            throw BackupException.invalid("backup.schedule.invalid", trimmed, wrong.getMessage());
        }
        String sql = trimmed.isEmpty() ? "DELETE FROM programacion_respaldos WHERE tipo = ?"
                : "INSERT INTO programacion_respaldos (tipo, programacion, actualizado_por) VALUES (?, ?, ?)"
                        + " ON CONFLICT (tipo) DO UPDATE SET programacion = EXCLUDED.programacion,"
                        + " actualizado_por = EXCLUDED.actualizado_por, actualizado_en = now()";
        try (Connection c = dataSource.getConnection(); PreparedStatement change = c.prepareStatement(sql)) {
            change.setString(1, kind.column());
            if (!trimmed.isEmpty()) {
                change.setString(2, trimmed);
                change.setString(3, by);
            }
            change.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo guardar la programación de los respaldos", e);
        }
        return all().get(kind);
    }
}
