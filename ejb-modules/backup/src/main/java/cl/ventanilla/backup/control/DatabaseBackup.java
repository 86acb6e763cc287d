package cl.ventanilla.backup.control;

import cl.ventanilla.backup.control.BackupSettings.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The database backup: {@code pg_dump} through the database proxy into a gzip file, and its verification
 * by a restore into a scratch database. The dump reads the snapshot of a transaction that also counts the
 * rows of every table, so the counts are exactly what the file holds; the restore must give the same.
 */
@ApplicationScoped
public class DatabaseBackup {

    /** Rows of every table of the application's schemas, read with one statement. */
    static final String ROW_COUNTS = "SELECT n.nspname || '.' || c.relname,"
            + " (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname),"
            + " false, true, '')))[1]::text::bigint"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' ORDER BY 1";

    @Inject
    BackupSettings settings;

    /** What a dump wrote. */
    public record Dump(long sizeBytes, String sha256, Map<String, Long> rowCounts) {
    }

    /** What a verification found. */
    public record Verification(boolean matches, String detail) {
    }

    /** Dumps the database into {@code target} (compressed), computing its SHA-256 on the way. */
    public Dump dump(Path target, Heartbeat heartbeat) throws IOException, InterruptedException, SQLException {
        Connection db = settings.connection();
        Path pgDump = program("pg_dump");
        try (java.sql.Connection snapshot = DriverManager.getConnection(db.jdbcUrl(db.database()), db.user(), db.password())) {
            snapshot.setAutoCommit(false);
            String id;
            Map<String, Long> counts;
            try (Statement statement = snapshot.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                try (ResultSet row = statement.executeQuery("SELECT pg_export_snapshot()")) {
                    row.next();
                    id = row.getString(1);
                }
                heartbeat.beat("contando filas");
                counts = rowCounts(snapshot);
            }
            heartbeat.beat("volcando la base");
            MessageDigest sha = sha256();
            try (OutputStream file = Files.newOutputStream(target);
                    OutputStream counted = heartbeat.counting(file, "volcando la base");
                    DigestOutputStream digest = new DigestOutputStream(counted, sha);
                    GZIPOutputStream gzip = new GZIPOutputStream(digest, 65_536)) {
                Programs.run(List.of(pgDump.toString(), "--no-owner", "--no-privileges", "--snapshot=" + id,
                        "--host=" + db.host(), "--port=" + db.port(), "--username=" + db.user(), "--dbname=" + db.database()),
                        environment(db), null, gzip);
            }
            snapshot.commit();
            return new Dump(Files.size(target), HexFormat.of().formatHex(sha.digest()), counts);
        }
    }

    /**
     * Restores {@code file} into a new scratch database, counts its rows, compares them with the source's
     * and drops the scratch database, whatever happens.
     */
    public Verification verify(Path file, Map<String, Long> expected, String scratchName, Heartbeat heartbeat)
            throws IOException, InterruptedException, SQLException {
        Connection db = settings.connection();
        Path psql = program("psql");
        try (java.sql.Connection admin = DriverManager.getConnection(db.jdbcUrl(db.database()), db.user(), db.password());
                Statement statement = admin.createStatement()) {
            heartbeat.beat("verificando: creando la base de prueba " + scratchName);
            statement.execute("DROP DATABASE IF EXISTS \"" + scratchName + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + scratchName + "\" TEMPLATE template0 ENCODING 'UTF8'");
            // only this role (its owner) connects: a monitoring agent that visits every database would hold
            // it open, and only a superuser could then drop it
            statement.execute("REVOKE CONNECT ON DATABASE \"" + scratchName + "\" FROM PUBLIC");
            try {
                List<String> extensions = new ArrayList<>();
                try (InputStream sql = new RestorableSql(new GZIPInputStream(heartbeat.counting(Files.newInputStream(file),
                        "verificando: restaurando en " + scratchName), 65_536), extensions)) {
                    Programs.run(List.of(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--host=" + db.host(),
                            "--port=" + db.port(), "--username=" + db.user(), "--dbname=" + scratchName),
                            environment(db), sql, null);
                }
                heartbeat.beat("verificando: contando filas restauradas");
                Map<String, Long> restored;
                try (java.sql.Connection scratch = DriverManager.getConnection(db.jdbcUrl(scratchName), db.user(), db.password())) {
                    restored = rowCounts(scratch);
                }
                return compare(expected, restored, extensions);
            } finally {
                statement.execute("DROP DATABASE IF EXISTS \"" + scratchName + "\" WITH (FORCE)");
            }
        }
    }

    static Verification compare(Map<String, Long> expected, Map<String, Long> restored, List<String> skippedExtensions) {
        List<String> differences = new ArrayList<>();
        long rows = 0;
        for (Map.Entry<String, Long> table : expected.entrySet()) {
            Long found = restored.get(table.getKey());
            rows += table.getValue();
            if (!table.getValue().equals(found)) {
                differences.add(table.getKey() + ": " + table.getValue() + " en el origen, "
                        + (found == null ? "falta" : found + " restauradas"));
            }
        }
        for (String table : restored.keySet()) {
            if (!expected.containsKey(table)) {
                differences.add(table + ": sobra en la restauración");
            }
        }
        String extensions = skippedExtensions.isEmpty() ? ""
                : " Extensiones que la verificación no crea (requieren superusuario): " + String.join(", ", skippedExtensions) + ".";
        if (differences.isEmpty()) {
            return new Verification(true, "Restaurado en una base de prueba: " + expected.size() + " tablas y " + rows
                    + " filas, iguales al origen." + extensions);
        }
        return new Verification(false, "La restauración difiere del origen en " + differences.size() + " tabla(s): "
                + String.join("; ", differences.subList(0, Math.min(10, differences.size()))) + "." + extensions);
    }

    static Map<String, Long> rowCounts(java.sql.Connection connection) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(ROW_COUNTS); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private Path program(String name) throws IOException {
        return settings.program(name).orElseThrow(() -> new IOException("No se encontró " + name
                + ": instale el cliente de PostgreSQL (paquete postgresql-client-15) o indique su carpeta en BACKUP_PG_BIN."));
    }

    private static Map<String, String> environment(Connection db) {
        return Map.of("PGPASSWORD", db.password(), "PGCONNECT_TIMEOUT", "10", "PGAPPNAME", "ventanilla-respaldo");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A dump as an application role may load it: {@code CREATE EXTENSION} and {@code COMMENT ON EXTENSION}
     * lines are left out (a dump of a database with pg_stat_statements names it, and only a superuser may
     * create it); the extensions the schema needs (pgcrypto, uuid-ossp) are trusted and re-created first
     * by name. The lines left out are reported.
     */
    static final class RestorableSql extends InputStream {

        private final BufferedReader reader;
        private final List<String> skipped;
        private InputStream current = new ByteArrayInputStream(new byte[0]);
        private boolean ended;

        RestorableSql(InputStream dump, List<String> skipped) {
            this.reader = new BufferedReader(new InputStreamReader(dump, StandardCharsets.UTF_8), 65_536);
            this.skipped = skipped;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (true) {
                int read = current.read(bytes, offset, length);
                if (read > 0) {
                    return read;
                }
                if (ended) {
                    return -1;
                }
                refill();
            }
        }

        private void refill() throws IOException {
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(65_536);
            String line;
            while (chunk.size() < 60_000 && (line = reader.readLine()) != null) {
                String trusted = trustedExtension(line);
                if (trusted != null) {
                    chunk.writeBytes(trusted.getBytes(StandardCharsets.UTF_8));
                } else if (line.startsWith("CREATE EXTENSION ") || line.startsWith("COMMENT ON EXTENSION ")) {
                    if (line.startsWith("CREATE EXTENSION ")) {
                        skipped.add(line.replaceFirst("^CREATE EXTENSION (IF NOT EXISTS )?", "").split(" ")[0]);
                    }
                    continue;
                } else {
                    chunk.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                }
                chunk.write('\n');
            }
            if (chunk.size() == 0) {
                ended = true;
            }
            current = new ByteArrayInputStream(chunk.toByteArray());
        }

        /** The trusted extensions the schema needs, kept as they are. */
        private static String trustedExtension(String line) {
            for (String name : List.of("pgcrypto", "\"uuid-ossp\"", "plpgsql")) {
                if (line.startsWith("CREATE EXTENSION IF NOT EXISTS " + name + " ")) {
                    return line;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
