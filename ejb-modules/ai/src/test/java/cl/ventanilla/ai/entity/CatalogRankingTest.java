package cl.ventanilla.ai.entity;

import static cl.ventanilla.ai.entity.DemoCatalog.BUILDING_PERMIT;
import static cl.ventanilla.ai.entity.DemoCatalog.BUSINESS_LICENCE;
import static cl.ventanilla.ai.entity.DemoCatalog.CIRCULATION_RENEWAL;
import static cl.ventanilla.ai.entity.DemoCatalog.DEBT_AGREEMENT;
import static cl.ventanilla.ai.entity.DemoCatalog.FIRST_LICENCE;
import static cl.ventanilla.ai.entity.DemoCatalog.HOUSEHOLD_REGISTRY;
import static cl.ventanilla.ai.entity.DemoCatalog.LICENCE_DUPLICATE;
import static cl.ventanilla.ai.entity.DemoCatalog.LICENCE_RENEWAL;
import static cl.ventanilla.ai.entity.DemoCatalog.LIQUOR_LICENCE;
import static cl.ventanilla.ai.entity.DemoCatalog.WASTE_FEES;
import static cl.ventanilla.ai.entity.DemoCatalog.WATER_SUBSIDY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.ai.entity.CatalogRanking.Match;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogRankingTest {

    private final CatalogRanking ranking = new CatalogRanking(DemoCatalog.entries());

    @Test
    void theDemoCatalogIsReadWhole() {
        List<CatalogEntry> entries = DemoCatalog.entries();
        assertEquals(22, entries.size());
        CatalogEntry renewal = entries.stream().filter(e -> e.id().equals(LICENCE_RENEWAL)).findFirst().orElseThrow();
        assertEquals("Renovación de licencia de conducir", renewal.name());
        assertEquals("Departamento de Licencias de Conducir", renewal.unitName());
        assertEquals("Dirección de Tránsito y Transporte Público", renewal.directorateName());
        assertTrue(renewal.bookable());
    }

    @Test
    void everydaySpanishFindsTheRightServiceFirst() {
        assertEquals(LICENCE_RENEWAL, best("¿Qué necesito para renovar mi licencia de conducir?"));
        assertEquals(LICENCE_RENEWAL, best("se me venció el carnet de manejar, tengo que renovarlo"));
        assertEquals(LICENCE_DUPLICATE, best("perdí la licencia de conducir"));
        assertEquals(FIRST_LICENCE, best("quiero sacar la licencia de conducir por primera vez"));
        assertEquals(CIRCULATION_RENEWAL, best("¿Dónde pago el permiso de circulación del auto?"));
        assertEquals(HOUSEHOLD_REGISTRY, best("Quiero ingresar al registro social de hogares"));
        assertEquals(WATER_SUBSIDY, best("ayuda para pagar la cuenta del agua"));
        assertEquals(BUSINESS_LICENCE, best("Quiero abrir un negocio, un almacén de barrio"));
        assertEquals(LIQUOR_LICENCE, best("patente para una botillería"));
        assertEquals(BUILDING_PERMIT, best("PERMISO DE EDIFICACION para ampliar mi casa"));
        assertEquals(WASTE_FEES, best("exención del pago de la basura"));
        assertEquals(DEBT_AGREEMENT, best("repactar en cuotas una deuda de patentes"));
    }

    @Test
    void englishQuestionsFindTheCatalogsSpanishServices() {
        assertEquals(LICENCE_RENEWAL, best("How do I renew my driver's license?"));
        assertEquals(LICENCE_DUPLICATE, best("I lost my driving licence"));
        assertEquals(BUSINESS_LICENCE, best("What do I need to open a shop?"));
        assertEquals(WATER_SUBSIDY, best("Is there a subsidy for the water bill?"));
    }

    @Test
    void accentsCaseAndPluralsDoNotMatter() {
        assertEquals(ids(ranking.rank("renovación licencia", 3)), ids(ranking.rank("RENOVACION LICENCIAS", 3)));
    }

    @Test
    void aQuestionAboutNothingTheMunicipalityOffersFindsNothing() {
        assertEquals(List.of(), ranking.rank("¿Cuál es la capital de Francia?", 5));
        assertEquals(List.of(), ranking.rank("hola, buenas tardes, gracias", 5));
        // a word every requirement mentions is not enough to be about a service
        assertEquals(List.of(), ranking.rank("cédula", 5));
        assertEquals(List.of(), ranking.rank("   ", 5));
    }

    @Test
    void eachMatchSaysWhichWordsFoundIt() {
        Match first = ranking.rank("renovar licencia", 1).get(0);
        assertEquals(LICENCE_RENEWAL, first.entry().id());
        assertTrue(first.words().containsAll(List.of("renovacion", "licencia")), first.words().toString());
        assertTrue(first.score() >= CatalogRanking.MINIMUM_SCORE);
    }

    @Test
    void theLimitAndTheOrderHold() {
        List<Match> matches = ranking.rank("licencia de conducir", 3);
        assertEquals(3, matches.size());
        for (int i = 1; i < matches.size(); i++) {
            assertTrue(matches.get(i - 1).score() >= matches.get(i).score());
        }
        matches.forEach(m -> assertEquals("Departamento de Licencias de Conducir", m.entry().unitName()));
    }

    private UUID best(String question) {
        List<Match> matches = ranking.rank(question, 5);
        assertTrue(!matches.isEmpty(), "nothing found for: " + question);
        return matches.get(0).entry().id();
    }

    private static List<UUID> ids(List<Match> matches) {
        return matches.stream().map(m -> m.entry().id()).toList();
    }
}
