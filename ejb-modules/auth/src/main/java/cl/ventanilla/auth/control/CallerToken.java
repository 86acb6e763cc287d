package cl.ventanilla.auth.control;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of a request, as MicroProfile JWT presents it: the claims of a token {@link TokenVerifier}
 * accepted. {@link #getName()} is the {@code upn} (the RUT), {@link #getGroups()} the roles,
 * {@link #getTokenID()} the {@code jti} a logout revokes. The token itself is never printed.
 */
public final class CallerToken implements JsonWebToken {

    private final String raw;
    private final Map<String, Object> claims;

    CallerToken(String raw, Map<String, Object> claims) {
        this.raw = raw;
        this.claims = Map.copyOf(claims);
    }

    /** The {@code upn}, or else {@code preferred_username}, or else {@code sub} (MP-JWT 2.1, 7.1.2). */
    @Override
    public String getName() {
        for (String name : new String[] {Claims.upn.name(), Claims.preferred_username.name(), Claims.sub.name()}) {
            if (claims.get(name) instanceof String value) {
                return value;
            }
        }
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    /**
     * A claim in the types MP-JWT gives them: {@code exp}, {@code iat}, {@code nbf} and {@code auth_time}
     * as {@code Long}, {@code aud} and {@code groups} as {@code Set<String>}, {@code raw_token} as the token.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return (T) raw;
        }
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        return (T) switch (name) {
            case "exp", "iat", "nbf", "auth_time" -> value instanceof Number number ? Long.valueOf(number.longValue()) : value;
            case "aud", "groups" -> strings(value);
            default -> value;
        };
    }

    /** The person's name as the token carries it ({@code name}). */
    public String fullName() {
        return claims.get("name") instanceof String name ? name : "";
    }

    /** When the token stops opening anything ({@code exp}). */
    public Instant expiresAt() {
        return Instant.ofEpochSecond(getExpirationTime());
    }

    private static Set<String> strings(Object value) {
        Set<String> strings = new HashSet<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> strings.add(String.valueOf(v)));
        } else {
            strings.add(String.valueOf(value));
        }
        return Set.copyOf(strings);
    }

    @Override
    public String toString() {
        return "CallerToken[jti=" + getTokenID() + ", upn=" + getName() + ", groups=" + getGroups() + "]";
    }
}
