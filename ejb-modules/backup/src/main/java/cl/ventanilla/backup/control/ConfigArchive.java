package cl.ventanilla.backup.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The configuration backup: the files and folders of {@code BACKUP_CONFIG_PATHS} (the gateway's, the
 * database proxy's, Patroni's, Prometheus's and Payara's configuration) in a {@code tar.gz} with their
 * absolute paths, so {@code scripts/restore_configs.sh} puts each back where it was. Written with the
 * system's {@code tar}, as the original did.
 */
@ApplicationScoped
public class ConfigArchive {

    @Inject
    BackupSettings settings;

    /** What an archive holds. */
    public record Archive(long sizeBytes, String sha256, List<String> included, List<String> missing) {
    }

    public Archive write(Path target, Heartbeat heartbeat) throws IOException, InterruptedException {
        List<String> included = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path path : settings.configPaths()) {
            if (Files.exists(path)) {
                included.add(path.toString().substring(1));
            } else {
                missing.add(path.toString());
            }
        }
        if (included.isEmpty()) {
            throw new IOException(settings.configPaths().isEmpty()
                    ? "BACKUP_CONFIG_PATHS no indica ningún archivo de configuración que respaldar."
                    : "No existe ninguno de los archivos de BACKUP_CONFIG_PATHS: " + String.join(", ", missing));
        }
        heartbeat.beat("empaquetando " + included.size() + " rutas de configuración");
        List<String> command = new ArrayList<>(List.of("tar", "--create", "--gzip", "--file=-", "--directory=/",
                // keys and the instances' secrets stay out: they come from the environment, never from a backup
                "--exclude=*.pem", "--exclude=*.key", "--exclude=secrets.env", "--exclude=instance.env", "--"));
        command.addAll(included);
        MessageDigest sha = DatabaseBackup.sha256();
        try (OutputStream file = Files.newOutputStream(target); DigestOutputStream digest = new DigestOutputStream(file, sha)) {
            Programs.run(command, java.util.Map.of(), null, digest);
        }
        return new Archive(Files.size(target), HexFormat.of().formatHex(sha.digest()), included, missing);
    }
}
