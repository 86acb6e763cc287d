package cl.ventanilla.ai.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void wordsAreFoldedSingularAndWithoutStopWords() {
        assertEquals(List.of("renovacion", "licencia", "conducir"), Tokens.of("Renovación de LICENCIAS de conducir"));
        assertEquals(List.of("registro", "social", "hogar"), Tokens.of("Registro Social de Hogares"));
        assertEquals(List.of("permiso", "circulacion", "vehiculo"), Tokens.of("permisos de circulación de vehículos"));
        assertEquals(List.of("luz", "mes", "gas"), Tokens.of("luces, mes, gas"));
    }

    @Test
    void aQuestionBringsTheCatalogWordsOfItsEverydayWords() {
        Map<String, Double> terms = Tokens.ofQuestion("¿Dónde renuevo el carnet del auto?");
        assertEquals(1.0, terms.get("renuevo"));
        assertEquals(Tokens.SYNONYM_WEIGHT, terms.get("renovacion"));
        assertEquals(Tokens.SYNONYM_WEIGHT, terms.get("licencia"));
        assertEquals(Tokens.SYNONYM_WEIGHT, terms.get("vehiculo"));
        assertTrue(!terms.containsKey("donde") && !terms.containsKey("el"), terms.toString());
    }

    @Test
    void aWordWrittenByThePersonKeepsItsFullWeightWhenASynonymAlsoBringsIt() {
        assertEquals(1.0, Tokens.ofQuestion("renovar renovación").get("renovacion"));
    }
}
