package cl.ventanilla.auth.boundary;

import cl.ventanilla.kernel.web.ForwardedHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * when the request came over HTTPS (directly or through a trusted gateway, see {@link ForwardedHeaders}).
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "VENTANILLA_SESION";

    @Inject
    ForwardedHeaders forwarded;

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> !v.isBlank()).findFirst();
    }

    public void write(HttpServletRequest request, HttpServletResponse response, String token, Instant expiresAt) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), expiresAt).getSeconds());
        response.addHeader("Set-Cookie", NAME + "=" + token + "; Path=/; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Lax" + (secure(request) ? "; Secure" : ""));
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                + (secure(request) ? "; Secure" : ""));
    }

    private boolean secure(HttpServletRequest request) {
        return forwarded.isHttps(request);
    }
}
