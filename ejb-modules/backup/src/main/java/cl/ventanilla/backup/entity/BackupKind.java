package cl.ventanilla.backup.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a run does. The backups keep the original system's file names: {@code db_backup_YYYYmmddHHMMSS.sql.gz}
 * and {@code configs_backup_YYYYmmddHHMMSS.tar.gz}.
 */
public enum BackupKind {

    /** The application's database, with pg_dump. */
    DATABASE("BD", "db", "db_backup_", ".sql.gz"),
    /** The gateway's, the proxy's, Patroni's, Prometheus's and Payara's configuration files. */
    CONFIGURATION("CONFIGURACION", "configs", "configs_backup_", ".tar.gz"),
    /** Removes the backups older than the retention. */
    CLEANUP("LIMPIEZA", "cleanup", null, null);

    private final String column;
    private final String label;
    private final String prefix;
    private final String suffix;

    BackupKind(String column, String label, String prefix, String suffix) {
        this.column = column;
        this.label = label;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /** The value in {@code respaldos.tipo}. */
    public String column() {
        return column;
    }

    /** The short name of the API, the metrics' {@code kind} tag and the settings: db, configs, cleanup. */
    public String label() {
        return label;
    }

    /** Whether the run leaves a file. */
    public boolean producesFile() {
        return prefix != null;
    }

    public String prefix() {
        return prefix;
    }

    public String suffix() {
        return suffix;
    }

    public static BackupKind fromColumn(String column) {
        for (BackupKind kind : values()) {
            if (kind.column.equals(column)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("tipo de respaldo desconocido: " + column);
    }

    /** Accepts the API's label (db, configs, cleanup), the column's value or the constant, in any case. */
    public static Optional<BackupKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        for (BackupKind kind : values()) {
            if (kind.name().equals(wanted) || kind.column.equals(wanted) || kind.label.toUpperCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind of a backup file by its name, if it is one. */
    public static Optional<BackupKind> ofFile(String fileName) {
        for (BackupKind kind : values()) {
            if (kind.producesFile() && BackupFileName.parse(kind, fileName).isPresent()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
