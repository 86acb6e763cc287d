package cl.ventanilla.system;

import cl.ventanilla.kernel.Rut;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Accounts for black-box tests, made the way an administrator makes them: through the API, signed in
 * as the demo administrator whose password the test environment sets.
 */
final class Accounts {

    static final String ADMIN_RUT = "11111111-1";
    static final String ADMIN_PASSWORD = "prueba-sistema-2026";
    static final String PASSWORD = "clave-de-prueba-123";
    static final String OWN_PASSWORD = "clave-propia-456";

    private Accounts() {
    }

    static String signIn(VentanillaServer server, String rut, String password) throws Exception {
        HttpResponse<String> response = server.send("POST", "/api/auth/login",
                Json.createObjectBuilder().add("rut", rut).add("password", password).build().toString(),
                "Content-Type", "application/json");
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + rut + " answered " + response.statusCode() + ": " + response.body());
        }
        return VentanillaServer.json(response.body()).asJsonObject().getString("token");
    }

    /** A fresh, valid RUT nobody uses yet (bodies from 30 to 39 million). */
    static String newRut() {
        int body = ThreadLocalRandom.current().nextInt(30_000_000, 40_000_000);
        return body + "-" + Rut.checkDigitOf(body);
    }

    static String create(VentanillaServer server, String adminToken, String role) throws Exception {
        String rut = newRut();
        String body = Json.createObjectBuilder()
                .add("rut", rut)
                .add("name", "Prueba " + role)
                .add("email", role.toLowerCase() + "." + rut.replace("-", "") + "@prueba.ventanilla.local")
                .add("roles", Json.createArrayBuilder().add(role))
                .add("password", PASSWORD)
                .build().toString();
        HttpResponse<String> response = server.send("POST", "/api/auth/users", body,
                "Content-Type", "application/json", "Authorization", "Bearer " + adminToken);
        if (response.statusCode() != 201) {
            throw new AssertionError("creating a " + role + " answered " + response.statusCode() + ": " + response.body());
        }
        return rut;
    }

    /**
     * A new account of the role, signed in, that already replaced the password the administrator chose
     * (until then the screens only offer the password change).
     */
    static String ready(VentanillaServer server, String adminToken, String role) throws Exception {
        String rut = create(server, adminToken, role);
        String token = signIn(server, rut, PASSWORD);
        HttpResponse<String> changed = server.send("PUT", "/api/auth/me/password", Json.createObjectBuilder()
                .add("currentPassword", PASSWORD).add("newPassword", OWN_PASSWORD).build().toString(),
                "Content-Type", "application/json", "Authorization", "Bearer " + token);
        if (changed.statusCode() != 204) {
            throw new AssertionError("changing the first password answered " + changed.statusCode() + ": " + changed.body());
        }
        return token;
    }

    /** A signed-in token for an account of each role, and none for ANONYMOUS. */
    static Map<String, String> tokensForEveryRole(VentanillaServer server) throws Exception {
        String admin = signIn(server, ADMIN_RUT, ADMIN_PASSWORD);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("ADMIN", admin);
        for (String role : List.of("SUPERVISOR", "OPERATOR", "KIOSK", "DISPLAY")) {
            tokens.put(role, ready(server, admin, role));
        }
        return tokens;
    }

    /**
     * The newest account of the role works at the unit, as an administrator would set in /admin/users/
     * (operators act only at their units).
     */
    static void assignNewest(String role, String unit) throws Exception {
        Database.update("INSERT INTO usuario_unidades (usuario_id, unidad_id) SELECT usuario_id, '" + unit
                + "' FROM usuario_roles r JOIN usuarios u ON u.id = r.usuario_id WHERE r.rol = '" + role
                + "' ORDER BY u.fecha_creacion DESC LIMIT 1");
    }
}
