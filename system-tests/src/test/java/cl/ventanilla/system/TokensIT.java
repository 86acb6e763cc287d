package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.HashUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only tokens Ventanilla signed, unchanged and current, open the API and the screens; a logout at
 * /auth/ ends the session for every screen and for the API. Every refused bearer token gets a 401
 * problem in the caller's language saying whether it is not to be trusted, expired or ended; each forged
 * token differs from an accepted one ({@link #theSameClaimsSignedWithVentanillasKeyAreAccepted}) in one
 * thing only. The server started with a previous key listed in {@code VENTANILLA_JWT_VERIFICATION_KEYS}
 * ({@link #previousKey}).
 */
class TokensIT extends SystemTest {

    static String adminToken;


    @BeforeAll
    static void signIn() throws Exception {
        adminToken = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
    }

    @Test
    void aGoodTokenOpensTheAdministratorsEndpoints() throws Exception {
        assertEquals(200, users(adminToken));
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String operator = Accounts.ready(server, adminToken, "OPERATOR");
        assertEquals(403, users(operator));
        String[] parts = operator.split("\\.");
        JsonObject claims = decode(parts[1]);
        JsonObjectBuilder promoted = Json.createObjectBuilder(claims).add("groups", Json.createArrayBuilder().add("ADMIN"));
        String forged = parts[0] + "." + encode(promoted.build().toString()) + "." + parts[2];
        assertEquals(401, users(forged));
        assertEquals(302, page("/admin/", forged), "a forged session cookie sends to the login");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        PrivateKey stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String token = sign(stranger, claims(Instant.now().plusSeconds(600)));
        assertEquals(401, users(token));
        assertEquals(302, page("/config/", token));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = sign(ventanillaKey(), claims(Instant.now().minusSeconds(3600)));
        assertEquals(401, users(token));
        assertEquals(302, page("/admin/", token));
    }

    @Test
    void theSameClaimsSignedWithVentanillasKeyAreAccepted() throws Exception {
        // the control case for the two tests above: only the key or the expiry made the difference
        String token = sign(ventanillaKey(), claims(Instant.now().plusSeconds(600)));
        assertEquals(200, users(token));
        assertEquals(200, page("/admin/", token));
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        String token = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims(Instant.now().plusSeconds(600)).toString()) + ".";
        assertEquals(401, users(token));
        assertEquals(302, page("/admin/", token));
    }

    @Test
    void signingOutEndsTheSessionEverywhere() throws Exception {
        String token = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        assertEquals(200, page("/admin/", token));
        assertEquals(200, page("/config/", token));
        HttpResponse<String> out = server.get("/auth/logout", "Cookie", "VENTANILLA_SESION=" + token);
        assertEquals(302, out.statusCode());
        assertTrue(out.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("VENTANILLA_SESION=;")),
                "the cookie is removed");
        assertEquals(302, page("/admin/", token), "the admin console no longer accepts it");
        assertEquals(302, page("/config/", token), "nor the configuration");
        assertEquals(401, users(token), "nor the API");
    }

    @Test
    void aPasswordTheAdministratorChoseOpensOnlyThePasswordChange() throws Exception {
        String rut = Accounts.create(server, adminToken, "OPERATOR");
        String first = Accounts.signIn(server, rut, Accounts.PASSWORD);
        HttpResponse<String> console = server.get("/admin/", "Cookie", "VENTANILLA_SESION=" + first);
        assertEquals(302, console.statusCode());
        assertTrue(console.headers().firstValue("Location").orElse("").contains("/auth/cambiar-clave.xhtml?next=%2Fadmin%2F"),
                console.headers().toString());
        assertEquals(200, page("/auth/cambiar-clave.xhtml", first));
    }

    @Test
    void deactivatingAnAccountShutsOutItsTokensAtOnce() throws Exception {
        String supervisor = Accounts.ready(server, adminToken, "SUPERVISOR");
        String rut = Database.string("SELECT rut FROM usuarios WHERE nombre = 'Prueba SUPERVISOR' ORDER BY fecha_creacion DESC LIMIT 1");
        assertEquals(200, server.get("/api/auth/me", "Authorization", "Bearer " + supervisor).statusCode());
        assertEquals(200, page("/admin/", supervisor));
        String id = Database.string("SELECT id::text FROM usuarios WHERE rut = '" + rut + "'");
        assertEquals(200, server.send("POST", "/api/auth/users/" + id + "/deactivate", "",
                "Authorization", "Bearer " + adminToken).statusCode());
        assertEquals(401, server.get("/api/auth/me", "Authorization", "Bearer " + supervisor).statusCode());
        assertEquals(302, page("/admin/", supervisor));
    }

    @Test
    void aPreviousKeyStillListedIsAccepted() throws Exception {
        Path previous = previousKey(Path.of(System.getProperty("ventanilla.home")));
        PrivateKey key = privateKey(previous.resolveSibling("jwt-anterior-privada.pem"));
        String token = sign(key, claims(Instant.now().plusSeconds(600)));
        assertEquals(200, users(token), "signed before the rotation, listed in VENTANILLA_JWT_VERIFICATION_KEYS");
        assertEquals(200, page("/admin/", token));
    }

    @Test
    void refusedTokensGetAProblemSayingWhyInSpanishOrEnglish() throws Exception {
        // each differs from theSameClaimsSignedWithVentanillasKeyAreAccepted in one thing
        refused(sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate(),
                claims(Instant.now().plusSeconds(600))), "auth.tokenInvalid");
        String[] good = ventanillas(claims -> claims).split("\\.");
        String promoted = encode(Json.createObjectBuilder(decode(good[1]))
                .add("groups", Json.createArrayBuilder().add("ADMIN").add("SUPERVISOR")).build().toString());
        refused(good[0] + "." + promoted + "." + good[2], "auth.tokenInvalid");
        refused(ventanillas(claims -> claims.add("iss", "https://otra.municipalidad.cl")), "auth.tokenInvalid");
        refused(ventanillas(claims -> claims.add("aud", "otra-aplicacion")), "auth.tokenInvalid");
        refused(ventanillas(claims -> claims.add("nbf", Instant.now().plusSeconds(3600).getEpochSecond())), "auth.tokenInvalid");
        refused(ventanillas(claims -> claims.add("exp", Instant.now().minusSeconds(600).getEpochSecond())), "auth.tokenExpired");
        refused("esto.no.es-un-token", "auth.tokenInvalid");
    }

    @Test
    void aKidNoKeyHasIsRefused() throws Exception {
        String token = ventanillas(claims -> claims);
        String[] parts = token.split("\\.");
        JsonObject header = Json.createObjectBuilder(decode(parts[0])).add("kid", "clave-retirada").build();
        // the signature stays Ventanilla's: only the kid names no key the server holds
        refused(encode(header.toString()) + "." + parts[1] + "." + parts[2], "auth.tokenInvalid");
    }

    @Test
    void noneAndAnHmacKeyedWithThePublicKeyAreRefused() throws Exception {
        String kid = kid(ventanillaKey());
        String payload = encode(claims(Instant.now().plusSeconds(600)).toString());
        refused(encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + payload + ".", "auth.tokenInvalid");
        byte[] publicPem = Files.readAllBytes(Path.of(System.getProperty("ventanilla.home"), "keys/jwt-public.pem"));
        String input = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + payload;
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(publicPem, "HmacSHA256"));
        String confused = input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        refused(confused, "auth.tokenInvalid");
    }

    @Test
    void aTokenAfterItsLogoutSaysTheSessionEnded() throws Exception {
        String token = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        assertEquals(200, users(token));
        assertEquals(204, server.send("POST", "/api/auth/logout", "", "Authorization", "Bearer " + token).statusCode());
        refused(token, "auth.sessionEnded");
    }

    private static int users(String token) throws Exception {
        return server.get("/api/auth/users", "Authorization", "Bearer " + token).statusCode();
    }

    private static int page(String path, String token) throws Exception {
        return server.get(path, "Cookie", "VENTANILLA_SESION=" + token).statusCode();
    }

    /** Claims of the demo administrator, as Ventanilla would write them. */
    private static JsonObject claims(Instant expiry) throws Exception {
        return Json.createObjectBuilder()
                .add("iss", "https://ventanilla.local")
                .add("aud", "ventanilla")
                .add("sub", Database.string("SELECT id::text FROM usuarios WHERE rut = '" + Accounts.ADMIN_RUT + "'"))
                .add("upn", Accounts.ADMIN_RUT)
                .add("preferred_username", Accounts.ADMIN_RUT)
                .add("groups", Json.createArrayBuilder().add("ADMIN"))
                .add("jti", UUID.randomUUID().toString())
                .add("iat", expiry.minusSeconds(7200).getEpochSecond())
                .add("exp", expiry.getEpochSecond())
                .build();
    }

    private static PrivateKey ventanillaKey() throws Exception {
        return privateKey(Path.of(System.getProperty("ventanilla.home"), "keys/jwt-private.pem"));
    }

    private static PrivateKey privateKey(Path file) throws Exception {
        String base64 = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /**
     * The public half of a key pair made for the tests under the server's home, as if it had signed before
     * a rotation; its private half stays beside it for {@link #aPreviousKeyStillListedIsAccepted}.
     */
    static Path previousKey(Path home) throws Exception {
        Path privateKey = home.resolve("keys/jwt-anterior-privada.pem");
        Path publicKey = home.resolve("keys/jwt-anterior-publica.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            Files.createDirectories(privateKey.getParent());
            KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        return publicKey;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The key's id as Ventanilla names it: the RFC 7638 thumbprint of its public key. */
    private static String kid(PrivateKey key) throws Exception {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        return new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    /** RS256 with the key's id in the header, as Ventanilla signs. */
    private static String sign(PrivateKey key, JsonObject claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toString());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(kid(key));
        jws.setKey(key);
        return jws.getCompactSerialization();
    }

    /** The demo administrator's claims for ten more minutes, changed by {@code change}, signed by Ventanilla. */
    private static String ventanillas(UnaryOperator<JsonObjectBuilder> change) throws Exception {
        return sign(ventanillaKey(), change.apply(Json.createObjectBuilder(claims(Instant.now().plusSeconds(600)))).build());
    }

    /** The API's answer to a bearer token, asked in Spanish (no Accept-Language) and in English. */
    private static void refused(String token, String code) throws Exception {
        HttpResponse<String> spanish = server.get("/api/auth/users", "Authorization", "Bearer " + token);
        HttpResponse<String> english = server.get("/api/auth/users", "Authorization", "Bearer " + token,
                "Accept-Language", "en");
        for (HttpResponse<String> answer : java.util.List.of(spanish, english)) {
            assertEquals(401, answer.statusCode(), answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    answer.headers().toString());
            assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), answer.headers().toString());
            JsonObject problem = VentanillaServer.json(answer.body()).asJsonObject();
            assertEquals(code, problem.getString("code"), answer.body());
            assertEquals(401, problem.getInt("status"));
        }
        String detail = VentanillaServer.json(spanish.body()).asJsonObject().getString("detail");
        String detailEn = VentanillaServer.json(english.body()).asJsonObject().getString("detail");
        assertTrue(detail.contains("Inicie sesión nuevamente"), detail);
        assertTrue(detailEn.contains("Please sign in again"), detailEn);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject decode(String part) {
        return VentanillaServer.json(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)).asJsonObject();
    }
}
