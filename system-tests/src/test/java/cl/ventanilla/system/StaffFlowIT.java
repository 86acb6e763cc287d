package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The day an administrator sets up a colleague, in a real browser: sign in at /auth/ (sent there from
 * the page asked for), create an operator at /admin/users, sign out; the operator signs in, reaches the
 * staff console but not the configuration.
 */
class StaffFlowIT extends SystemTest {

    @Test
    void anAdministratorCreatesAnOperatorWhoReachesTheConsoleButNotTheConfiguration() throws Exception {
        String operatorRut = Accounts.newRut();
        try (Browser admin = new Browser(server, "es-CL")) {
            admin.open("/admin/users/");
            assertEquals("/auth/", admin.path(), "sent to the login first");
            assertEquals("Iniciar sesión", admin.heading());
            admin.screenshot("01-inicio-de-sesion");
            admin.type("rut", "11.111.111-1");
            admin.type("clave", Accounts.ADMIN_PASSWORD);
            admin.clickId("entrar");
            assertEquals("/admin/users/", admin.path(), "and back to the page asked for");
            assertEquals("Usuarios", admin.heading());

            String suffix = operatorRut.substring(0, 4);
            String directorate = "Dirección de Prueba " + suffix;
            String unit = "Oficina de Prueba " + suffix;
            admin.open("/config/directorate.xhtml");
            admin.type("name", directorate);
            admin.type("description", "Creada por la prueba de navegador.");
            admin.clickId("guardar");
            assertTrue(admin.text().contains(directorate), admin.text());

            admin.open("/config/unit.xhtml");
            admin.choose("directorateId", directorate);
            admin.type("name", unit);
            admin.type("address", "Calle de Prueba 123, Valle Verde");
            admin.clickId("guardar");
            assertTrue(admin.text().contains(unit), admin.text());

            for (String[] service : new String[][] {{"Certificado de prueba", "Q"}, {"Permiso de prueba", "W"}}) {
                admin.open("/config/service.xhtml");
                admin.choose("unitId", unit);
                admin.type("name", service[0]);
                admin.type("prefix", service[1]);
                admin.clickId("guardar");
                assertTrue(admin.text().contains(service[0]), admin.text());
            }
            String unitId = Database.string("SELECT id::text FROM unidades WHERE nombre = '" + unit + "'");
            admin.open("/config/station.xhtml?unidad=" + unitId);
            admin.type("number", "7");
            admin.type("name", "Módulo 7");
            for (WebElementChoice choice : WebElementChoice.all(admin, "serviceIds")) {
                choice.check();
            }
            admin.screenshot("05-nueva-estacion");
            admin.clickId("guardar");
            assertEquals("2", Database.string("SELECT count(*)::text FROM estacion_servicios es"
                    + " JOIN estaciones e ON e.id = es.estacion_id WHERE e.unidad_id = '" + unitId + "' AND e.numero = 7"),
                    "the station attends both services");

            admin.open("/admin/users/");
            admin.clickId("nuevo-usuario");
            assertEquals("Nuevo usuario", admin.heading());
            admin.type("rut", operatorRut);
            admin.type("nombre", "Camila Rojas");
            admin.type("correo", "camila.rojas." + operatorRut.replace("-", "") + "@prueba.ventanilla.local");
            admin.click(By.cssSelector("input[type=checkbox][value=OPERATOR]"));
            admin.type("clave", Accounts.PASSWORD);
            admin.screenshot("02-nuevo-usuario");
            admin.clickId("guardar");
            assertEquals("/admin/users/index.xhtml", admin.path());
            assertTrue(admin.text().contains("Se creó la cuenta de Camila Rojas."), admin.text());
            assertTrue(admin.text().contains(operatorRut));
            admin.screenshot("03-usuarios");

            admin.open("/auth/logout");
            assertTrue(admin.text().contains("Cerró su sesión"), admin.text());
            admin.open("/admin/");
            assertEquals("/auth/", admin.path(), "signed out everywhere");
        }

        try (Browser operator = new Browser(server, "es-CL")) {
            operator.open("/auth/");
            operator.type("rut", operatorRut);
            operator.type("clave", Accounts.PASSWORD);
            operator.clickId("entrar");
            assertEquals("/auth/cambiar-clave.xhtml", operator.path(), "a password the administrator chose is replaced first");
            operator.screenshot("04-cambio-de-clave");
            operator.type("actual", Accounts.PASSWORD);
            operator.type("nueva", "mi-clave-propia-2026");
            operator.type("repetida", "mi-clave-propia-2026");
            operator.clickId("cambiar");
            assertEquals("/admin/", operator.path(), "then an operator lands on the staff console");
            assertEquals("Consola de funcionarios", operator.heading());
            assertTrue(operator.text().contains("Sesión de " + operatorRut));
            operator.screenshot("06-consola-operador");

            operator.open("/config/");
            assertEquals("Acceso no permitido", operator.heading());
            operator.open("/admin/users/");
            assertEquals("Acceso no permitido", operator.heading());
        }
    }

    @Test
    void aWrongPasswordIsExplainedInSpanishAndNothingOpens() throws Exception {
        try (Browser visitor = new Browser(server, "es-CL")) {
            visitor.open("/auth/");
            visitor.type("rut", "11.111.111-1");
            visitor.type("clave", "no-es-la-clave");
            visitor.clickId("entrar");
            assertEquals("/auth/index.xhtml", visitor.path());
            assertTrue(visitor.driver().findElements(By.cssSelector(".errors li")).size() == 1, visitor.text());
            visitor.type("rut", "12.345.678-9");
            visitor.type("clave", "cualquiera");
            visitor.clickId("entrar");
            assertTrue(visitor.text().contains("dígito verificador"), "a malformed RUT is explained: " + visitor.text());
            assertEquals("Iniciar sesión", visitor.heading());
            visitor.open("/admin/");
            assertEquals("/auth/", visitor.path());
        }
    }
}
