package cl.ventanilla.backup.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of a backup, a configuration archive or a cleanup, as recorded in {@code respaldos}.
 *
 * @param scheduledFor the schedule's instant for a timer's run, null for a manual one
 * @param stage        what it is doing now, or how it ended, in Spanish
 * @param file         the backup's file name (final name, also while it is written under a temporary one)
 * @param instance     the instance that ran it (the last one, when another took it over)
 * @param attempts     1, or more when instances that died left it to another
 * @param verified     for a database backup, whether the restore into a scratch database matched the
 *                     source's row counts; null while not verified
 * @param verification what the verification found, in Spanish
 */
public record BackupRun(UUID id, BackupKind kind, boolean manual, Instant scheduledFor, RunState state, String stage,
        String file, Long sizeBytes, String sha256, Instant startedAt, Instant finishedAt, String instance,
        String requestedBy, int attempts, Boolean verified, String verification, String error) {

    /** How long it took, or has taken so far, in milliseconds. */
    public long durationMillis() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        return Math.max(0, end.toEpochMilli() - startedAt.toEpochMilli());
    }

    public boolean running() {
        return state == RunState.RUNNING;
    }
}
