package cl.ventanilla.auth.boundary;

import cl.ventanilla.auth.control.CallerToken;
import cl.ventanilla.auth.control.TokenVerifier;
import cl.ventanilla.auth.control.TokenVerifier.TokenRefused;
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
 * The one way in, for the REST API and every screen: a Ventanilla token (RS256 JWT, see {@link TokenVerifier}),
 * as a bearer token on /api/ or in the session cookie on the screens. A valid, unrevoked token
 * authenticates the request with the person's RUT and roles; nothing is kept in an HTTP session, so any
 * instance of the cluster serves any request, and a login at /auth/ counts for every screen (single
 * sign-on). One mechanism for the whole application: Jakarta Security resolves a single one per EAR.
 *
 * <ul>
 * <li>A bad bearer token gets 401 — forged, expired, logged out, or of an account deactivated since;
 * the request attribute {@link #REFUSAL} names which for the API's problem ({@code auth.tokenInvalid},
 * {@code auth.tokenExpired}, {@code auth.sessionEnded}). No token leaves the request anonymous (public
 * endpoints answer, protected ones refuse).</li>
 * <li>A protected page without a valid session sends the browser to /auth/ and back afterwards.</li>
 * <li>While the database cannot be reached (a switch-over) and the session cannot be checked: 503 with
 * Retry-After, never 500 and never a signed-out person.</li>
 * </ul>
 */
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(TokenAuthentication.class.getName());

    /**
     * Request attribute with the caller of an authenticated request, an
     * {@link org.eclipse.microprofile.jwt.JsonWebToken}.
     */
    public static final String TOKEN = TokenAuthentication.class.getName() + ".token";
    /** Request attribute with the problem code of a refused bearer token. */
    public static final String REFUSAL = TokenAuthentication.class.getName() + ".refusal";
    /** The problem code of a token whose session ended (logout) or whose account was deactivated. */
    public static final String SESSION_ENDED = "auth.sessionEnded";
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
            CallerToken token;
            try {
                token = verifier.check(bearer.get());
            } catch (TokenRefused refused) {
                return refuse(request, response, context, refused.reason().code());
            }
            if (sessions.state(token.getTokenID(), token.getSubject()) == Sessions.State.ENDED) {
                return refuse(request, response, context, SESSION_ENDED);
            }
            return accept(request, context, token);
        }
        Optional<String> cookie = SessionCookie.read(request);
        Optional<CallerToken> session = cookie.flatMap(verifier::verify);
        Sessions.State state = session.map(t -> sessions.state(t.getTokenID(), t.getSubject())).orElse(Sessions.State.ENDED);
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

    private AuthenticationStatus accept(HttpServletRequest request, HttpMessageContext context, CallerToken token) {
        request.setAttribute(TOKEN, token);
        return context.notifyContainerAboutLogin(token.getName(), token.getGroups());
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String code) {
        request.setAttribute(REFUSAL, code);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"ventanilla\", error=\"invalid_token\"");
        return context.responseUnauthorized();
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
