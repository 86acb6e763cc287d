package cl.ventanilla.system;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** What the booking form does in a citizen's browser, for tests that book over the API. */
final class CitizenBooking {

    private CitizenBooking() {
    }

    /** The smallest nonce such that SHA-256(token + ":" + nonce) starts with {@code difficulty} zero bits. */
    static String solve(String token, int difficulty) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (long nonce = 0; ; nonce++) {
            byte[] hash = sha256.digest((token + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            int bits = 0;
            for (byte b : hash) {
                if (b == 0) {
                    bits += 8;
                    continue;
                }
                bits += Integer.numberOfLeadingZeros(b & 0xff) - 24;
                break;
            }
            if (bits >= difficulty) {
                return Long.toString(nonce);
            }
        }
    }

    /** The JSON of {@code POST /api/appointments} for a citizen with that RUT. */
    static String body(String service, String start, String rut, String token, String nonce) {
        return Json.createObjectBuilder().add("serviceId", service).add("start", start).add("rut", rut)
                .add("name", "Ciudadana de Prueba").add("email", "ciudadana@example.cl").add("language", "es")
                .add("challenge", token).add("nonce", nonce).build().toString();
    }
}
