package cl.ventanilla.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The assistant while its model gives nothing usable (the tests' {@link FakeGemini}, switched off, stands for
 * a municipality without {@code GEMINI_API_KEY} or a failing provider): the portal's panel and
 * {@code POST /api/ai/preguntas} say politely that it is unavailable and still list the catalog's services
 * that match the question's words, with their booking links (on the kiosk: a number at once, or a QR code
 * to book on the phone); bad input is a 400 in the caller's language.
 */
class AssistantFlowIT extends SystemTest {

    /** Renovación de licencia de conducir (demo data). */
    static final String RENEWAL = "30000000-0000-4000-8000-000000000002";
    /** Departamento de Licencias de Conducir, which attends it. */
    static final String LICENCES = "20000000-0000-4000-8000-000000000001";

    @Test
    void withoutAKeyThePortalPanelSaysUnavailableAndStillListsTheCatalogMatches() throws Exception {
        try (Browser citizen = new Browser(server, "es-CL")) {
            citizen.open("/");
            WebElement question = citizen.driver().findElement(By.id("pregunta"));
            assertEquals("pregunta", citizen.driver().findElement(By.cssSelector("label[for='pregunta']")).getAttribute("for"));
            question.sendKeys("Se me venció la licencia de conducir, ¿qué tengo que llevar para renovarla?");
            citizen.driver().findElement(By.id("preguntar")).click();
            WebDriverWait wait = new WebDriverWait(citizen.driver(), Duration.ofSeconds(30));
            wait.until(d -> !d.findElements(By.id("asistente-texto")).isEmpty());
            String answer = citizen.driver().findElement(By.id("asistente-texto")).getText();
            assertTrue(answer.startsWith("El asistente no está disponible en este momento."), answer);
            WebElement live = citizen.driver().findElement(By.id("respuesta-asistente")).findElement(By.xpath(".."));
            assertEquals("polite", live.getAttribute("aria-live"));
            WebElement book = citizen.driver().findElement(By.id("reservar-" + RENEWAL));
            assertTrue(book.getAttribute("href").endsWith("/reservar.xhtml?servicio=" + RENEWAL), book.getAttribute("href"));
            String panel = citizen.driver().findElement(By.id("respuesta-asistente")).getText();
            assertTrue(panel.contains("Renovación de licencia de conducir"), panel);
            assertTrue(panel.contains("Licencia de conducir anterior"), "the catalog's requirements: " + panel);
            citizen.screenshot("30-asistente-sin-modelo");
            // the rest of the portal works: the booking link leads to the service's calendar
            citizen.clickId("reservar-" + RENEWAL);
            assertEquals("/reservar.xhtml", citizen.path());
            assertTrue(citizen.text().contains("Renovación de licencia de conducir"), citizen.text());
        }
    }

    @Test
    void theKioskAssistantOffersANumberHereAndAQrCodeToBook() throws Exception {
        String admin = Accounts.signIn(server, Accounts.ADMIN_RUT, Accounts.ADMIN_PASSWORD);
        String kiosk = Accounts.ready(server, admin, "KIOSK");
        try (Browser totem = new Browser(server, "es-CL")) {
            totem.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1080, 1700));
            totem.open("/auth/");
            totem.driver().manage().addCookie(new Cookie("VENTANILLA_SESION", kiosk, "/"));
            totem.open("/totem/?unidad=" + LICENCES);
            totem.clickId("preguntar-asistente");
            assertEquals("/totem/asistente.xhtml", totem.path());
            totem.type("pregunta", "Quiero renovar mi licencia de conducir");
            totem.clickId("preguntar");
            String answer = totem.driver().findElement(By.id("asistente-texto")).getText();
            assertTrue(answer.startsWith("El asistente no está disponible en este momento."), answer);
            WebElement takeNumber = totem.driver().findElement(By.cssSelector("a[href*='servicio.xhtml?id=" + RENEWAL + "']"));
            assertEquals("Sacar número para este trámite", takeNumber.getText().strip());
            assertFalse(totem.driver().findElements(By.cssSelector(".kiosk-qr-offer svg.qr")).isEmpty(), "a QR code to book");
            totem.screenshot("31-totem-asistente");
            takeNumber.click();
            new WebDriverWait(totem.driver(), Duration.ofSeconds(30)).until(d -> totem.path().equals("/totem/servicio.xhtml"));
            assertEquals("Renovación de licencia de conducir", totem.heading());
        }
    }

    @Test
    void theApiAnswersUnavailableWithTheCatalogMatchesInSpanishOrEnglish() throws Exception {
        HttpResponse<String> spanish = ask("{\"pregunta\": \"¿Qué necesito para renovar mi licencia de conducir?\"}", "es-CL");
        assertEquals(200, spanish.statusCode(), spanish.body());
        JsonObject answer = (JsonObject) VentanillaServer.json(spanish.body());
        assertFalse(answer.getBoolean("disponible"));
        assertTrue(answer.getString("respuesta").startsWith("El asistente no está disponible"), answer.toString());
        JsonObject first = answer.getJsonArray("servicios").getJsonObject(0);
        assertEquals(RENEWAL, first.getString("id"));
        assertEquals("Renovación de licencia de conducir", first.getString("nombre"));
        assertEquals("/reservar.xhtml?servicio=" + RENEWAL, first.getString("urlReserva"));
        assertTrue(first.getString("requisitos").startsWith("Cédula de identidad vigente."));

        HttpResponse<String> english = ask("{\"pregunta\": \"How do I renew my driver's license?\"}", "en");
        JsonObject inEnglish = (JsonObject) VentanillaServer.json(english.body());
        assertTrue(inEnglish.getString("respuesta").startsWith("The assistant is not available right now."), english.body());
        assertEquals("/reservar.xhtml?servicio=" + RENEWAL + "&lang=en",
                inEnglish.getJsonArray("servicios").getJsonObject(0).getString("urlReserva"));
    }

    @Test
    void badQuestionsAreA400InTheCallersLanguage() throws Exception {
        for (List<String> bad : List.of(
                List.of("{\"pregunta\": \"   \"}", "es-CL", "Escriba su pregunta."),
                List.of("{}", "en", "Write your question."),
                List.of("{\"pregunta\": \"" + "a".repeat(501) + "\"}", "es-CL", "La pregunta puede tener como máximo 500 caracteres."),
                List.of("{\"pregunta\": \"" + "a".repeat(501) + "\"}", "en", "The question may have at most 500 characters."),
                List.of("{\"pregunta\": ", "es-CL", "La solicitud no se pudo leer."))) {
            HttpResponse<String> refused = ask(bad.get(0), bad.get(1));
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonObject problem = (JsonObject) VentanillaServer.json(refused.body());
            assertTrue(problem.getString("detail").startsWith(bad.get(2)), problem.toString());
        }
    }

    private static HttpResponse<String> ask(String body, String language) throws Exception {
        // each call from an address of its own (the tests stand in for the gateway), so the hourly limit of
        // one run never reaches the next
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        return server.send("POST", "/api/ai/preguntas", body, "Content-Type", "application/json",
                "Accept-Language", language, "X-Forwarded-For", address);
    }
}
