package cl.ventanilla.backup.control;

import cl.ventanilla.backup.entity.BackupException;
import cl.ventanilla.backup.entity.BackupFile;
import cl.ventanilla.backup.entity.BackupFileName;
import cl.ventanilla.backup.entity.BackupKind;
import cl.ventanilla.backup.entity.BackupRun;
import cl.ventanilla.backup.entity.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The backup folder as a list of finished backups. A file counts only when it has its final name and its
 * checksum beside it, and when the run that wrote it (if the application wrote it) completed: a dump being
 * written, an unverified leftover of a run that died, or a failed run's file are never listed.
 */
@ApplicationScoped
public class BackupFolder {

    @Inject
    BackupSettings settings;

    @Inject
    RunLedger ledger;

    /** The finished backups, newest first. */
    public List<BackupFile> list() throws IOException {
        Path directory = settings.directory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(directory)) {
            candidates = files.filter(f -> BackupFileName.isBackup(f.getFileName().toString()))
                    .filter(f -> Files.isRegularFile(f.resolveSibling(f.getFileName() + BackupFileName.CHECKSUM))).toList();
        }
        Map<String, BackupRun> runs = ledger.byFile(candidates.stream().map(f -> f.getFileName().toString()).toList());
        List<BackupFile> backups = new ArrayList<>();
        for (Path file : candidates) {
            String name = file.getFileName().toString();
            BackupRun run = runs.get(name);
            if (run != null && run.state() != RunState.DONE) {
                continue;
            }
            BackupKind kind = BackupKind.ofFile(name).orElseThrow();
            try {
                backups.add(new BackupFile(name, kind, BackupFileName.parse(kind, name).orElseThrow()
                        .atZone(settings.zone()).toInstant(), Files.size(file), checksum(file), run));
            } catch (NoSuchFileException removedMeanwhile) {
                // the cleanup of another instance got there first
            }
        }
        backups.sort(Comparator.comparing(BackupFile::takenAt).reversed().thenComparing(BackupFile::name));
        return backups;
    }

    /** A listed backup by name; 404 for anything else, including names that try to leave the folder. */
    public BackupFile get(String name) throws IOException {
        if (!BackupFileName.isBackup(name)) {
            throw BackupException.notFound("backup.notFound", name);
        }
        return list().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> BackupException.notFound("backup.notFound", name));
    }

    public Path path(String name) {
        return settings.directory().resolve(name);
    }

    /** The hex digest in a {@code sha256sum} line. */
    static String checksum(Path file) throws IOException {
        String line = Files.readString(file.resolveSibling(file.getFileName() + BackupFileName.CHECKSUM), StandardCharsets.UTF_8).strip();
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    /** Writes the checksum beside the backup, in {@code sha256sum}'s format, so {@code sha256sum -c} checks it. */
    static void writeChecksum(Path backup, String name, String sha256) throws IOException {
        Path target = backup.resolveSibling(name + BackupFileName.CHECKSUM);
        Path partial = backup.resolveSibling(name + BackupFileName.CHECKSUM + BackupFileName.PARTIAL);
        Files.writeString(partial, sha256 + "  " + name + "\n", StandardCharsets.UTF_8);
        Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
