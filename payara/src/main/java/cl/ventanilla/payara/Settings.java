package cl.ventanilla.payara;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher was told by the environment (the same variables as the original stack:
 * {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD},
 * {@code REDIS_HOST}, {@code REDIS_PORT}, {@code REDIS_PASSWORD}) plus where to keep its state.
 */
record Settings(Map<String, String> environment, Path home, Path projectRoot, Integer portBase) {

    static final int DEFAULT_HTTP_PORT = 8080;
    static final int DEFAULT_ADMIN_PORT = 4848;
    static final int EMBEDDED_DB_PORT = 5439;

    static Settings fromEnvironment(Path projectRoot) {
        Map<String, String> env = new HashMap<>(System.getenv());
        Path home = Optional.ofNullable(env.get("VENTANILLA_HOME")).filter(v -> !v.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".ventanilla"));
        Integer portBase = Optional.ofNullable(env.get("VENTANILLA_PORT_BASE")).filter(v -> !v.isBlank())
                .map(Integer::valueOf).orElse(null);
        return new Settings(env, home.toAbsolutePath(), projectRoot.toAbsolutePath(), portBase);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    boolean databaseConfigured() {
        return get("DB_HOST").isPresent();
    }

    int httpPort() {
        return portBase == null ? DEFAULT_HTTP_PORT : portBase + 80;
    }

    int adminPort() {
        return portBase == null ? DEFAULT_ADMIN_PORT : portBase + 48;
    }

    Path ear() {
        return get("VENTANILLA_EAR").map(Path::of).orElse(projectRoot.resolve("ear/target/ventanilla.ear"));
    }

    Path payaraZip() {
        return projectRoot.resolve("payara/target/runtime/payara.zip");
    }

    Path jdbcDriver() {
        return projectRoot.resolve("payara/target/runtime/postgresql.jar");
    }

    Path resources() {
        return projectRoot.resolve("payara/src/main/payara/ventanilla-resources.xml");
    }

    Path domainSetup() {
        return projectRoot.resolve("payara/src/main/payara/domain-setup.asadmin");
    }
}
