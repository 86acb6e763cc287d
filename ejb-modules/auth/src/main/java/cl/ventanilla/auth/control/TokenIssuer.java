package cl.ventanilla.auth.control;

import cl.ventanilla.auth.entity.AuthenticatedUser;
import cl.ventanilla.auth.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs the tokens Ventanilla hands out at login with jose4j: RS256 JWTs with the MicroProfile JWT 2.1
 * claims ({@code iss}, {@code aud}, {@code sub} = account id, {@code upn} and {@code preferred_username} =
 * RUT, {@code groups} = roles, {@code iat}, {@code exp}, {@code jti}) and the signing key's id in the
 * header ({@code kid}, see {@link TokenKeys}). Without a private key no token is issued. Lifetime from
 * {@code JWT_EXPIRATION} ("3600", "30m", "8h", "1d"; 8 hours if unset).
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String DEFAULT_ISSUER = "https://ventanilla.local";
    /** The audience written into and required of tokens unless {@code MP_JWT_VERIFY_AUDIENCES} says another. */
    public static final String DEFAULT_AUDIENCE = "ventanilla";
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(8);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");

    @Inject
    TokenKeys keys;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = DEFAULT_ISSUER)
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = DEFAULT_AUDIENCE)
    String audiences;

    @Inject
    @ConfigProperty(name = "jwt.expiration", defaultValue = "8h")
    String expiration;

    Clock clock = Clock.systemUTC();

    /** For tests and tools: an issuer with an explicit key, issuer, lifetime and clock. */
    public static TokenIssuer of(PrivateKey key, String issuer, Duration validity, Clock clock) {
        return of(TokenKeys.of(key), issuer, DEFAULT_AUDIENCE, validity, clock);
    }

    /** For tests and tools: an issuer with explicit keys, issuer, audience, lifetime and clock. */
    public static TokenIssuer of(TokenKeys keys, String issuer, String audience, Duration validity, Clock clock) {
        TokenIssuer tokens = new TokenIssuer();
        tokens.keys = keys;
        tokens.issuer = issuer;
        tokens.audiences = audience;
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
        TokenKeys.SigningKey key = keys.signing();
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = issuedAt.plus(parseDuration(expiration));
        String id = UUID.randomUUID().toString();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(TokenVerifier.audiences(audiences).get(0));
        claims.setSubject(user.id().toString());
        claims.setStringClaim("upn", user.rut());
        claims.setStringClaim("preferred_username", user.rut());
        claims.setStringClaim("name", user.name());
        claims.setStringListClaim("groups", user.roles().stream().map(Role::name).sorted().toList());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setJwtId(id);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(key.id());
        jws.setKey(key.privateKey());
        try {
            return new IssuedToken(jws.getCompactSerialization(), id, expiresAt);
        } catch (JoseException e) {
            throw new IllegalStateException("No se pudo firmar el token con la clave " + key.id() + ": " + e.getMessage(), e);
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
}
