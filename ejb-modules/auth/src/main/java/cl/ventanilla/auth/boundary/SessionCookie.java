package cl.ventanilla.auth.boundary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The session of a person signed in to the screens: their signed token in one cookie for the whole site
 * (path /), so a login at /auth/ counts for /admin/, /config/ and the others, on any instance of the
 * cluster. HttpOnly (scripts cannot read it), SameSite=Lax (other sites cannot post with it), Secure
 * when the request came over HTTPS (directly or through the gateway).
 */
public final class SessionCookie {

    public static final String NAME = "VENTANILLA_SESION";

    private SessionCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> !v.isBlank()).findFirst();
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String token, Instant expiresAt) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), expiresAt).getSeconds());
        response.addHeader("Set-Cookie", NAME + "=" + token + "; Path=/; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Lax" + (secure(request) ? "; Secure" : ""));
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                + (secure(request) ? "; Secure" : ""));
    }

    private static boolean secure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
