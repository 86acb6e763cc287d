package cl.ventanilla.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application at the WAR's context root ({@code /api}); a CDI bean so MicroProfile JWT can attach. */
@ApplicationScoped
@ApplicationPath("")
public class ApiApplication extends Application {
}
