package cl.ventanilla.notifications.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mail templates kept as resources of this module, {@code cl/ventanilla/notifications/templates/}:
 * {@code <name>_<lang>.html} and {@code .txt} per mail, the frame {@code layout_<lang>.html|txt} every
 * mail is put in, and {@code subjects_<lang>.properties}. Read once and kept.
 */
public final class MailTemplates {

    static final String FOLDER = "/cl/ventanilla/notifications/templates/";

    /** Every template file, for whoever must package them (the integration test's archive). */
    public static final String[] NAMES = {"layout", "confirmacion", "cambio", "cancelacion", "cierre",
            "recordatorio", "restablecimiento"};

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private MailTemplates() {
    }

    public static String html(String name, String language) {
        return load(name + "_" + language + ".html");
    }

    public static String text(String name, String language) {
        return load(name + "_" + language + ".txt");
    }

    public static String subject(String name, String language) {
        Properties subjects = new Properties();
        try {
            subjects.load(new StringReader(load("subjects_" + language + ".properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String subject = subjects.getProperty(name);
        if (subject == null) {
            throw new IllegalStateException("no subject for " + name + " in " + language);
        }
        return subject;
    }

    private static String load(String file) {
        return CACHE.computeIfAbsent(file, f -> {
            try (InputStream in = MailTemplates.class.getResourceAsStream(FOLDER + f)) {
                if (in == null) {
                    throw new IllegalStateException("missing mail template " + FOLDER + f);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
