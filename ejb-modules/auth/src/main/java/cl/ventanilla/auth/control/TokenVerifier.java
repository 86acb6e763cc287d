package cl.ventanilla.auth.control;

import static cl.ventanilla.kernel.JsonText.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a Ventanilla token (RS256 JWT) the way MicroProfile JWT does for the REST API, for the screens
 * that carry it in the session cookie: signature with the configured public key, issuer, expiry, and
 * only the RS256 algorithm (a token that names "none" or an HMAC is refused, whatever it claims).
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
    private static final long CLOCK_SKEW_SECONDS = 30;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "https://ventanilla.local")
    String issuer;

    private PublicKey publicKey;
    private Clock clock = Clock.systemUTC();

    @PostConstruct
    void loadKey() {
        publicKeyLocation.filter(l -> !l.isBlank()).ifPresentOrElse(location -> {
            try {
                publicKey = readPublicKey(Files.readString(Path.of(location.replaceFirst("^file:", ""))));
            } catch (IOException | GeneralSecurityException e) {
                LOG.log(Level.SEVERE, "No se pudo leer la clave pública de los tokens en " + location, e);
            }
        }, () -> LOG.warning("Sin MP_JWT_VERIFY_PUBLICKEY_LOCATION: no se aceptan sesiones."));
    }

    /** The token's identity when it is authentic and current; empty otherwise. */
    public Optional<VerifiedToken> verify(String token) {
        if (publicKey == null || token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonObject header = json(parts[0]);
            if (!"RS256".equals(header.getString("alg", ""))) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(publicKey);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            JsonObject claims = json(parts[1]);
            long now = clock.instant().getEpochSecond();
            if (!issuer.equals(claims.getString("iss", "")) || claims.getJsonNumber("exp") == null
                    || claims.getJsonNumber("exp").longValue() + CLOCK_SKEW_SECONDS < now) {
                return Optional.empty();
            }
            List<String> groups = claims.containsKey("groups")
                    ? claims.getJsonArray("groups").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                    : List.of();
            return Optional.of(new VerifiedToken(claims.getString("jti", ""), claims.getString("sub", ""),
                    claims.getString("upn", claims.getString("sub", "")),
                    claims.getString("name", ""), Set.copyOf(groups), Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue())));
        } catch (RuntimeException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** For tests: a verifier with an explicit key, issuer and clock. */
    public static TokenVerifier of(PublicKey key, String issuer, Clock clock) {
        TokenVerifier verifier = new TokenVerifier();
        verifier.publicKey = key;
        verifier.issuer = issuer;
        verifier.clock = clock;
        return verifier;
    }

    static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static JsonObject json(String part) {
        try (JsonReader reader = JSON.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** Who a verified token speaks for, and until when. */
    public record VerifiedToken(String id, String subject, String rut, String name, Set<String> roles, Instant expiresAt) {
    }
}
