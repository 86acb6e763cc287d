package cl.ventanilla.auth.entity;

import java.util.Objects;

/** A logout ended the session of the token with this id ({@code jti}); fired inside the logout's transaction. */
public record SessionEnded(String tokenId) {

    public SessionEnded {
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
