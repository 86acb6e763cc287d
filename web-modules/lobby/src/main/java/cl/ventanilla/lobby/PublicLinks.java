package cl.ventanilla.lobby;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Absolute links to the citizen's pages, the same ones the emails carry: under the public address
 * ({@code VENTANILLA_PUBLIC_URL}) when the municipality sets it, else under the address this request came to.
 */
@ApplicationScoped
public class PublicLinks {

    @Inject
    @ConfigProperty(name = "ventanilla.public.url")
    Optional<String> publicUrl;

    public String manage(String code) {
        return base() + "/cita.xhtml?codigo=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    private String base() {
        return publicUrl.map(url -> url.replaceAll("/+$", "")).orElseGet(() -> {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            String url = request.getRequestURL().toString();
            return url.substring(0, url.length() - request.getRequestURI().length());
        });
    }
}
