package cl.ventanilla.api.config;

import cl.ventanilla.api.Public;
import cl.ventanilla.config.boundary.PriorityRules;
import cl.ventanilla.config.entity.PreferentialCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/config/preferential-categories}: who the law entitles to preferential attention. */
@ApplicationScoped
@Path("config/preferential-categories")
@Produces(MediaType.APPLICATION_JSON)
public class PreferentialCategoriesResource {

    @Inject
    PriorityRules priorityRules;

    @GET
    @Public
    public List<PreferentialCategory> categories() {
        return priorityRules.categories();
    }
}
