package cl.ventanilla.payara;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The run command: Payara Server with the EAR deployed, on one machine, until Ctrl-C. With no
 * {@code DB_HOST} it starts an embedded PostgreSQL under {@code ~/.ventanilla} and loads the demo
 * municipality; with one, it uses that database. It uses the local Redis when one answers.
 */
public final class Launcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());

    private final Settings settings;
    private final PayaraDomain domain;
    private EmbeddedDatabase embedded;
    private Map<String, String> serverEnvironment;
    private String redisDescription;
    private String databaseDescription;

    private Launcher(Settings settings) {
        this.settings = settings;
        this.domain = new PayaraDomain(settings);
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Path projectRoot = Path.of(args.length > 0 ? args[0] : ".");
        Launcher launcher = start(Settings.fromEnvironment(projectRoot));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nDeteniendo Ventanilla …");
            launcher.close();
            System.out.println("Ventanilla detenida.");
            stopped.countDown();
        }, "ventanilla-stop"));
        launcher.printSummary(System.out);
        stopped.await();
    }

    /** One line per message, and only warnings from the embedded PostgreSQL's chatter. */
    private static void quietLogging() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        java.util.logging.LogManager.getLogManager().reset();
        java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
        console.setFormatter(new java.util.logging.SimpleFormatter());
        Logger root = Logger.getLogger("");
        root.addHandler(console);
        Logger.getLogger("io.zonky").setLevel(java.util.logging.Level.WARNING);
    }

    /**
     * Starts everything and returns once Ventanilla answers ready. Used by {@link #main} and by the
     * system tests, which pass their own environment (database, port base, home).
     */
    public static Launcher start(Map<String, String> environment, Path home, Path projectRoot, Integer portBase)
            throws Exception {
        return start(new Settings(new HashMap<>(environment), home.toAbsolutePath(), projectRoot.toAbsolutePath(), portBase));
    }

    private static Launcher start(Settings settings) throws Exception {
        Launcher launcher = new Launcher(settings);
        try {
            launcher.startAll();
            return launcher;
        } catch (Exception | Error e) {
            launcher.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        if (!Files.isRegularFile(settings.ear())) {
            throw new IllegalStateException("No existe " + settings.ear() + ": compile primero (./mvnw -DskipTests install).");
        }
        Files.createDirectories(settings.home());
        Map<String, String> env = new HashMap<>();
        if (settings.databaseConfigured()) {
            databaseDescription = settings.get("DB_HOST").get() + ":" + settings.get("DB_PORT").orElse("5432")
                    + "/" + settings.get("DB_NAME").orElse("ventanilla") + " (DB_HOST)";
            env.put("DB_PORT", settings.get("DB_PORT").orElse("5432"));
            env.put("DB_NAME", settings.get("DB_NAME").orElse("ventanilla"));
            env.put("DB_USER", settings.get("DB_USER").orElse("ventanilla"));
            env.put("DB_PASSWORD", settings.get("DB_PASSWORD").orElse(""));
        } else {
            embedded = EmbeddedDatabase.start(settings.home().resolve("pgdata"), Settings.EMBEDDED_DB_PORT);
            env.putAll(embedded.environment());
            env.put("VENTANILLA_DEMO_DATA", settings.get("VENTANILLA_DEMO_DATA").orElse("true"));
            env.put("VENTANILLA_ADMIN_PASSWORD", adminPassword());
            databaseDescription = "PostgreSQL embebido en " + settings.home().resolve("pgdata")
                    + " (127.0.0.1:" + embedded.port() + (embedded.created() ? ", recién creado)" : ")");
        }
        configureRedis(env);
        if (settings.get("VENTANILLA_JWT_PRIVATE_KEY_LOCATION").isEmpty()) {
            env.putAll(SigningKeys.ensure(settings.home().resolve("keys")));
        }
        env.putIfAbsent("MP_JWT_VERIFY_ISSUER", settings.get("MP_JWT_VERIFY_ISSUER").orElse("https://ventanilla.local"));
        serverEnvironment = PayaraDomain.merge(settings.environment(), env);

        domain.install();
        domain.createIfMissing();
        domain.startAndDeploy(serverEnvironment);
        domain.awaitReady();
    }

    /** Uses REDIS_HOST when given; otherwise the local Redis if it answers; otherwise none (no cache). */
    private void configureRedis(Map<String, String> env) {
        if (settings.get("REDIS_HOST").isPresent()) {
            redisDescription = settings.get("REDIS_HOST").get() + ":" + settings.get("REDIS_PORT").orElse("6379") + " (REDIS_HOST)";
            return;
        }
        if (answers("127.0.0.1", 6379)) {
            env.put("REDIS_HOST", "127.0.0.1");
            env.put("REDIS_PORT", "6379");
            redisDescription = "127.0.0.1:6379 (local)";
        } else {
            env.put("REDIS_HOST", "");
            redisDescription = "no disponible: Ventanilla funciona sin caché";
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[64];
            int read = socket.getInputStream().read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** The application administrator's password for the embedded database, generated once and kept private. */
    private String adminPassword() throws IOException {
        Path file = settings.home().resolve("admin-password");
        if (!Files.exists(file)) {
            String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
        }
        return settings.get("VENTANILLA_ADMIN_PASSWORD").orElse(Files.readString(file).strip());
    }

    public int httpPort() {
        return settings.httpPort();
    }

    public int adminPort() {
        return settings.adminPort();
    }

    public Path serverLog() {
        return domain.serverLog();
    }

    void printSummary(PrintStream out) throws IOException {
        String base = "http://localhost:" + settings.httpPort();
        out.println();
        out.println("Ventanilla está lista.");
        out.println("  Portal ciudadano      " + base + "/  (reservar hora: " + base + "/reservar.xhtml)");
        out.println("  Tótem                 " + base + "/totem/");
        out.println("  Funcionarios          " + base + "/admin/  (módulo, citas del día, supervisión en vivo, usuarios, correos)");
        out.println("  Configuración         " + base + "/config/");
        out.println("  Pantalla de sala      " + base + "/display.xhtml?unidad=<id de la unidad>");
        out.println("  API (servicios)       " + base + "/api/config/services");
        out.println("  Salud                 " + base + "/health/ready");
        out.println("  Métricas              " + base + "/metrics");
        out.println("  Consola de Payara     http://localhost:" + settings.adminPort()
                + "  (usuario admin, contraseña " + domain.adminPassword() + ", guardada en " + domain.passwordFile() + ")");
        if (embedded != null) {
            out.println("  Administrador         RUT " + settings.get("VENTANILLA_ADMIN_RUT").orElse("11111111-1")
                    + ", contraseña en " + settings.home().resolve("admin-password"));
        }
        out.println("  Base de datos         " + databaseDescription);
        out.println("  Redis                 " + redisDescription);
        out.println("  Correo                " + settings.get("SMTP_HOST").filter(host -> !host.isBlank())
                .map(host -> "SMTP " + host + ":" + settings.get("SMTP_PORT").filter(p -> !p.isBlank()).orElse("25"))
                .orElse("sin SMTP_HOST: los correos esperan en " + base + "/admin/notifications.xhtml"));
        out.println("  Registro del servidor " + domain.serverLog());
        out.println("Ctrl-C detiene todo lo que se inició.");
    }

    @Override
    public void close() {
        domain.stop();
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
