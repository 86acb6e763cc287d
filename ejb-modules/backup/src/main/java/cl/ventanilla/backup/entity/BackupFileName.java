package cl.ventanilla.backup.entity;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The original's file names: the kind's prefix, the moment in the municipality's time as
 * {@code yyyyMMddHHmmss}, the suffix. A file being written carries {@link #PARTIAL} after the name and is
 * never a backup; its checksum lives beside it in {@code <name>.sha256}, in {@code sha256sum}'s format.
 */
public final class BackupFileName {

    public static final String PARTIAL = ".partial";
    public static final String CHECKSUM = ".sha256";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern DIGITS = Pattern.compile("(\\d{14})");

    private BackupFileName() {
    }

    public static String of(BackupKind kind, LocalDateTime moment) {
        if (!kind.producesFile()) {
            throw new IllegalArgumentException(kind + " no produce archivos");
        }
        return kind.prefix() + STAMP.format(moment) + kind.suffix();
    }

    /** The moment in a backup's name, when the name is one of the kind's finished backups. */
    public static Optional<LocalDateTime> parse(BackupKind kind, String fileName) {
        if (fileName == null || !kind.producesFile() || !fileName.startsWith(kind.prefix()) || !fileName.endsWith(kind.suffix())) {
            return Optional.empty();
        }
        String middle = fileName.substring(kind.prefix().length(), fileName.length() - kind.suffix().length());
        Matcher digits = DIGITS.matcher(middle);
        if (!digits.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(middle, STAMP));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether a name is safe to resolve in the backup folder and names a backup: no paths, no tricks. */
    public static boolean isBackup(String fileName) {
        return fileName != null && BackupKind.ofFile(fileName).isPresent();
    }
}
