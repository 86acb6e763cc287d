package cl.ventanilla.kernel.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who the client of a request is and whether it came over HTTPS, believing {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} only from the gateway ({@code VENTANILLA_TRUSTED_PROXIES}; unset trusts no
 * one). Every place that needs the citizen's address or the scheme asks here; the rule is
 * {@link TrustedProxies}.
 *
 * <p>Read once at start: a list with an entry that is not an IP or a CIDR block stops the deployment
 * with the entry named, instead of being half applied. Ignoring a mistyped gateway address would make
 * every citizen look like the gateway and share one booking attempt limit; ignoring a mistyped block
 * could leave trusted a range nobody meant.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ForwardedHeaders {

    private static final Logger LOG = Logger.getLogger(ForwardedHeaders.class.getName());

    @Inject
    @ConfigProperty(name = "ventanilla.trusted-proxies")
    Optional<String> configured;

    private TrustedProxies proxies = TrustedProxies.none();

    @PostConstruct
    void read() {
        try {
            proxies = TrustedProxies.parse(configured.orElse(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("VENTANILLA_TRUSTED_PROXIES no es válido: " + e.getMessage(), e);
        }
        LOG.info(() -> proxies.isEmpty()
                ? "Sin proxies de confianza (VENTANILLA_TRUSTED_PROXIES vacío): X-Forwarded-For y X-Forwarded-Proto se ignoran."
                : "X-Forwarded-For y X-Forwarded-Proto se creen solo desde: " + proxies);
    }

    /** The citizen's address: the peer, or the first untrusted hop a trusted gateway names. */
    public String clientAddress(HttpServletRequest request) {
        // several X-Forwarded-For lines are one list, in the order they arrived
        Enumeration<String> lines = request.getHeaders("X-Forwarded-For");
        String forwardedFor = lines == null ? "" : String.join(",", Collections.list(lines));
        return proxies.clientAddress(request.getRemoteAddr(), forwardedFor.isEmpty() ? null : forwardedFor);
    }

    /** Whether the browser reached us over HTTPS, directly or through a trusted gateway. */
    public boolean isHttps(HttpServletRequest request) {
        return proxies.isHttps(request.isSecure(), request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
    }
}
