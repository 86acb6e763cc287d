package cl.ventanilla.appointments.control;

import cl.ventanilla.appointments.boundary.Challenge;
import cl.ventanilla.appointments.entity.AppointmentException;
import cl.ventanilla.appointments.entity.ProofOfWork;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and checks the booking form's proof-of-work challenges. A token is
 * {@code v1.<id>.<expiry>.<difficulty>.<HMAC-SHA256>}: any instance can check it without asking the
 * others, because the key is the same everywhere: {@code VENTANILLA_CHALLENGE_SECRET} when set,
 * otherwise a random secret generated once and kept in {@code secretos_sistema}. Single use is enforced
 * by the {@link AbuseLedger}.
 */
@ApplicationScoped
public class ChallengeSigner {

    private static final String SECRET_NAME = "desafio_agendamiento";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "ventanilla.challenge-secret")
    Optional<String> configuredSecret;

    @Inject
    @ConfigProperty(name = "ventanilla.challenge.difficulty", defaultValue = "16")
    int difficulty;

    @Inject
    @ConfigProperty(name = "ventanilla.challenge.validity-seconds", defaultValue = "600")
    int validitySeconds;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    private volatile byte[] key;

    /** A checked challenge: its id (what is redeemed) and until when it is valid. */
    public record Ticket(String id, Instant expiresAt) {
    }

    public Challenge issue(Instant now) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String payload = "v1." + HexFormat.of().formatHex(id) + "." + (now.getEpochSecond() + validitySeconds) + "."
                + difficulty;
        return new Challenge(payload + "." + sign(payload), difficulty);
    }

    /**
     * Checks the token's signature, expiry and the nonce's work; the caller still has to redeem it.
     *
     * @throws AppointmentException INVALID with {@code challenge.missing}, {@code challenge.invalid},
     *                              {@code challenge.expired} or {@code challenge.unsolved}
     */
    public Ticket verify(String token, String nonce, Instant now) {
        if (token == null || token.isBlank() || nonce == null || nonce.isBlank()) {
            throw AppointmentException.invalid("challenge.missing");
        }
        String[] parts = token.split("\\.");
        if (parts.length != 5 || !parts[0].equals("v1") || !parts[1].matches("[0-9a-f]{32}")
                || !parts[2].matches("\\d{1,12}") || !parts[3].matches("\\d{1,2}")) {
            throw AppointmentException.invalid("challenge.invalid");
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII))) {
            throw AppointmentException.invalid("challenge.invalid");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        if (!now.isBefore(expiresAt)) {
            throw AppointmentException.invalid("challenge.expired");
        }
        if (!ProofOfWork.solves(token, nonce.strip(), Integer.parseInt(parts[3]))) {
            throw AppointmentException.invalid("challenge.unsolved");
        }
        return new Ticket(parts[1], expiresAt);
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = configuredSecret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                    .orElseGet(this::sharedSecret);
            key = known;
        }
        return known;
    }

    /** The installation's secret, created by whichever instance asks first (the others then read it). */
    private byte[] sharedSecret() {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO secretos_sistema (nombre, valor) VALUES (?, ?) ON CONFLICT (nombre) DO NOTHING")) {
                insert.setString(1, SECRET_NAME);
                insert.setString(2, HexFormat.of().formatHex(candidate));
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT valor FROM secretos_sistema WHERE nombre = ?")) {
                select.setString(1, SECRET_NAME);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return HexFormat.of().parseHex(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the challenge secret could not be read from the database", e);
        }
    }
}
