package cl.ventanilla.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.auth.control.TokenIssuer.IssuedToken;
import cl.ventanilla.auth.entity.AuthenticatedUser;
import cl.ventanilla.auth.entity.Role;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenIssuerTest {

    private static final String ISSUER = "https://ventanilla.test";
    private static final Instant NOW = Instant.parse("2026-03-10T13:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final AuthenticatedUser OPERATOR = new AuthenticatedUser(UUID.randomUUID(), "12345678-5",
            "María Pérez", Set.of(Role.SUPERVISOR, Role.OPERATOR), Set.of(UUID.randomUUID()), false);

    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    private static TokenIssuer issuer(Duration validity) {
        return TokenIssuer.of(keys.getPrivate(), ISSUER, validity, CLOCK);
    }

    private static TokenVerifier verifier(String issuer, Clock clock) {
        return TokenVerifier.of(TokenKeys.of(keys.getPrivate()), issuer, TokenIssuer.DEFAULT_AUDIENCE, clock);
    }

    @Test
    void theVerifierOfTheScreensAcceptsTheToken() {
        IssuedToken issued = issuer(Duration.ofHours(8)).issue(OPERATOR);
        CallerToken verified = verifier(ISSUER, CLOCK).verify(issued.token()).orElseThrow();
        assertEquals(issued.id(), verified.getTokenID());
        assertEquals("12345678-5", verified.getName());
        assertEquals("María Pérez", verified.fullName());
        assertEquals("María Pérez", verified.<String>getClaim("name"));
        assertEquals(Set.of("SUPERVISOR", "OPERATOR"), verified.getGroups());
        assertEquals(OPERATOR.id().toString(), verified.getSubject());
        assertEquals(ISSUER, verified.getIssuer());
        assertEquals(Set.of("ventanilla"), verified.getAudience());
        assertEquals(NOW.getEpochSecond(), verified.getIssuedAtTime());
        assertEquals(issued.token(), verified.getRawToken());
        assertFalse(verified.toString().contains(issued.token()), "the token itself is never printed");
        assertEquals(NOW.plus(Duration.ofHours(8)), verified.expiresAt());
        assertEquals(NOW.plus(Duration.ofHours(8)), issued.expiresAt());
    }

    @Test
    void theHeaderNamesRs256AndTheKey() {
        JsonObject header = part(issuer(Duration.ofHours(1)).issue(OPERATOR).token(), 0);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("JWT", header.getString("typ"));
        assertTrue(header.getString("kid").matches("[A-Za-z0-9_-]{43}"), header.toString());
        assertEquals(TokenKeys.keyId(keys.getPublic()), header.getString("kid"), "the RFC 7638 thumbprint");
        assertEquals(header.getString("kid"), part(issuer(Duration.ofHours(1)).issue(OPERATOR).token(), 0).getString("kid"),
                "the key id depends on the key only");
    }

    @Test
    void theClaimsAreThoseMicroProfileJwtReads() {
        IssuedToken issued = issuer(Duration.ofMinutes(30)).issue(OPERATOR);
        JsonObject claims = part(issued.token(), 1);
        assertEquals(ISSUER, claims.getString("iss"));
        assertEquals("ventanilla", claims.getString("aud"));
        assertEquals(OPERATOR.id().toString(), claims.getString("sub"));
        assertEquals("12345678-5", claims.getString("upn"));
        assertEquals("12345678-5", claims.getString("preferred_username"));
        assertEquals("María Pérez", claims.getString("name"));
        assertEquals(List.of("OPERATOR", "SUPERVISOR"),
                claims.getJsonArray("groups").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals(NOW.getEpochSecond(), claims.getJsonNumber("iat").longValue());
        assertEquals(NOW.getEpochSecond() + 1800, claims.getJsonNumber("exp").longValue());
        assertEquals(issued.id(), claims.getString("jti"));
        assertEquals(issued.id(), UUID.fromString(issued.id()).toString());
        assertFalse(issued.toString().contains(issued.token()), "the token itself is never printed");
    }

    @Test
    void everyTokenHasItsOwnId() {
        TokenIssuer tokens = issuer(Duration.ofHours(1));
        assertFalse(tokens.issue(OPERATOR).id().equals(tokens.issue(OPERATOR).id()));
    }

    @Test
    void theSignatureIsRs256OverHeaderAndPayload() throws GeneralSecurityException {
        String token = issuer(Duration.ofHours(1)).issue(OPERATOR).token();
        assertTrue(signatureMatches(token, keys.getPublic()));
        assertFalse(signatureMatches(token, otherKeys.getPublic()));
    }

    @Test
    void aTamperedPayloadFailsVerification() throws GeneralSecurityException {
        String token = issuer(Duration.ofHours(1)).issue(OPERATOR).token();
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"OPERATOR\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertTrue(claims.contains("ADMIN"));
        assertFalse(signatureMatches(tampered, keys.getPublic()));
        assertTrue(verifier(ISSUER, CLOCK).verify(tampered).isEmpty());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String foreign = TokenIssuer.of(otherKeys.getPrivate(), ISSUER, Duration.ofHours(1), CLOCK).issue(OPERATOR).token();
        assertTrue(verifier(ISSUER, CLOCK).verify(foreign).isEmpty());
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = issuer(Duration.ofMinutes(30)).issue(OPERATOR).token();
        Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(32)), ZoneOffset.UTC);
        assertTrue(verifier(ISSUER, CLOCK).verify(token).isPresent());
        assertTrue(verifier(ISSUER, later).verify(token).isEmpty());
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String token = TokenIssuer.of(keys.getPrivate(), "https://otra.municipalidad", Duration.ofHours(1), CLOCK)
                .issue(OPERATOR).token();
        assertTrue(verifier(ISSUER, CLOCK).verify(token).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"3600, PT1H", "30m, PT30M", "8h, PT8H", "1d, PT24H", "45s, PT45S", "' 8H ', PT8H", "90 m, PT1H30M"})
    void readsTheLifetimeAsTheOriginalStackWroteIt(String text, Duration expected) {
        assertEquals(expected, TokenIssuer.parseDuration(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "0h", "-1", "1.5h", "8x", "h", "8 hours", "PT8H"})
    void refusesAnyOtherLifetime(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TokenIssuer.parseDuration(text));
        assertTrue(error.getMessage().startsWith("JWT_EXPIRATION"), error.getMessage());
    }

    @Test
    void theLifetimeComesFromJwtExpirationAndDefaultsToEightHours() throws Exception {
        TokenIssuer configured = unconfigured();
        configured.keys.privateKeyLocation = Optional.of(pemFile(keys).toString());
        long lifetime = lifetime(configured.issue(OPERATOR).token());
        assertEquals(Duration.ofHours(8).toSeconds(), lifetime);
        assertEquals(TokenIssuer.DEFAULT_VALIDITY.toSeconds(), lifetime);
        configured.expiration = "1d";
        assertEquals(Duration.ofDays(1).toSeconds(), lifetime(configured.issue(OPERATOR).token()));
    }

    @Test
    void withoutAKeyNoTokenIsIssued() {
        TokenIssuer tokens = unconfigured();
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> tokens.issue(OPERATOR));
        assertTrue(error.getMessage().contains("VENTANILLA_JWT_PRIVATE_KEY_LOCATION"), error.getMessage());
        tokens.keys.privateKeyLocation = Optional.of(" ");
        assertThrows(IllegalStateException.class, () -> tokens.issue(OPERATOR));
    }

    @Test
    void readsAPkcs8PemFileNamedWithOrWithoutFileScheme() throws Exception {
        TokenIssuer tokens = unconfigured();
        tokens.keys.privateKeyLocation = Optional.of("file:" + pemFile(keys));
        String token = tokens.issue(OPERATOR).token();
        assertTrue(verifier(TokenIssuer.DEFAULT_ISSUER, CLOCK).verify(token).isPresent());
    }

    @Test
    void explainsAMissingOrWrongKeyFile(@TempDir Path directory) throws Exception {
        TokenIssuer missing = unconfigured();
        missing.keys.privateKeyLocation = Optional.of(directory.resolve("no-existe.pem").toString());
        assertTrue(assertThrows(IllegalStateException.class, () -> missing.issue(OPERATOR)).getMessage()
                .contains("no-existe.pem"));
        Path traditional = Files.writeString(directory.resolve("rsa.pem"),
                "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        TokenIssuer wrongFormat = unconfigured();
        wrongFormat.keys.privateKeyLocation = Optional.of(traditional.toString());
        assertTrue(assertThrows(IllegalStateException.class, () -> wrongFormat.issue(OPERATOR)).getMessage()
                .contains("PKCS#8"));
    }

    @TempDir
    static Path keyDirectory;

    private static Path pemFile(KeyPair pair) throws Exception {
        Path file = keyDirectory.resolve("jwt-private.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    private static TokenIssuer unconfigured() {
        TokenIssuer tokens = new TokenIssuer();
        tokens.keys = new TokenKeys();
        tokens.keys.privateKeyLocation = Optional.empty();
        tokens.keys.publicKeyLocation = Optional.empty();
        tokens.keys.verificationKeyLocations = Optional.empty();
        tokens.issuer = TokenIssuer.DEFAULT_ISSUER;
        tokens.audiences = TokenIssuer.DEFAULT_AUDIENCE;
        tokens.expiration = "8h";
        tokens.clock = CLOCK;
        return tokens;
    }

    private static long lifetime(String token) {
        JsonObject claims = part(token, 1);
        return claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue();
    }

    private static boolean signatureMatches(String token, PublicKey key) throws GeneralSecurityException {
        String[] parts = token.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static JsonObject part(String token, int index) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
