package cl.ventanilla.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Fails closed: a resource method that declares neither {@code @PermitAll}, {@code @RolesAllowed} nor
 * {@code @DenyAll} (on itself or its class) answers 403 to everybody, so forgetting to decide who may call
 * a new endpoint never publishes it. The role matrix test catches the omission before that.
 */
@Provider
public class SecuredByDefault implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(SecuredByDefault.class.getName());

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (declares(method) || declares(type) || type.getName().startsWith("org.glassfish")) {
            return;
        }
        LOG.warning(() -> "Sin declaración de roles, se niega a todos: " + type.getSimpleName() + "#" + method.getName());
        context.register(new Deny());
    }

    private static boolean declares(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(PermitAll.class) || element.isAnnotationPresent(RolesAllowed.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Deny implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            throw new jakarta.ws.rs.ForbiddenException();
        }
    }
}
