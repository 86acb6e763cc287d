package cl.ventanilla.api.auth;

import cl.ventanilla.api.Public;
import cl.ventanilla.api.Roles;
import cl.ventanilla.api.auth.Payloads.Credentials;
import cl.ventanilla.api.auth.Payloads.CurrentUser;
import cl.ventanilla.api.auth.Payloads.PasswordChange;
import cl.ventanilla.api.auth.Payloads.ResetConfirmation;
import cl.ventanilla.api.auth.Payloads.ResetRequest;
import cl.ventanilla.api.auth.Payloads.SignedIn;
import cl.ventanilla.auth.boundary.Accounts;
import cl.ventanilla.auth.boundary.PasswordResets;
import cl.ventanilla.auth.boundary.Sessions;
import cl.ventanilla.auth.boundary.SignIn;
import cl.ventanilla.auth.boundary.TokenAuthentication;
import cl.ventanilla.auth.control.OpenSessions.AccountState;
import cl.ventanilla.auth.control.TokenIssuer;
import cl.ventanilla.auth.control.TokenIssuer.IssuedToken;
import cl.ventanilla.auth.entity.AuthenticatedUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /api/auth/}: signing in and out, resetting a forgotten password, and the caller's own account.
 * A refused login is a 401 problem whose {@code code} says why: {@code auth.invalidCredentials} (unknown
 * RUT and wrong password alike), {@code auth.locked} (with until when, Chilean time) or
 * {@code auth.inactive}. Locked accounts get 401 rather than 423, so that clients handle one status for
 * "not signed in" and read the reason from the problem.
 */
@ApplicationScoped
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    SignIn signIn;

    @Inject
    TokenIssuer tokens;

    @Inject
    PasswordResets resets;

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;

    /** RUT and password for a bearer token (RS256 JWT) and the signed-in user. */
    @POST
    @Path("login")
    @Public
    public SignedIn login(@NotNull @Valid Credentials credentials) {
        AuthenticatedUser user = signIn.authenticate(credentials.rut(), credentials.password());
        IssuedToken token = tokens.issue(user);
        return new SignedIn(token.token(), token.expiresAt(), user);
    }

    /** Ends the caller's session: the token is refused from now on, on every instance. */
    @POST
    @Path("logout")
    @Roles({"ADMIN", "SUPERVISOR", "OPERATOR", "KIOSK", "DISPLAY"})
    public Response logout() {
        JsonWebToken caller = caller();
        sessions.revoke(caller.getTokenID(), Instant.ofEpochSecond(caller.getExpirationTime()));
        return Response.noContent().build();
    }

    /**
     * Sends a reset link to the account with this RUT or email. Always 202, whether or not there is such
     * an account, so that nobody can find out who has one.
     */
    @POST
    @Path("password-reset")
    @Public
    public Response requestReset(@NotNull @Valid ResetRequest request) {
        resets.request(request.rutOrEmail());
        return Response.accepted().build();
    }

    /** The new password chosen with a reset link: 204, or 400 when the link is unknown, used or expired. */
    @POST
    @Path("password-reset/confirm")
    @Public
    public Response confirmReset(@NotNull @Valid ResetConfirmation confirmation) {
        resets.confirm(confirmation.token(), confirmation.newPassword());
        return Response.noContent().build();
    }

    /** Who the caller's token speaks for. */
    @GET
    @Path("me")
    @Roles({"ADMIN", "SUPERVISOR", "OPERATOR", "KIOSK", "DISPLAY"})
    public CurrentUser me() {
        JsonWebToken caller = caller();
        UUID id = callerId();
        AccountState account = sessions.account(id);
        return new CurrentUser(id, caller.getName(), caller.getClaim("name"), Set.copyOf(caller.getGroups()),
                account.unitIds(), account.mustChangePassword(), Instant.ofEpochSecond(caller.getExpirationTime()));
    }

    /** The caller replaces their own password, giving the current one: 204, or 400 with what to fix. */
    @PUT
    @Path("me/password")
    @Roles({"ADMIN", "SUPERVISOR", "OPERATOR", "KIOSK", "DISPLAY"})
    public Response changePassword(@NotNull @Valid PasswordChange change) {
        accounts.changePassword(callerId(), change.currentPassword(), change.newPassword());
        return Response.noContent().build();
    }

    /** The token that authenticated this request (set by the authentication mechanism). */
    private JsonWebToken caller() {
        if (request.getAttribute(TokenAuthentication.TOKEN) instanceof JsonWebToken token) {
            return token;
        }
        throw new NotAuthorizedException("Bearer");
    }

    /** The account id in the token's {@code sub}; a token without one was not issued here. */
    private UUID callerId() {
        try {
            return UUID.fromString(caller().getSubject());
        } catch (RuntimeException notOurs) {
            throw new NotAuthorizedException("Bearer");
        }
    }
}
