package cl.ventanilla.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.auth.control.TokenVerifier.TokenRefused;
import cl.ventanilla.auth.entity.AuthenticatedUser;
import cl.ventanilla.auth.entity.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the verifier refuses, each case beside its control: every forged token below differs from an
 * accepted one in one thing only, so each assertion fails if that one check is dropped.
 */
class TokenVerifierTest {

    private static final String ISSUER = "https://ventanilla.test";
    private static final String AUDIENCE = "ventanilla";
    private static final Instant NOW = Instant.parse("2026-03-10T13:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final AuthenticatedUser OPERATOR = new AuthenticatedUser(UUID.randomUUID(), "12345678-5",
            "María Pérez", Set.of(Role.OPERATOR), Set.of(), false);

    private static KeyPair current;
    private static KeyPair previous;
    private static KeyPair stranger;

    @TempDir
    static Path keyDirectory;

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        current = generator.generateKeyPair();
        previous = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
    }

    private static TokenVerifier verifier() {
        return TokenVerifier.of(TokenKeys.of(current.getPrivate()), ISSUER, AUDIENCE, CLOCK);
    }

    /** Claims as Ventanilla writes them, changed by {@code change}, signed RS256 by {@code key} under its kid. */
    private static String token(KeyPair key, Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = claims();
        change.accept(claims);
        return rs256(key, TokenKeys.keyId(key.getPublic()), claims);
    }

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(OPERATOR.id().toString());
        claims.setStringClaim("upn", OPERATOR.rut());
        claims.setStringListClaim("groups", "OPERATOR");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond() - 60));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 3600));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    private static String rs256(KeyPair key, String kid, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(key.getPrivate());
        return jws.getCompactSerialization();
    }

    private static TokenRefused.Reason refusal(TokenVerifier verifier, String token) {
        return assertThrows(TokenRefused.class, () -> verifier.check(token)).reason();
    }

    @Test
    void aTokenAsVentanillaWritesItIsAccepted() throws Exception {
        // the control of every case below
        CallerToken caller = verifier().check(token(current, claims -> { }));
        assertEquals(OPERATOR.rut(), caller.getName());
        assertEquals(Set.of("OPERATOR"), caller.getGroups());
        String issued = TokenIssuer.of(TokenKeys.of(current.getPrivate()), ISSUER, AUDIENCE, Duration.ofHours(8), CLOCK)
                .issue(OPERATOR).token();
        assertEquals(OPERATOR.rut(), verifier().check(issued).getName());
    }

    @Test
    void aPreviousKeyIsAcceptedWhileItIsListedAndRefusedOnceRemoved(@TempDir Path directory) throws Exception {
        Path currentPem = pem(directory.resolve("actual.pem"), "PRIVATE KEY", current.getPrivate().getEncoded());
        Path previousPem = pem(directory.resolve("anterior-publica.pem"), "PUBLIC KEY", previous.getPublic().getEncoded());
        String byThePreviousKey = token(previous, claims -> { });
        String byTheCurrentKey = token(current, claims -> { });

        TokenVerifier listed = configured(currentPem, Optional.of(" file:" + previousPem + " , "));
        assertEquals(OPERATOR.rut(), listed.check(byThePreviousKey).getName());
        assertEquals(OPERATOR.rut(), listed.check(byTheCurrentKey).getName());

        TokenVerifier removed = configured(currentPem, Optional.empty());
        assertEquals(TokenRefused.Reason.INVALID, refusal(removed, byThePreviousKey));
        assertEquals(OPERATOR.rut(), removed.check(byTheCurrentKey).getName());
    }

    @Test
    void theCurrentKeySignsAndThePreviousOnlyVerifies(@TempDir Path directory) throws Exception {
        TokenKeys keys = new TokenKeys();
        keys.privateKeyLocation = Optional.of(pem(directory.resolve("actual.pem"), "PRIVATE KEY",
                current.getPrivate().getEncoded()).toString());
        keys.publicKeyLocation = Optional.empty();
        keys.verificationKeyLocations = Optional.of(pem(directory.resolve("anterior.pem"), "PUBLIC KEY",
                previous.getPublic().getEncoded()).toString());
        assertEquals(TokenKeys.keyId(current.getPublic()), keys.signing().id());
        assertEquals(Set.of(TokenKeys.keyId(current.getPublic()), TokenKeys.keyId(previous.getPublic())),
                keys.verification().keySet());
    }

    @Test
    void anUnknownKidIsRefused() throws Exception {
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), token(stranger, claims -> { })));
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(),
                rs256(current, "otra-clave", claims())), "a kid no key has, though the signature is the current key's");
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), rs256(current, null, claims())), "no kid at all");
    }

    @Test
    void aStrangersSignatureUnderTheCurrentKidIsRefused() throws Exception {
        String forged = rs256(stranger, TokenKeys.keyId(current.getPublic()), claims());
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), forged));
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JsonWebSignature none = new JsonWebSignature();
        none.setPayload(claims().toJson());
        none.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        none.setKeyIdHeaderValue(TokenKeys.keyId(current.getPublic()));
        none.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        String token = none.getCompactSerialization();
        assertTrue(token.endsWith("."), token);
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), token));
    }

    @Test
    void anHmacKeyedWithThePublicKeyIsRefused() throws Exception {
        // the RS/HS confusion: whoever has the public key could sign HS256 with its bytes as the secret
        String kid = TokenKeys.keyId(current.getPublic());
        byte[] der = current.getPublic().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : new byte[][] {der, pem.getBytes(StandardCharsets.US_ASCII)}) {
            String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
            String input = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + base64(claims().toJson().getBytes(StandardCharsets.UTF_8));
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String token = input + "." + base64(hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
            assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), token));
        }
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = token(current, claims -> { }).split("\\.");
        String promoted = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"OPERATOR\"", "\"ADMIN\"");
        assertTrue(promoted.contains("ADMIN"));
        String tampered = parts[0] + "." + base64(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), tampered));
    }

    @Test
    void anExpiredTokenIsRefusedAsExpiredAfterTheClockSkew() throws Exception {
        long skew = TokenVerifier.CLOCK_SKEW_SECONDS;
        String withinSkew = token(current, claims -> claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() - skew + 5)));
        assertEquals(OPERATOR.rut(), verifier().check(withinSkew).getName());
        String expired = token(current, claims -> claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() - skew - 5)));
        assertEquals(TokenRefused.Reason.EXPIRED, refusal(verifier(), expired));
        String noExpiry = token(current, claims -> claims.unsetClaim("exp"));
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), noExpiry));
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {

        private Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aRememberedTokenStillExpiresAndStillWaitsForItsNotBefore() throws Exception {
        MovingClock clock = new MovingClock();
        TokenVerifier verifier = TokenVerifier.of(TokenKeys.of(current.getPrivate()), ISSUER, AUDIENCE, clock);
        long skew = TokenVerifier.CLOCK_SKEW_SECONDS;
        String token = token(current, claims -> {
            claims.setNotBefore(NumericDate.fromSeconds(NOW.getEpochSecond() + skew + 60));
            claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 600));
        });
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier, token), "not yet valid");
        clock.now = NOW.plusSeconds(61);
        CallerToken first = verifier.check(token);
        assertSame(first, verifier.check(token), "the second check is answered from memory");
        clock.now = NOW.plusSeconds(600 + skew - 1);
        assertSame(first, verifier.check(token), "still within exp and the skew");
        clock.now = NOW.plusSeconds(600 + skew + 1);
        assertEquals(TokenRefused.Reason.EXPIRED, refusal(verifier, token), "remembered, yet expired on time");
        clock.now = NOW.plusSeconds(61);
        assertEquals(OPERATOR.rut(), verifier.check(token).getName(), "checked again in full, not from memory");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier, tampered), "another string is checked in full");
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        long skew = TokenVerifier.CLOCK_SKEW_SECONDS;
        String soon = token(current, claims -> claims.setNotBefore(NumericDate.fromSeconds(NOW.getEpochSecond() + skew - 5)));
        assertEquals(OPERATOR.rut(), verifier().check(soon).getName());
        String later = token(current, claims -> claims.setNotBefore(NumericDate.fromSeconds(NOW.getEpochSecond() + skew + 60)));
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), later));
    }

    @Test
    void aTokenIssuedInTheFutureOrWithoutIatIsRefused() throws Exception {
        long skew = TokenVerifier.CLOCK_SKEW_SECONDS;
        String future = token(current, claims -> claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond() + skew + 60)));
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), future));
        String noIat = token(current, claims -> claims.unsetClaim("iat"));
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), noIat));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), token(current, claims -> claims.setIssuer("https://otra.municipalidad"))));
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), token(current, claims -> claims.unsetClaim("iss"))));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), token(current, claims -> claims.setAudience("otra-aplicacion"))));
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), token(current, claims -> claims.unsetClaim("aud"))));
        String several = token(current, claims -> claims.setAudience("otra-aplicacion", AUDIENCE));
        assertEquals(OPERATOR.rut(), verifier().check(several).getName(), "one of its audiences is ours");
    }

    @Test
    void aTokenWithoutJtiOrSubjectIsRefused() throws Exception {
        // without a jti a logout could not revoke it; without a subject it names no account
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), token(current, claims -> claims.unsetClaim("jti"))));
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), token(current, claims -> claims.unsetClaim("sub"))));
    }

    @Test
    void garbageIsRefused() {
        for (String garbage : new String[] {"", "abc", "a.b.c", "..", "Bearer x"}) {
            assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), garbage), garbage);
        }
        assertEquals(TokenRefused.Reason.INVALID, refusal(verifier(), null));
        assertTrue(verifier().verify("a.b.c").isEmpty());
    }

    private static TokenVerifier configured(Path privateKey, Optional<String> verificationKeys) {
        TokenKeys keys = new TokenKeys();
        keys.privateKeyLocation = Optional.of(privateKey.toString());
        keys.publicKeyLocation = Optional.empty();
        keys.verificationKeyLocations = verificationKeys;
        return TokenVerifier.of(keys, ISSUER, AUDIENCE, CLOCK);
    }

    private static Path pem(Path file, String type, byte[] der) throws Exception {
        return Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n");
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
