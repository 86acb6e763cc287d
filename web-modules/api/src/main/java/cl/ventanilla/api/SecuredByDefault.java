package cl.ventanilla.api;

import cl.ventanilla.auth.boundary.TokenAuthentication;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may call each resource method, from its {@link Roles} or {@link Public} (the method's first, then its
 * class's), as Jakarta REST security defines {@code @RolesAllowed} and {@code @PermitAll}: a caller without a
 * token is answered 401, a caller in none of the roles 403. The roles are the groups of the caller's verified
 * token, which {@link TokenAuthentication} leaves on the request. The annotations are ours, not Jakarta's,
 * so that Payara's MicroProfile JWT filter for {@code @RolesAllowed} and {@code @PermitAll} is never
 * installed: it looked the caller up through Soteria on every request, a tenth of its CPU.
 *
 * <p>Fails closed: a resource method that declares neither (on itself or its class) answers 403 to
 * everybody, so forgetting to decide who may call a new endpoint never publishes it. The role matrix test
 * catches the omission before that.
 */
@Provider
public class SecuredByDefault implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(SecuredByDefault.class.getName());

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (type.getName().startsWith("org.glassfish")) {
            return;
        }
        AnnotatedElement decides = declares(method) ? method : declares(type) ? type : null;
        if (decides == null) {
            LOG.warning(() -> "Sin declaración de roles, se niega a todos: " + type.getSimpleName() + "#" + method.getName());
            context.register(new Deny());
        } else if (!decides.isAnnotationPresent(Public.class)) {
            context.register(new InRoles(Set.of(decides.getAnnotation(Roles.class).value())));
        }
    }

    private static boolean declares(AnnotatedElement element) {
        return element.isAnnotationPresent(Public.class) || element.isAnnotationPresent(Roles.class);
    }

    /** Lets in a caller whose token has one of the roles. */
    @Priority(Priorities.AUTHORIZATION)
    static final class InRoles implements ContainerRequestFilter {

        private final Set<String> allowed;

        InRoles(Set<String> allowed) {
            this.allowed = allowed;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!(request.getProperty(TokenAuthentication.TOKEN) instanceof JsonWebToken caller)) {
                throw new NotAuthorizedException("Authentication not done",
                        Response.status(Response.Status.UNAUTHORIZED).build());
            }
            if (caller.getGroups().stream().noneMatch(allowed::contains)) {
                throw new ForbiddenException("Caller not in requested role");
            }
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Deny implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            throw new ForbiddenException();
        }
    }
}
