package cl.ventanilla.queue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublicTokenTest {

    @Test
    void aTokenIs22UrlSafeCharactersAndReadsBack() {
        UUID uuid = UUID.randomUUID();
        String token = PublicToken.of(uuid);
        assertEquals(22, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]{22}"), token);
        assertEquals(Optional.of(uuid), PublicToken.parse(token));
    }

    @Test
    void anythingElseIsNoToken() {
        assertEquals(Optional.empty(), PublicToken.parse(null));
        assertEquals(Optional.empty(), PublicToken.parse(""));
        assertEquals(Optional.empty(), PublicToken.parse(UUID.randomUUID().toString()));
        assertEquals(Optional.empty(), PublicToken.parse("AAAAAAAAAAAAAAAAAAAAA+"));
        // the same 128 bits with non-zero padding bits: not the canonical text
        assertEquals(Optional.empty(), PublicToken.parse("AAAAAAAAAAAAAAAAAAAAAB"));
    }
}
