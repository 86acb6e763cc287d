package cl.ventanilla.auth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResetTokenTest {

    private static final Instant ISSUED = Instant.parse("2026-03-10T13:00:00Z");

    private static ResetToken link() {
        return new ResetToken(UUID.randomUUID(), "ab".repeat(32), ISSUED.plus(Duration.ofMinutes(60)), null);
    }

    @Test
    void worksOnce() {
        ResetToken link = link();
        link.use(ISSUED.plusSeconds(60));
        assertEquals(ISSUED.plusSeconds(60), link.getUsedAt());
        assertEquals("reset.used", assertThrows(AuthException.class, () -> link.use(ISSUED.plusSeconds(61))).key());
    }

    @Test
    void stopsWorkingWhenItExpires() {
        ResetToken link = link();
        assertEquals("reset.expired", assertThrows(AuthException.class,
                () -> link.use(ISSUED.plus(Duration.ofMinutes(60)))).key());
        link().use(ISSUED.plus(Duration.ofMinutes(60)).minusSeconds(1));
    }

    @Test
    void aNewerLinkMakesItVoid() {
        ResetToken link = link();
        link.supersede(ISSUED.plusSeconds(5));
        assertEquals("reset.used", assertThrows(AuthException.class, () -> link.use(ISSUED.plusSeconds(6))).key());
        assertFalse(link.getUsedAt().isAfter(ISSUED.plusSeconds(5)));
    }
}
