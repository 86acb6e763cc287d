package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.kernel.Rut;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A citizen books the first free slot of a demo service over the public API (solving the form's
 * proof-of-work challenge), finds it with code and RUT, sees the challenge refused a second time and bad
 * input answered 400 in their language; an operator sees the booking in the unit's day; the citizen
 * cancels it. A bot that invents X-Forwarded-For addresses is still counted as the one address the
 * gateway saw.
 */
class AppointmentsFlowIT extends SystemTest {

    /** Renovación de licencia de conducir, Departamento de Licencias de Conducir (demo data). */
    private static final String SERVICE = "30000000-0000-4000-8000-000000000002";
    private static final String UNIT = "20000000-0000-4000-8000-000000000001";
    /** Booking attempts per address and hour (parametros_sistema, demo data). */
    private static final int ATTEMPTS_PER_HOUR = 20;

    @Test
    void aCitizenBooksFindsAndCancelsTheFirstFreeSlot() throws Exception {
        String ip = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        HttpResponse<String> services = server.get("/api/appointments/services");
        assertEquals(200, services.statusCode(), services.body());
        assertTrue(services.body().contains(SERVICE), "the demo service takes bookings");

        HttpResponse<String> first = server.get("/api/appointments/services/" + SERVICE + "/first-free");
        assertEquals(200, first.statusCode(), first.body());
        String start = VentanillaServer.json(first.body()).asJsonObject().getString("start");

        String rut = Accounts.newRut();
        JsonObject challenge = challenge();
        String nonce = CitizenBooking.solve(challenge.getString("token"), challenge.getInt("difficulty"));
        HttpResponse<String> booked = book(booking(start, rut, challenge.getString("token"), nonce), ip);
        assertEquals(201, booked.statusCode(), booked.body());
        JsonObject booking = VentanillaServer.json(booked.body()).asJsonObject();
        String code = booking.getString("code");
        assertEquals(Rut.of(rut).formatted(), booking.getString("rut"));
        assertEquals("CONFIRMADO", booking.getString("state"));
        assertTrue(booking.getBoolean("changeable"));

        HttpResponse<String> found = server.get("/api/appointments/" + code + "?rut=" + rut);
        assertEquals(200, found.statusCode(), found.body());
        assertEquals(code, VentanillaServer.json(found.body()).asJsonObject().getString("code"));
        assertEquals(404, server.get("/api/appointments/" + code + "?rut=" + Accounts.newRut()).statusCode());

        HttpResponse<String> replay = book(booking(start, Accounts.newRut(), challenge.getString("token"), nonce), ip);
        assertEquals(400, replay.statusCode(), replay.body());
        assertEquals("challenge.reused", VentanillaServer.json(replay.body()).asJsonObject().getString("code"));

        JsonObject fresh = challenge();
        HttpResponse<String> badRut = book(booking(start, "12.345.678-9", fresh.getString("token"),
                CitizenBooking.solve(fresh.getString("token"), fresh.getInt("difficulty"))), ip);
        assertEquals(400, badRut.statusCode(), badRut.body());
        assertEquals("rut.checkDigit", VentanillaServer.json(badRut.body()).asJsonObject().getString("code"));
        HttpResponse<String> badDate = server.get("/api/appointments/services/" + SERVICE + "/days?from=2026-13-01&to=2026-12-31",
                "Accept-Language", "en");
        assertEquals(400, badDate.statusCode(), badDate.body());

        String operator = Accounts.ready(server, Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD),
                "OPERATOR");
        LocalDate day = LocalDate.ofInstant(Instant.parse(start), ZoneId.of("America/Santiago"));
        HttpResponse<String> elsewhere = server.get("/api/appointments/unit/" + UNIT + "?date=" + day,
                "Authorization", "Bearer " + operator);
        assertEquals(403, elsewhere.statusCode(), "an operator who does not work at the unit: " + elsewhere.body());
        Accounts.assignNewest("OPERATOR", UNIT);
        HttpResponse<String> list = server.get("/api/appointments/unit/" + UNIT + "?date=" + day,
                "Authorization", "Bearer " + operator);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains(code), "the booking is in the unit's day");

        HttpResponse<String> cancelled = server.send("DELETE", "/api/appointments/" + code + "?rut=" + rut, "");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELADO", VentanillaServer.json(cancelled.body()).asJsonObject().getString("state"));
        assertEquals(409, server.send("DELETE", "/api/appointments/" + code + "?rut=" + rut, "").statusCode());
    }

    @Test
    void inventedAddressesLeftOfTheGatewaysHopDoNotResetTheAttemptLimit() throws Exception {
        // the address the gateway saw (it appends it last); another range than the other test's citizen
        String seen = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        // the limit counts per clock hour: start where 25 attempts cannot straddle two of them
        long intoHour = Instant.now().getEpochSecond() % 3600;
        if (intoHour > 3600 - 60) {
            Thread.sleep((3600 - intoHour + 1) * 1000);
        }
        for (int attempt = 1; attempt <= ATTEMPTS_PER_HOUR + 5; attempt++) {
            String invented = ThreadLocalRandom.current().nextInt(1, 224) + "." + ThreadLocalRandom.current().nextInt(256)
                    + "." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
            HttpResponse<String> first = server.get("/api/appointments/services/" + SERVICE + "/first-free");
            assertEquals(200, first.statusCode(), first.body());
            String start = VentanillaServer.json(first.body()).asJsonObject().getString("start");
            JsonObject challenge = challenge();
            String nonce = CitizenBooking.solve(challenge.getString("token"), challenge.getInt("difficulty"));
            HttpResponse<String> response = book(booking(start, Accounts.newRut(), challenge.getString("token"), nonce),
                    invented + ", " + seen);
            if (attempt <= ATTEMPTS_PER_HOUR) {
                assertTrue(response.statusCode() == 201 || response.statusCode() == 409,
                        "attempt " + attempt + " from " + invented + " is still allowed: " + response.body());
            } else {
                assertEquals(429, response.statusCode(),
                        "attempt " + attempt + " counts as " + seen + ", not as " + invented + ": " + response.body());
            }
        }
    }

    private JsonObject challenge() throws Exception {
        HttpResponse<String> response = server.get("/api/appointments/challenge");
        assertEquals(200, response.statusCode(), response.body());
        return VentanillaServer.json(response.body()).asJsonObject();
    }

    private static String booking(String start, String rut, String token, String nonce) {
        return CitizenBooking.body(SERVICE, start, rut, token, nonce);
    }

    /** A booking as it arrives through the gateway, which appends the address it saw to X-Forwarded-For. */
    private HttpResponse<String> book(String body, String forwardedFor) throws Exception {
        return server.send("POST", "/api/appointments", body, "Content-Type", "application/json",
                "X-Forwarded-For", forwardedFor, "Accept-Language", "es-CL");
    }
}
