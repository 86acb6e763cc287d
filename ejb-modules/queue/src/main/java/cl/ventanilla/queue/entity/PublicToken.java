package cl.ventanilla.queue.entity;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * How a ticket's public token ({@code turnos.token_publico}, a random UUID) is written in the virtual
 * ticket's URL and QR: its 16 bytes in URL-safe Base64 without padding, 22 characters. Shorter than the
 * UUID's 36, so the QR stays small and easy to scan, and just as unguessable (122 random bits).
 */
public final class PublicToken {

    public static final int LENGTH = 22;

    private PublicToken() {
    }

    /** The token as the URL carries it. */
    public static String of(UUID token) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(token.getMostSignificantBits()).putLong(token.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The UUID a URL's token stands for; empty for anything that is not a well-formed token. */
    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(decoded);
        UUID token = new UUID(bytes.getLong(), bytes.getLong());
        // 22 characters carry 132 bits: the last 4 must be zero, or two texts would name one ticket
        return of(token).equals(text) ? Optional.of(token) : Optional.empty();
    }
}
