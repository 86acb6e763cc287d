package cl.ventanilla.signin;

import cl.ventanilla.auth.boundary.Sessions;
import cl.ventanilla.auth.control.TokenVerifier;
import cl.ventanilla.auth.boundary.SessionCookie;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sign out: the session's token is revoked for every screen and instance, the cookie is removed, and
 * the browser returns to the login page with a confirmation.
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    TokenVerifier verifier;

    @Inject
    Sessions sessions;

    @Inject
    SessionCookie sessionCookie;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        doPost(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        SessionCookie.read(request).flatMap(verifier::verify)
                .ifPresent(token -> sessions.revoke(token.getTokenID(), token.expiresAt()));
        sessionCookie.clear(request, response);
        request.logout();
        response.sendRedirect(request.getContextPath() + "/?salida=true");
    }
}
