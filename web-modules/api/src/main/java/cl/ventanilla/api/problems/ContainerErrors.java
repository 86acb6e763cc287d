package cl.ventanilla.api.problems;

import cl.ventanilla.auth.boundary.TokenAuthentication;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;

/**
 * Errors the container answers before JAX-RS sees the request become the same problem details as every
 * other API error, instead of the server's HTML page. A bearer token refused by
 * {@link TokenAuthentication} says why in its {@code code}: {@code auth.tokenInvalid} (forged, another
 * key, issuer or audience, unknown {@code kid}, not RS256), {@code auth.tokenExpired} or
 * {@code auth.sessionEnded} (logged out, account deactivated).
 */
@WebServlet("/error")
public class ContainerErrors extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        int status = code instanceof Integer number ? number : response.getStatus();
        Locale locale = Languages.preferred(Collections.list(request.getLocales()),
                request.getHeader("Accept-Language") != null);
        Response.StatusType type = Response.Status.fromStatusCode(status) == null
                ? Response.Status.INTERNAL_SERVER_ERROR : Response.Status.fromStatusCode(status);
        String key = status == 401 && request.getAttribute(TokenAuthentication.REFUSAL) instanceof String refusal
                ? refusal : "http." + status;
        Problem problem = new Problem("urn:ventanilla:problem:" + key, Languages.title(type, locale), status,
                Languages.message(key, locale), key);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ventanilla\""
                    + (key.equals("http.401") ? "" : ", error=\"invalid_token\""));
        }
        try (var jsonb = JsonbBuilder.create()) {
            response.getWriter().write(jsonb.toJson(problem));
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
