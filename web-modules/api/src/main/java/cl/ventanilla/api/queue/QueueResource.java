package cl.ventanilla.api.queue;

import cl.ventanilla.api.Public;
import cl.ventanilla.api.Roles;
import cl.ventanilla.api.queue.QueuePayloads.CheckIn;
import cl.ventanilla.api.queue.QueuePayloads.Outcome;
import cl.ventanilla.api.queue.QueuePayloads.Pause;
import cl.ventanilla.api.queue.QueuePayloads.Transfer;
import cl.ventanilla.api.queue.QueuePayloads.WalkIn;
import cl.ventanilla.auth.boundary.TokenAuthentication;
import cl.ventanilla.queue.boundary.LobbyBoard;
import cl.ventanilla.queue.boundary.LobbyBoard.Snapshot;
import cl.ventanilla.queue.boundary.StationSessions;
import cl.ventanilla.queue.boundary.TicketDesk;
import cl.ventanilla.queue.boundary.TicketDesk.IssuedTicket;
import cl.ventanilla.queue.entity.PauseReason;
import cl.ventanilla.queue.entity.StationSession;
import cl.ventanilla.queue.entity.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /api/queue}: issuing tickets and checking in appointments (kiosk), working a desk and pausing it
 * (operators), and the unit's public
 * snapshot. Unknown ids answer 404, a ticket or station in the wrong state 409, bad input 400, all as
 * problem details in Spanish or English.
 */
@ApplicationScoped
@Path("queue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueResource {

    @Inject
    TicketDesk desk;

    @Inject
    StationSessions sessions;

    @Inject
    LobbyBoard lobby;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    /** Issues a walk-in ticket: 201 with the ticket, the people ahead and the estimated wait. */
    @POST
    @Path("tickets")
    @Roles({"KIOSK", "ADMIN"})
    public Response issue(@NotNull(message = "{ventanilla.queue.service.required}") @Valid WalkIn walkIn) {
        IssuedTicket issued = desk.issueWalkIn(walkIn.serviceId(), walkIn.preferentialCategory());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.ticket().getId().toString()).build())
                .entity(issued).build();
    }

    /**
     * Checks in a citizen with an appointment ({@code {"code": "…"}} or {@code {"rut": "…"}}): 201 with
     * the ticket, flagged as an appointment; 409 too early, too late or already checked in (the message
     * says until or since when); 404 for an unknown code or no booking of the day; 400 for anything else.
     */
    @POST
    @Path("check-in")
    @Roles({"KIOSK", "ADMIN"})
    public Response checkIn(@NotNull(message = "{ventanilla.queue.checkIn.required}") @Valid CheckIn checkIn) {
        IssuedTicket issued = desk.checkIn(checkIn.codeOrRut());
        return Response.created(uri.getBaseUriBuilder().path("queue").path("tickets")
                .path(issued.ticket().getId().toString()).build()).entity(issued).build();
    }

    /** Calls the station's next ticket: 200 with it, or 204 when nobody waits. */
    @POST
    @Path("stations/{stationId}/call-next")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public Response callNext(@PathParam("stationId") UUID stationId) {
        return desk.callNext(stationId).map(t -> Response.ok(t).build()).orElseGet(() -> Response.noContent().build());
    }

    /**
     * Pauses the station with a reason ({@code {"reason": "LUNCH"}}, or {@code OTHER} with a
     * {@code detail}): 200 with the station's session; 409 while a ticket is in hand or when already
     * paused. Nobody sitting there yet: the caller's session is opened.
     */
    @POST
    @Path("stations/{stationId}/pause")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public StationSession pause(@PathParam("stationId") UUID stationId,
            @NotNull(message = "{ventanilla.queue.pause.required}") @Valid Pause pause) {
        return sessions.pause(stationId, callerId(), PauseReason.of(pause.reason(), pause.detail()));
    }

    /** The paused station calls again: 200 with its session, 409 when it was not paused. */
    @POST
    @Path("stations/{stationId}/resume")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public StationSession resumeStation(@PathParam("stationId") UUID stationId) {
        return sessions.resume(stationId);
    }

    @POST
    @Path("tickets/{id}/recall")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public Ticket recall(@PathParam("id") UUID id) {
        return desk.recall(id);
    }

    @POST
    @Path("tickets/{id}/no-show")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public Ticket noShow(@PathParam("id") UUID id) {
        return desk.noShow(id);
    }

    @POST
    @Path("tickets/{id}/start")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public Ticket start(@PathParam("id") UUID id) {
        return desk.start(id);
    }

    /** Finishes the attention; the body ({@code {"outcome": "…"}}) is optional. */
    @POST
    @Path("tickets/{id}/finish")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public Ticket finish(@PathParam("id") UUID id, @Valid Outcome outcome) {
        return desk.finish(id, outcome == null ? null : outcome.outcome());
    }

    @POST
    @Path("tickets/{id}/transfer")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public Ticket transfer(@PathParam("id") UUID id,
            @NotNull(message = "{ventanilla.queue.service.required}") @Valid Transfer transfer) {
        return desk.transfer(id, transfer.serviceId());
    }

    @POST
    @Path("tickets/{id}/park")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public Ticket park(@PathParam("id") UUID id) {
        return desk.park(id);
    }

    @POST
    @Path("tickets/{id}/resume")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public Ticket resume(@PathParam("id") UUID id) {
        return desk.resume(id);
    }

    /** What the lobby screen and the virtual ticket show; public, without personal data. */
    @GET
    @Path("units/{unitId}/snapshot")
    @Public
    public Snapshot snapshot(@PathParam("unitId") UUID unitId) {
        return lobby.snapshot(unitId);
    }

    /** The account id in the token's {@code sub}: who opens the station's session. */
    private UUID callerId() {
        if (request.getAttribute(TokenAuthentication.TOKEN) instanceof JsonWebToken token) {
            try {
                return UUID.fromString(token.getSubject());
            } catch (RuntimeException notOurs) {
                throw new NotAuthorizedException("Bearer");
            }
        }
        throw new NotAuthorizedException("Bearer");
    }
}
