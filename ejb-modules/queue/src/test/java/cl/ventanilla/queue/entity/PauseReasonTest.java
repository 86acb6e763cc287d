package cl.ventanilla.queue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cl.ventanilla.kernel.DomainException;
import cl.ventanilla.queue.entity.PauseReason.Kind;
import org.junit.jupiter.api.Test;

class PauseReasonTest {

    @Test
    void aListedReasonIsStoredAsItsCodeAndDropsStrayWords() {
        PauseReason lunch = PauseReason.of("lunch", "pan con palta");
        assertEquals(Kind.LUNCH, lunch.kind());
        assertNull(lunch.detail());
        assertEquals("ALMUERZO", lunch.stored());
        assertEquals(lunch, PauseReason.ofStored("ALMUERZO"));
        assertEquals(PauseReason.Kind.SHORT_BREAK, PauseReason.of("PAUSA_BREVE", null).kind());
    }

    @Test
    void otherKeepsTheOperatorsWords() {
        PauseReason other = PauseReason.of("OTHER", "  Capacitación  ");
        assertEquals("Capacitación", other.stored());
        assertEquals(other, PauseReason.ofStored("Capacitación"));
        assertEquals(200, PauseReason.of("OTRO", "x".repeat(200)).stored().length());
    }

    @Test
    void aMissingUnknownOrTooLongReasonIsInvalid() {
        for (Runnable bad : new Runnable[] {() -> PauseReason.of(null, null), () -> PauseReason.of("SIESTA", null),
                () -> PauseReason.of("OTHER", "  "), () -> PauseReason.of("OTHER", "x".repeat(201))}) {
            assertEquals(DomainException.Kind.INVALID, assertThrows(QueueException.class, bad::run).kind());
        }
    }
}
