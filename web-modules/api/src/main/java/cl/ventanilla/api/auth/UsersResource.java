package cl.ventanilla.api.auth;

import cl.ventanilla.api.Roles;
import cl.ventanilla.auth.boundary.Accounts;
import cl.ventanilla.auth.boundary.NewUser;
import cl.ventanilla.auth.boundary.UserChanges;
import cl.ventanilla.auth.boundary.UserPage;
import cl.ventanilla.auth.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * {@code /api/auth/users}: the administration of staff and device accounts, for administrators only.
 * Accounts are deactivated, never deleted.
 */
@ApplicationScoped
@Path("auth/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Roles("ADMIN")
public class UsersResource {

    @Inject
    Accounts accounts;

    @Context
    UriInfo uri;

    /** Accounts whose RUT, name or email contains {@code q}, by name, a page at a time. */
    @GET
    public UserPage search(@QueryParam("q") @Size(max = 100, message = "{ventanilla.auth.search.size}") String text,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "{ventanilla.auth.page.min}") int page,
            @QueryParam("size") @DefaultValue("20")
            @Min(value = 1, message = "{ventanilla.auth.size.min}")
            @Max(value = Accounts.MAX_PAGE_SIZE, message = "{ventanilla.auth.size.max}") int size) {
        return accounts.search(text, page, size);
    }

    /** Creates an account: 201 with its location; without a password, the person gets a reset link. */
    @POST
    public Response create(@NotNull @Valid NewUser request) {
        User created = accounts.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    public User get(@PathParam("id") UUID id) {
        return accounts.getById(id);
    }

    /** Replaces name, email, roles and units (and the password, when one is given). */
    @PUT
    @Path("{id}")
    public User update(@PathParam("id") UUID id, @NotNull @Valid UserChanges changes) {
        return accounts.update(id, changes);
    }

    @POST
    @Path("{id}/deactivate")
    public User deactivate(@PathParam("id") UUID id) {
        return accounts.deactivate(id);
    }

    @POST
    @Path("{id}/activate")
    public User activate(@PathParam("id") UUID id) {
        return accounts.activate(id);
    }

    /** The current password stops working and the owner receives a reset link: 204. */
    @POST
    @Path("{id}/force-reset")
    public Response forceReset(@PathParam("id") UUID id) {
        accounts.forceReset(id);
        return Response.noContent().build();
    }
}
