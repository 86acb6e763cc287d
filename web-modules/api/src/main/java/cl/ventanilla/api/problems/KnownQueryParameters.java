package cl.ventanilla.api.problems;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Set;

/**
 * A query parameter the endpoint does not declare is refused with a 400 naming it, instead of being
 * ignored: a misspelt filter ({@code ?servicio=} for {@code ?service=}) would otherwise answer the
 * unfiltered list, and a call that changes something would go through with what the caller thought was a
 * condition. Checked after the roles, so an anonymous caller still learns first that it must sign in.
 */
@Provider
public class KnownQueryParameters implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceClass().getName().startsWith("org.glassfish")) {
            return;
        }
        Set<String> declared = new HashSet<>();
        for (Annotation[] annotations : resource.getResourceMethod().getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    declared.add(query.value());
                }
            }
        }
        context.register(new Check(Set.copyOf(declared)));
    }

    @Priority(Priorities.USER)
    record Check(Set<String> declared) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            for (String name : request.getUriInfo().getQueryParameters().keySet()) {
                if (!declared.contains(name)) {
                    throw new InvalidParameterException("param.unknown", name);
                }
            }
        }
    }
}
