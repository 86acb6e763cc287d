package cl.ventanilla.ai.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.ai.entity.Prompt;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GeminiModelTest {

    @Test
    void theRequestHasTheRulesAsSystemInstructionTheDataAsTheOneUserPartAndAsksForJson() {
        JsonObject schema = cl.ventanilla.kernel.JsonText.JSON.createObjectBuilder().add("type", "OBJECT").build();
        JsonObject body = GeminiModel.requestBody(new Prompt("las reglas", "<consulta>\nhola, mi RUT es 12.345.678-5\n</consulta>", schema));
        assertEquals("las reglas", body.getJsonObject("systemInstruction").getJsonArray("parts").getJsonObject(0).getString("text"));
        assertEquals(1, body.getJsonArray("contents").size());
        JsonObject user = body.getJsonArray("contents").getJsonObject(0);
        assertEquals("user", user.getString("role"));
        assertEquals("<consulta>\nhola, mi RUT es [RUT]\n</consulta>", user.getJsonArray("parts").getJsonObject(0).getString("text"));
        JsonObject generation = body.getJsonObject("generationConfig");
        assertEquals("application/json", generation.getString("responseMimeType"));
        assertEquals(schema, generation.getJsonObject("responseSchema"));
        assertFalse(body.toString().contains("12.345.678"));
    }

    @Test
    void theAnswerIsTheFirstCandidatesText() {
        assertEquals("{\"servicios\":[]}", GeminiModel.answerText("""
                {"candidates": [{"content": {"role": "model", "parts": [{"text": "{\\"servicios\\":"}, {"text": "[]}"}]},
                  "finishReason": "STOP"}], "usageMetadata": {"totalTokenCount": 10}}"""));
    }

    @Test
    void aBlockedEmptyOrUnreadableResponseIsNoAnswer() {
        assertThrows(ModelUnavailable.class, () -> GeminiModel.answerText("{\"promptFeedback\": {\"blockReason\": \"SAFETY\"}}"));
        assertThrows(ModelUnavailable.class, () -> GeminiModel.answerText("{\"candidates\": [{\"finishReason\": \"SAFETY\"}]}"));
        assertThrows(ModelUnavailable.class, () -> GeminiModel.answerText("<html>Bad gateway</html>"));
        assertThrows(ModelUnavailable.class, () -> GeminiModel.answerText("{\"candidates\": "));
        assertThrows(ModelUnavailable.class, () -> GeminiModel.answerText(""));
    }

    @Test
    void withoutAKeyNothingIsSent() {
        // port 9 (discard) on loopback: a request would fail differently, and slower
        GeminiModel unconfigured = new GeminiModel(Optional.of(" "), "gemini-2.0-flash", "http://127.0.0.1:9", 500);
        assertFalse(unconfigured.configured());
        ModelUnavailable refused = assertThrows(ModelUnavailable.class, () -> unconfigured.complete(new Prompt("r", "q", null)));
        assertEquals("sin GEMINI_API_KEY", refused.getMessage());
    }

    @Test
    void theEndpointIsTheModelsGenerateContent() {
        GeminiModel gemini = new GeminiModel(Optional.of("k"), "gemini-2.0-flash", "https://generativelanguage.googleapis.com/", 500);
        assertTrue(gemini.configured());
        assertEquals("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent",
                gemini.endpoint().toString());
        assertEquals("gemini/gemini-2.0-flash", gemini.name());
    }
}
