package cl.ventanilla.backup.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupFileNameTest {

    @Test
    void theOriginalsNamesRoundTrip() {
        LocalDateTime moment = LocalDateTime.of(2026, 12, 7, 2, 0, 5);
        assertEquals("db_backup_20261207020005.sql.gz", BackupFileName.of(BackupKind.DATABASE, moment));
        assertEquals("configs_backup_20261207020005.tar.gz", BackupFileName.of(BackupKind.CONFIGURATION, moment));
        assertEquals(Optional.of(moment), BackupFileName.parse(BackupKind.DATABASE, "db_backup_20261207020005.sql.gz"));
        assertEquals(Optional.of(BackupKind.CONFIGURATION), BackupKind.ofFile("configs_backup_20261207020005.tar.gz"));
    }

    @Test
    void partialsChecksumsAndPathTricksAreNotBackups() {
        assertFalse(BackupFileName.isBackup("db_backup_20261207020005.sql.gz.partial"));
        assertFalse(BackupFileName.isBackup("db_backup_20261207020005.sql.gz.sha256"));
        assertFalse(BackupFileName.isBackup("../db_backup_20261207020005.sql.gz"));
        assertFalse(BackupFileName.isBackup("db_backup_2026120702000.sql.gz"));
        assertFalse(BackupFileName.isBackup("db_backup_20261399020005.sql.gz"));
        assertFalse(BackupFileName.isBackup("db_backup_/../../x20261207.sql.gz"));
        assertTrue(BackupFileName.isBackup("db_backup_20261207020005.sql.gz"));
    }

    @Test
    void kindsParseFromTheApiTheColumnAndTheConstant() {
        assertEquals(Optional.of(BackupKind.DATABASE), BackupKind.parse("db"));
        assertEquals(Optional.of(BackupKind.DATABASE), BackupKind.parse("BD"));
        assertEquals(Optional.of(BackupKind.CONFIGURATION), BackupKind.parse("configs"));
        assertEquals(Optional.of(BackupKind.CLEANUP), BackupKind.parse("cleanup"));
        assertEquals(Optional.empty(), BackupKind.parse("todo"));
    }
}
