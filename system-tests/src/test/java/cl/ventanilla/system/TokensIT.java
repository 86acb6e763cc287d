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
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only tokens Ventanilla signed, unchanged and current, open the API and the screens; a logout at
 * /auth/ ends the session for every screen and for the API.
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
        Path file = Path.of(System.getProperty("ventanilla.home"), "keys/jwt-private.pem");
        String base64 = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String sign(PrivateKey key, JsonObject claims) throws Exception {
        String unsigned = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims.toString());
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject decode(String part) {
        return VentanillaServer.json(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)).asJsonObject();
    }
}
