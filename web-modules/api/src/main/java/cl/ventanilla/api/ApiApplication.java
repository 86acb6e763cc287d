package cl.ventanilla.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application at the WAR's context root ({@code /api}). Callers authenticate with a bearer
 * token from {@code POST /api/auth/login} (an RS256 JWT in the MicroProfile JWT format; its {@code groups}
 * are the roles), checked by the application's one authentication mechanism,
 * {@link cl.ventanilla.auth.boundary.TokenAuthentication}, which also serves the screens' session cookie:
 * Jakarta Security resolves a single mechanism per EAR, so MicroProfile JWT's own cannot sit beside it.
 */
@ApplicationScoped
@ApplicationPath("")
@DeclareRoles({"ADMIN", "SUPERVISOR", "OPERATOR", "KIOSK", "DISPLAY"})
public class ApiApplication extends Application {
}
