package cl.ventanilla.auth.boundary;

import cl.ventanilla.auth.control.TokenVerifier;
import cl.ventanilla.auth.control.TokenVerifier.VerifiedToken;
import cl.ventanilla.kernel.DatabaseUnavailable;
import cl.ventanilla.kernel.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way in, for the REST API and every screen: a Ventanilla token (RS256, see {@link TokenVerifier}),
 * as a bearer token on /api/ or in the session cookie on the screens. A valid, unrevoked token
 * authenticates the request with the person's RUT and roles; nothing is kept in an HTTP session, so any
 * instance of the cluster serves any request, and a login at /auth/ counts for every screen (single
 * sign-on). One mechanism for the whole application: Jakarta Security resolves a single one per EAR.
 *
 * <ul>
 * <li>A bad bearer token gets 401 — forged, expired, logged out, or of an account deactivated since;
 * no token leaves the request anonymous (public endpoints answer, protected ones refuse).</li>
 * <li>A protected page without a valid session sends the browser to /auth/ and back afterwards.</li>
 * <li>While the database cannot be reached (a switch-over) and the session cannot be checked: 503 with
 * Retry-After, never 500 and never a signed-out person.</li>
 * </ul>
 */
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(TokenAuthentication.class.getName());

    /** Request attribute with the {@link VerifiedToken} of an authenticated request. */
    public static final String TOKEN = TokenAuthentication.class.getName() + ".token";
    public static final String LOGIN_PAGE = "/auth/";
    public static final String CHANGE_PASSWORD_PAGE = "/auth/cambiar-clave.xhtml";

    @Inject
    TokenVerifier verifier;

    @Inject
    Sessions sessions;

    @Inject
    SessionCookie sessionCookie;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException failure) {
            if (!DatabaseUnavailable.causes(failure)) {
                throw failure;
            }
            // whether the session is still open cannot be told without the database for these seconds of a
            // switch-over: neither let it in nor send the person to sign in again, ask to retry
            LOG.log(Level.WARNING, "Base de datos no disponible al validar la sesión: {0}", String.valueOf(failure));
            unavailable(request, response);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private static void unavailable(HttpServletRequest request, HttpServletResponse response) {
        try {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            boolean english = "en".equals(request.getLocale().getLanguage());
            response.getWriter().write(JsonText.JSON.createObjectBuilder()
                    .add("type", DatabaseUnavailable.PROBLEM_TYPE)
                    .add("title", english ? "Service unavailable" : "Servicio no disponible")
                    .add("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE)
                    .add("detail", DatabaseUnavailable.message(request.getLocale()))
                    .add("code", "database.unavailable").build().toString());
            response.flushBuffer();
        } catch (IOException gone) {
            LOG.log(Level.FINE, "El cliente se fue", gone);
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Optional<String> bearer = bearer(request);
        if (bearer.isPresent()) {
            Optional<VerifiedToken> token = current(bearer.get());
            if (token.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"ventanilla\", error=\"invalid_token\"");
                return context.responseUnauthorized();
            }
            return accept(request, context, token.get());
        }
        Optional<String> cookie = SessionCookie.read(request);
        Optional<VerifiedToken> session = cookie.flatMap(verifier::verify);
        Sessions.State state = session.map(t -> sessions.state(t.id(), t.subject())).orElse(Sessions.State.ENDED);
        if (state != Sessions.State.ENDED) {
            if (state == Sessions.State.MUST_CHANGE_PASSWORD && !request.getRequestURI().startsWith(LOGIN_PAGE)
                    && !request.getRequestURI().contains("/jakarta.faces.resource/")) {
                // a password an administrator chose is replaced by its owner before any other screen
                return context.redirect(CHANGE_PASSWORD_PAGE + "?next=" + URLEncoder.encode(target(request), StandardCharsets.UTF_8));
            }
            return accept(request, context, session.get());
        }
        if (cookie.isPresent()) {
            sessionCookie.clear(request, response);
        }
        if (context.isProtected() && !request.getRequestURI().startsWith("/api/")) {
            return context.redirect(LOGIN_PAGE + "?next=" + URLEncoder.encode(target(request), StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private AuthenticationStatus accept(HttpServletRequest request, HttpMessageContext context, VerifiedToken token) {
        request.setAttribute(TOKEN, token);
        return context.notifyContainerAboutLogin(token.rut(), token.roles());
    }

    private Optional<VerifiedToken> current(String token) {
        return verifier.verify(token).filter(t -> sessions.state(t.id(), t.subject()) != Sessions.State.ENDED);
    }

    private static String target(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }
}
