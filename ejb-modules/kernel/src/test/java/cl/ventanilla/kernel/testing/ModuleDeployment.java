package cl.ventanilla.kernel.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The WAR a domain module's Arquillian tests run in on Payara Micro: the domain's classes and the
 * kernel's, the domain's persistence unit and EJB descriptor, every migration of the schema (each
 * module is tested on the whole schema, as in production) and the demo municipality, the message
 * bundles in Spanish and English, the libraries the EAR's {@code lib/} gives the modules, and
 * {@link Race} for the tests' races. The database named by {@code DB_NAME} is created anew first.
 */
public final class ModuleDeployment {

    private static final String MIGRATIONS = "db/migration/";
    private static final List<String> LIBRARIES = List.of("org.hibernate.orm:hibernate-core",
            "org.flywaydb:flyway-core", "org.flywaydb:flyway-database-postgresql", "redis.clients:jedis");

    private ModuleDeployment() {
    }

    /**
     * @param name          the WAR's name ({@code queue-it.war})
     * @param domainPackage the domain's root package ({@code cl.ventanilla.queue}); its
     *                      {@code Messages} bundle is added when it has one
     * @param libraries     further Maven coordinates (with their dependencies) the domain needs
     */
    public static WebArchive of(String name, String domainPackage, String... libraries) {
        TestDatabase.recreate();
        List<String> wanted = Stream.concat(LIBRARIES.stream(), Stream.of(libraries)).toList();
        File[] resolved = Maven.resolver().loadPomFromFile("pom.xml").resolve(wanted).withTransitivity().asFile();
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addPackages(true, domainPackage, "cl.ventanilla.kernel")
                .deletePackage(TestDatabase.class.getPackageName())
                .addClass(TestDatabase.class)
                .addClass(Race.class)
                .addAsResource("db/demo/datos_demo.sql")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(resolved);
        if (exists("META-INF/persistence.xml")) {
            war.addAsResource("META-INF/persistence.xml");
        }
        if (exists("META-INF/ejb-jar.xml")) {
            war.addAsWebInfResource("META-INF/ejb-jar.xml", "ejb-jar.xml");
        }
        migrations().forEach(migration -> war.addAsResource(MIGRATIONS + migration));
        String domainBundle = domainPackage.replace('.', '/') + "/Messages";
        for (String bundle : List.of("cl/ventanilla/kernel/Messages", domainBundle, "ContributorValidationMessages")) {
            for (String suffix : List.of("", "_es", "_en")) {
                if (exists(bundle + suffix + ".properties")) {
                    war.addAsResource(bundle + suffix + ".properties");
                }
            }
        }
        return war;
    }

    /** The kernel's migration scripts by name, from its classes directory or its jar. */
    static List<String> migrations() {
        URL first = resource(MIGRATIONS + "V1__esquema_inicial.sql");
        try {
            if ("jar".equals(first.getProtocol())) {
                try (JarFile jar = ((JarURLConnection) first.openConnection()).getJarFile()) {
                    return jar.stream().map(entry -> entry.getName())
                            .filter(entry -> entry.startsWith(MIGRATIONS) && entry.endsWith(".sql"))
                            .map(entry -> entry.substring(MIGRATIONS.length())).sorted().toList();
                }
            }
            try (Stream<Path> files = Files.list(Path.of(first.toURI()).getParent())) {
                return files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".sql"))
                        .sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean exists(String resource) {
        return Thread.currentThread().getContextClassLoader().getResource(resource) != null;
    }

    private static URL resource(String resource) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("not on the test class path: " + resource);
        }
        return url;
    }
}
