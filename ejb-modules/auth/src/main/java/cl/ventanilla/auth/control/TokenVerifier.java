package cl.ventanilla.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Key;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Checks a Ventanilla token with jose4j, for the API (bearer) and the screens (session cookie): an RS256
 * signature (no other algorithm, so neither "none" nor an HMAC keyed with the public key) by a key named
 * in the header's {@code kid} among {@link TokenKeys#verification()}; the issuer, the audience, an
 * {@code exp}, an {@code iat} not in the future, {@code nbf} when present, a subject and a {@code jti},
 * with {@value #CLOCK_SKEW_SECONDS} seconds of tolerance between the instances' clocks.
 *
 * <p>A token that passed is remembered until its {@code exp} (at most {@value #REMEMBERED} of them): the
 * next request with it skips the signature and the parsing, which were a tenth of an authenticated
 * request's CPU. Only the clock is checked again, so a remembered token still expires on time; a logout
 * is not this class's business (the revoked ids are checked on every request by {@code OpenSessions}).
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
    static final int CLOCK_SKEW_SECONDS = 30;

    @Inject
    TokenKeys keys;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = TokenIssuer.DEFAULT_ISSUER)
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = TokenIssuer.DEFAULT_AUDIENCE)
    String audiences;

    static final int REMEMBERED = 20_000;

    Clock clock = Clock.systemUTC();

    /** Tokens that passed every check, with the window of time in which they stay valid. */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(CallerToken caller, long notBeforeMillis, long expiresMillis) {

        boolean validAt(long millis) {
            return millis >= notBeforeMillis && millis <= expiresMillis;
        }
    }

    /** For tests and tools: a verifier with explicit keys, issuer, audience and clock. */
    public static TokenVerifier of(TokenKeys keys, String issuer, String audience, Clock clock) {
        TokenVerifier verifier = new TokenVerifier();
        verifier.keys = keys;
        verifier.issuer = issuer;
        verifier.audiences = audience;
        verifier.clock = clock;
        return verifier;
    }

    /** The token's caller when it is authentic and current; empty otherwise. */
    public Optional<CallerToken> verify(String token) {
        try {
            return Optional.of(check(token));
        } catch (TokenRefused refused) {
            return Optional.empty();
        }
    }

    /**
     * The token's caller.
     *
     * @throws TokenRefused saying whether the token merely expired or is not to be trusted at all
     */
    public CallerToken check(String token) throws TokenRefused {
        if (token == null || token.isBlank()) {
            throw new TokenRefused(TokenRefused.Reason.INVALID, "no token");
        }
        long now = clock.millis();
        Verified known = verified.get(token);
        if (known != null && known.validAt(now)) {
            return known.caller();
        }
        try {
            JwtContext context = consumer().process(token);
            CallerToken caller = new CallerToken(token, context.getJwtClaims().getClaimsMap());
            remember(token, caller, context, now);
            return caller;
        } catch (InvalidJwtException invalid) {
            verified.remove(token);
            LOG.log(Level.FINE, "Token rechazado: {0}", invalid.getMessage());
            throw new TokenRefused(invalid.hasExpired() ? TokenRefused.Reason.EXPIRED : TokenRefused.Reason.INVALID,
                    invalid.getMessage());
        }
    }

    /** Keeps an accepted token until its {@code exp} plus the skew, the same window the full check allows. */
    private void remember(String token, CallerToken caller, JwtContext context, long now) {
        try {
            long skew = CLOCK_SKEW_SECONDS * 1000L;
            NumericDate notBefore = context.getJwtClaims().getNotBefore();
            long from = notBefore == null ? Long.MIN_VALUE : notBefore.getValueInMillis() - skew;
            long until = context.getJwtClaims().getExpirationTime().getValueInMillis() + skew;
            if (verified.size() >= REMEMBERED) {
                verified.values().removeIf(v -> !v.validAt(now));
                if (verified.size() >= REMEMBERED) {
                    verified.clear();
                }
            }
            verified.put(token, new Verified(caller, from, until));
        } catch (MalformedClaimException unreadable) {
            LOG.log(Level.FINE, "Token sin fechas legibles: no se recuerda", unreadable);
        }
    }

    private JwtConsumer consumer() {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(this::keyNamedByTheToken)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audiences(audiences).toArray(String[]::new))
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(CLOCK_SKEW_SECONDS, Integer.MAX_VALUE)
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
    }

    private Key keyNamedByTheToken(JsonWebSignature jws, List<JsonWebStructure> nesting) throws UnresolvableKeyException {
        String id = jws.getKeyIdHeaderValue();
        Key key = id == null ? null : keys.verification().get(id);
        if (key == null) {
            throw new UnresolvableKeyException("Clave de token desconocida (kid " + id + ")");
        }
        return key;
    }

    /** {@code MP_JWT_VERIFY_AUDIENCES}: comma-separated; the first is written into new tokens. */
    static List<String> audiences(String list) {
        List<String> audiences = Arrays.stream(list == null ? new String[0] : list.split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).toList();
        return audiences.isEmpty() ? List.of(TokenIssuer.DEFAULT_AUDIENCE) : audiences;
    }

    /** A token that does not open anything, and whether it only expired. */
    public static class TokenRefused extends Exception {

        private static final long serialVersionUID = 1L;

        /** Why, as a problem {@code code} of the API. */
        public enum Reason {
            EXPIRED("auth.tokenExpired"), INVALID("auth.tokenInvalid");

            private final String code;

            Reason(String code) {
                this.code = code;
            }

            public String code() {
                return code;
            }
        }

        private final Reason reason;

        public TokenRefused(Reason reason, String detail) {
            super(reason.code() + ": " + detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
