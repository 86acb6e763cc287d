package cl.ventanilla.api.problems;

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
 * Errors the container answers before JAX-RS sees the request (a missing, forged or expired bearer
 * token is refused by MicroProfile JWT with 401) become the same problem details as every other API
 * error, instead of the server's HTML page.
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
        String key = "http." + status;
        Problem problem = new Problem("urn:ventanilla:problem:" + key, Languages.title(type, locale), status,
                Languages.message(key, locale), key);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ventanilla\"");
        }
        try (var jsonb = JsonbBuilder.create()) {
            response.getWriter().write(jsonb.toJson(problem));
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
