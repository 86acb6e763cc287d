package cl.ventanilla.auth.control;

import static cl.ventanilla.kernel.JsonText.JSON;

import cl.ventanilla.auth.entity.AuthenticatedUser;
import cl.ventanilla.auth.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the tokens Ventanilla hands out at login: RS256 JWTs that MicroProfile JWT 2.1 accepts
 * ({@code iss}, {@code sub} = account id, {@code upn} and {@code preferred_username} = RUT,
 * {@code groups} = roles, {@code iat}, {@code exp}, {@code jti}). The private key is a PKCS#8 PEM file
 * named by {@code VENTANILLA_JWT_PRIVATE_KEY_LOCATION}; there is no built-in key, and without one no
 * token is issued. Lifetime from {@code JWT_EXPIRATION} ("3600", "30m", "8h", "1d"; 8 hours if unset).
 * Signed with the JDK alone, so nothing but the key decides what a token is worth.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String DEFAULT_ISSUER = "https://ventanilla.local";
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(8);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "ventanilla.jwt.private-key.location")
    Optional<String> privateKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = DEFAULT_ISSUER)
    String issuer;

    @Inject
    @ConfigProperty(name = "jwt.expiration", defaultValue = "8h")
    String expiration;

    Clock clock = Clock.systemUTC();

    private volatile SigningKey signingKey;

    /** For tests and tools: an issuer with an explicit key, issuer, lifetime and clock. */
    public static TokenIssuer of(PrivateKey key, String issuer, Duration validity, Clock clock) {
        TokenIssuer tokens = new TokenIssuer();
        tokens.signingKey = SigningKey.of(key);
        tokens.issuer = issuer;
        tokens.expiration = validity.toSeconds() + "s";
        tokens.clock = clock;
        return tokens;
    }

    /**
     * A signed token for the user, valid from now for the configured lifetime.
     *
     * @throws IllegalStateException when no private key is configured or it cannot be read
     */
    public IssuedToken issue(AuthenticatedUser user) {
        Objects.requireNonNull(user, "user");
        SigningKey key = signingKey();
        Instant issuedAt = clock.instant();
        Instant expiresAt = issuedAt.plus(parseDuration(expiration));
        String id = UUID.randomUUID().toString();
        JsonObject header = JSON.createObjectBuilder()
                .add("alg", "RS256")
                .add("typ", "JWT")
                .add("kid", key.id())
                .build();
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        user.roles().stream().map(Role::name).sorted().forEach(groups::add);
        JsonObject claims = JSON.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", user.id().toString())
                .add("upn", user.rut())
                .add("preferred_username", user.rut())
                .add("name", user.name())
                .add("groups", groups)
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", id)
                .build();
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String token = signingInput + "." + BASE64URL.encodeToString(rs256.sign());
            return new IssuedToken(token, id, Instant.ofEpochSecond(expiresAt.getEpochSecond()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No se pudo firmar el token con la clave de "
                    + privateKeyLocation.orElse("(clave de prueba)") + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a token lifetime as the original stack wrote it: seconds ("3600") or a number with a unit,
     * s, m, h or d ("45s", "30m", "8h", "1d").
     *
     * @throws IllegalArgumentException for anything else, or a zero lifetime
     */
    public static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("JWT_EXPIRATION debe ser segundos (3600) o un número con unidad "
                    + "s, m, h o d (30m, 8h, 1d); se recibió «" + text + "»");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException("JWT_EXPIRATION debe ser mayor que cero; se recibió «" + text + "»");
        }
        return duration;
    }

    private SigningKey signingKey() {
        SigningKey key = signingKey;
        if (key == null) {
            String location = privateKeyLocation.filter(l -> !l.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "No hay clave privada para firmar tokens: defina VENTANILLA_JWT_PRIVATE_KEY_LOCATION "
                            + "(ventanilla.jwt.private-key.location) con la ruta de un archivo PEM PKCS#8."));
            key = SigningKey.read(Path.of(location.replaceFirst("^file:", "")));
            signingKey = key;
        }
        return key;
    }

    private static String encode(JsonObject json) {
        return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A signed token and what its holder needs to know about it.
     *
     * @param token     the compact JWT
     * @param id        its {@code jti}, the handle a logout revokes
     * @param expiresAt its {@code exp}
     */
    public record IssuedToken(String token, String id, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** The private key and its id: the RFC 7638 thumbprint of the matching public key. */
    record SigningKey(PrivateKey privateKey, String id) {

        static SigningKey read(Path pemFile) {
            try {
                String pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
                if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                    throw new IllegalStateException("La clave privada de " + pemFile
                            + " debe ser PEM PKCS#8 (-----BEGIN PRIVATE KEY-----); convierta una clave RSA con "
                            + "`openssl pkcs8 -topk8 -nocrypt`.");
                }
                String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
                PrivateKey key = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
                return of(key);
            } catch (IOException e) {
                throw new IllegalStateException("No se pudo leer la clave privada de los tokens en " + pemFile
                        + ": " + e.getMessage(), e);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("La clave privada de " + pemFile + " no es una clave RSA válida: "
                        + e.getMessage(), e);
            }
        }

        static SigningKey of(PrivateKey key) {
            if (!(key instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalStateException("Los tokens se firman con RS256: se necesita una clave privada RSA");
            }
            String jwk = "{\"e\":\"" + unsigned(rsa.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                    + unsigned(rsa.getModulus()) + "\"}";
            try {
                byte[] thumbprint = MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.US_ASCII));
                return new SigningKey(key, BASE64URL.encodeToString(thumbprint));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String unsigned(BigInteger value) {
            byte[] bytes = value.toByteArray();
            int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
            byte[] magnitude = new byte[bytes.length - start];
            System.arraycopy(bytes, start, magnitude, 0, magnitude.length);
            return BASE64URL.encodeToString(magnitude);
        }
    }
}
