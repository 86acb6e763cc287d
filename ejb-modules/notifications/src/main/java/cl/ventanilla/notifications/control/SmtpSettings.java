package cl.ventanilla.notifications.control;

import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where mail goes out, from the environment or MicroProfile Config: {@code SMTP_HOST} (no host, no
 * sending), {@code SMTP_PORT} (25), {@code SMTP_USER} and {@code SMTP_PASSWORD} (authentication only
 * when a user is set), {@code SMTP_FROM} (by default {@code no-responder@} the host of the public URL).
 * STARTTLS is used when the server offers it; connecting, reading and writing time out after 10 s, so a
 * hung server never holds a lease for long.
 */
public record SmtpSettings(String host, int port, String user, String password, String from) {

    static final int TIMEOUT_MILLIS = 10_000;
    static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";

    /** Read again on every call, so a test or an operator can point the sender elsewhere. */
    public static Optional<SmtpSettings> current() {
        Config config = ConfigProvider.getConfig(SmtpSettings.class.getClassLoader());
        Optional<String> host = config.getOptionalValue("SMTP_HOST", String.class).map(String::trim)
                .filter(h -> !h.isEmpty());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int port = config.getOptionalValue("SMTP_PORT", String.class).map(String::trim).filter(p -> !p.isEmpty())
                .map(Integer::parseInt).orElse(25);
        String user = config.getOptionalValue("SMTP_USER", String.class).filter(u -> !u.isBlank()).orElse(null);
        String password = config.getOptionalValue("SMTP_PASSWORD", String.class).orElse(null);
        return Optional.of(new SmtpSettings(host.get(), port, user, password, from(config)));
    }

    /** The sender's address, also when mail is not configured (the invitations name it as organizer). */
    public static String from(Config config) {
        return config.getOptionalValue("SMTP_FROM", String.class).filter(f -> !f.isBlank()).map(String::trim)
                .orElseGet(() -> "no-responder@" + hostOf(publicUrl(config)));
    }

    public static String publicUrl(Config config) {
        return config.getOptionalValue("ventanilla.public.url", String.class).filter(u -> !u.isBlank())
                .map(String::trim).orElse(DEFAULT_PUBLIC_URL);
    }

    static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null || host.isBlank() ? "localhost" : host;
        } catch (IllegalArgumentException malformed) {
            return "localhost";
        }
    }

    public boolean authenticates() {
        return user != null;
    }

    /** The Jakarta Mail session properties. */
    public Properties properties() {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.auth", String.valueOf(authenticates()));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "false");
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.from", from);
        return p;
    }

    /** Without the password, for logs. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + (user == null ? "" : ", user " + user) + ", from " + from + "]";
    }
}
