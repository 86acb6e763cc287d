package cl.ventanilla.payara;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The {@code ventanilla} domain of a Payara Server installed under the launcher's home. Created once
 * (admin password generated and kept in a file only the owner reads), configured from
 * {@code payara/src/main/payara/}, started with the environment that carries the connection data.
 */
final class PayaraDomain {

    static final String DOMAIN = "ventanilla";
    static final String APPLICATION = "ventanilla";

    private static final Logger LOG = Logger.getLogger(PayaraDomain.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final Settings settings;
    private final Path installation;
    private final Path passwordFile;
    private boolean freshDomain;

    PayaraDomain(Settings settings) {
        this.settings = settings;
        this.installation = settings.home().resolve("payara6");
        this.passwordFile = settings.home().resolve("asadmin-password");
    }

    Path domainDirectory() {
        return installation.resolve("glassfish/domains/" + DOMAIN);
    }

    Path passwordFile() {
        return passwordFile;
    }

    Path serverLog() {
        return domainDirectory().resolve("logs/server.log");
    }

    /** Unpacks Payara Server the first time, from the distribution the build copied. */
    void install() throws IOException {
        Path marker = installation.resolve(".ventanilla-installed");
        String wanted = settings.payaraZip().toRealPath() + " " + Files.size(settings.payaraZip());
        if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
            return;
        }
        LOG.info("Instalando Payara Server en " + installation + " …");
        Files.createDirectories(settings.home());
        Path staging = Files.createTempDirectory(settings.home(), "payara-");
        try (InputStream in = Files.newInputStream(settings.payaraZip()); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Entrada fuera del directorio: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (var scripts = Files.list(staging.resolve("payara6/bin"))) {
            scripts.forEach(script -> script.toFile().setExecutable(true, true));
        }
        try (var scripts = Files.list(staging.resolve("payara6/glassfish/bin"))) {
            scripts.forEach(script -> script.toFile().setExecutable(true, true));
        }
        deleteRecursively(installation);
        Files.move(staging.resolve("payara6"), installation);
        deleteRecursively(staging);
        Files.writeString(marker, wanted);
    }

    /**
     * Creates the domain the first time, and again whenever its set-up (payara/src/main/payara) changed:
     * the domain is derived state (the data lives in PostgreSQL), so rebuilding it is the simplest way to
     * keep it equal to its description.
     */
    void createIfMissing() throws IOException {
        Path marker = domainDirectory().resolve("config/ventanilla-setup.sha256");
        String setup = setupFingerprint();
        if (Files.isDirectory(domainDirectory())) {
            if (Files.exists(marker) && Files.readString(marker).equals(setup)) {
                return;
            }
            LOG.info("La configuración del dominio cambió: se vuelve a crear.");
            try {
                asadmin(Map.of(), "stop-domain", DOMAIN);
            } catch (RuntimeException e) {
                LOG.fine("El dominio no estaba corriendo: " + e.getMessage());
            }
            deleteRecursively(domainDirectory());
        }
        writePasswordFile();
        List<String> create = new ArrayList<>(List.of("create-domain", "--savelogin=false", "--checkports=true"));
        if (settings.portBase() != null) {
            create.addAll(List.of("--portbase", String.valueOf(settings.portBase())));
        } else {
            create.addAll(List.of("--adminport", String.valueOf(Settings.DEFAULT_ADMIN_PORT),
                    "--instanceport", String.valueOf(Settings.DEFAULT_HTTP_PORT)));
        }
        create.add(DOMAIN);
        asadmin(Map.of(), create.toArray(String[]::new));
        Files.copy(settings.jdbcDriver(), domainDirectory().resolve("lib/postgresql.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        freshDomain = true;
    }

    private String setupFingerprint() throws IOException {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(settings.domainSetup()));
            digest.update(Files.readAllBytes(settings.resources()));
            digest.update(String.valueOf(settings.portBase()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the domain with the given environment, applies the set-up and resources, deploys the EAR. */
    void startAndDeploy(Map<String, String> environment) throws IOException, InterruptedException {
        asadmin(environment, "start-domain", DOMAIN);
        String setup = Files.readString(settings.domainSetup())
                .replace("${RESOURCES}", settings.resources().toString());
        Path commands = Files.createTempFile(settings.home(), "setup-", ".asadmin");
        try {
            Files.writeString(commands, setup);
            if (freshDomain) {
                asadmin(environment, "multimode", "--file", commands.toString());
                LOG.info("Dominio configurado; se reinicia para aplicar las opciones de la JVM.");
                // stop and start rather than restart-domain, which breaks its own admin connection
                asadmin(environment, "stop-domain", DOMAIN);
                asadmin(environment, "start-domain", DOMAIN);
                // only a domain whose set-up completed is kept at the next start
                Files.writeString(domainDirectory().resolve("config/ventanilla-setup.sha256"), setupFingerprint());
            }
        } finally {
            Files.deleteIfExists(commands);
        }
        asadmin(environment, "deploy", "--force=true", "--name", APPLICATION, settings.ear().toString());
    }

    /** Waits until {@code /health/ready} answers 200: the EAR is deployed, migrated and can reach its database. */
    String awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + settings.httpPort() + "/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String last = "sin respuesta";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Ventanilla no quedó lista en " + READY_TIMEOUT.toMinutes()
                + " minutos (" + last + "); revise " + serverLog());
    }

    /**
     * Undeploys and stops. The launcher deploys the freshly built EAR at every start, so the domain is
     * left without the application rather than reloading a stale copy at its next start.
     */
    void stop() {
        try {
            asadmin(Map.of(), "undeploy", APPLICATION);
        } catch (IOException | RuntimeException e) {
            LOG.fine("Nada que retirar: " + e.getMessage());
        }
        try {
            asadmin(Map.of(), "stop-domain", DOMAIN);
        } catch (IOException | RuntimeException e) {
            LOG.warning("No se pudo detener el dominio: " + e.getMessage());
        }
    }

    private void writePasswordFile() throws IOException {
        Files.createDirectories(settings.home());
        if (Files.exists(passwordFile)) {
            return;
        }
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, "AS_ADMIN_PASSWORD=" + HexFormat.of().formatHex(secret) + "\n");
    }

    String adminPassword() throws IOException {
        return Files.readString(passwordFile).strip().substring("AS_ADMIN_PASSWORD=".length());
    }

    private void asadmin(Map<String, String> environment, String... arguments) throws IOException {
        String output = asadminOutput(environment, arguments);
        LOG.fine(output);
    }

    private String asadminOutput(Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(installation.resolve("bin/asadmin").toString());
        command.addAll(List.of("--user", "admin", "--passwordfile", passwordFile.toString(), "--interactive=false"));
        if (!"create-domain".equals(arguments[0])) {
            command.addAll(List.of("--port", String.valueOf(settings.adminPort())));
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> processEnvironment = builder.environment();
        processEnvironment.putAll(environment);
        processEnvironment.put("AS_JAVA", System.getProperty("java.home"));
        processEnvironment.put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("asadmin " + arguments[0] + " falló (" + exit + "):\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("asadmin " + arguments[0] + " interrumpido", e);
        }
        return output;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(each);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new HashMap<>(first);
        merged.putAll(second);
        return merged;
    }
}
