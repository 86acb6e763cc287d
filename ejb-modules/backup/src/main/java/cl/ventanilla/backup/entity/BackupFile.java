package cl.ventanilla.backup.entity;

import java.time.Instant;

/**
 * A finished backup in the backup folder: the file, its checksum beside it, and what the run that wrote it
 * recorded. A file that no run of the application wrote (the operators' {@code backup_db.sh}) is listed
 * too, with {@code run} null.
 *
 * @param takenAt the moment in its name
 */
public record BackupFile(String name, BackupKind kind, Instant takenAt, long sizeBytes, String sha256, BackupRun run) {

    /** The checksum as an HTTP {@code Repr-Digest} value (RFC 9530), for downloads. */
    public String reprDigest() {
        return "sha-256=:" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(sha256)) + ":";
    }

    /** Whether a restore of it into a scratch database matched the source. */
    public boolean verified() {
        return run != null && Boolean.TRUE.equals(run.verified());
    }
}
