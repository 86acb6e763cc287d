package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The administrator's set-up through the API with tokens: a directorate, a unit, two services, a
 * station attending both, and an operator who can sign in but not change the configuration. Wrong
 * input answers 400 in the caller's language and changes nothing.
 */
class ApiFlowIT extends SystemTest {

    @Test
    void anAdministratorSetsUpAnOfficeAndAnOperatorThroughTheApi() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String suffix = Accounts.newRut().substring(0, 5);

        String directorate = created(post(admin, "/api/config/directorates", Json.createObjectBuilder()
                .add("name", "Dirección API " + suffix).add("description", "Creada por ApiFlowIT").build()));
        String unit = created(post(admin, "/api/config/units", Json.createObjectBuilder()
                .add("directorateId", directorate).add("name", "Oficina API " + suffix)
                .add("address", "Av. Prueba 1").add("phone", "+56 2 2000 0000").add("email", "oficina@prueba.cl").build()));
        String first = created(post(admin, "/api/config/services", service(unit, "Certificado API", "K")));
        String second = created(post(admin, "/api/config/services", service(unit, "Permiso API", "L")));
        String station = created(post(admin, "/api/config/stations", Json.createObjectBuilder()
                .add("unitId", unit).add("number", 3).add("name", "Módulo 3")
                .add("serviceIds", Json.createArrayBuilder().add(first).add(second)).build()));
        assertEquals("2", Database.string("SELECT count(*)::text FROM estacion_servicios WHERE estacion_id = '" + station + "'"));

        String operatorRut = Accounts.create(server, admin, "OPERATOR");
        String operator = Accounts.signIn(server, operatorRut, Accounts.PASSWORD);
        HttpResponse<String> me = server.get("/api/auth/me", "Authorization", "Bearer " + operator);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(operatorRut, VentanillaServer.json(me.body()).asJsonObject().getString("rut"));
        assertEquals(403, post(operator, "/api/config/directorates", Json.createObjectBuilder()
                .add("name", "No autorizada " + suffix).build()).statusCode());

        String audited = Database.string("SELECT count(*)::text FROM auditoria WHERE entidad_id IN ('"
                + directorate + "', '" + unit + "', '" + first + "', '" + second + "', '" + station + "')");
        assertTrue(Integer.parseInt(audited) >= 5, "every creation is in the audit log: " + audited);
        assertEquals(Accounts.ADMIN_RUT, Database.string(
                "SELECT usuario_rut FROM auditoria WHERE entidad_id = '" + directorate + "'"), "with who made it");
    }

    @Test
    void wrongInputIsExplainedAndChangesNothing() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String before = Database.string("SELECT count(*)::text FROM usuarios");

        HttpResponse<String> badRut = server.send("POST", "/api/auth/users", Json.createObjectBuilder()
                .add("rut", "12.345.678-9").add("name", "RUT malo").add("roles", Json.createArrayBuilder().add("OPERATOR"))
                .build().toString(), "Content-Type", "application/json", "Authorization", "Bearer " + admin);
        assertEquals(400, badRut.statusCode(), badRut.body());
        assertTrue(badRut.body().contains("dígito verificador"), badRut.body());

        HttpResponse<String> malformed = server.send("POST", "/api/config/directorates", "{\"name\": ",
                "Content-Type", "application/json", "Authorization", "Bearer " + admin, "Accept-Language", "en");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpResponse<String> badId = server.get("/api/config/units/not-a-uuid");
        assertEquals(400, badId.statusCode(), badId.body());

        assertEquals(before, Database.string("SELECT count(*)::text FROM usuarios"), "nothing half-written");
    }

    private static JsonObject service(String unit, String name, String prefix) {
        return Json.createObjectBuilder().add("unitId", unit).add("name", name).add("description", "Servicio de prueba")
                .add("prefix", prefix).add("requirements", "Cédula de identidad vigente.")
                .add("averageAttentionMinutes", 10).add("slaMinutes", 20).add("dailyWalkInQuota", 40)
                .add("takesAppointments", true).add("slotMinutes", 15).add("bookingHorizonDays", 30)
                .add("minimumLeadMinutes", 60).build();
    }
}
