package cl.ventanilla.api.appointments;

import cl.ventanilla.api.Public;
import cl.ventanilla.api.Roles;
import cl.ventanilla.api.appointments.AppointmentPayloads.Booking;
import cl.ventanilla.api.appointments.AppointmentPayloads.Closure;
import cl.ventanilla.api.appointments.AppointmentPayloads.ClosureResult;
import cl.ventanilla.api.appointments.AppointmentPayloads.Reschedule;
import cl.ventanilla.appointments.boundary.AppointmentDesk;
import cl.ventanilla.appointments.boundary.Availability;
import cl.ventanilla.appointments.boundary.BookableDay;
import cl.ventanilla.appointments.boundary.BookableService;
import cl.ventanilla.appointments.boundary.BookingChallenges;
import cl.ventanilla.appointments.boundary.BookingRequest;
import cl.ventanilla.appointments.boundary.BookingView;
import cl.ventanilla.appointments.boundary.Bookings;
import cl.ventanilla.appointments.boundary.Challenge;
import cl.ventanilla.appointments.boundary.Slot;
import cl.ventanilla.kernel.Rut;
import cl.ventanilla.kernel.web.ForwardedHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code /api/appointments}: the public booking flow and the staff's day. A taken slot, a cap, a block
 * or a booking that can no longer change answer 409 (or 403 for a block and too many attempts), unknown
 * services and bookings 404, bad input 400, all as problem details in Spanish or English.
 */
@ApplicationScoped
@Path("appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentsResource {

    @Inject
    Availability availability;

    @Inject
    Bookings bookings;

    @Inject
    BookingChallenges challenges;

    @Inject
    AppointmentDesk desk;

    @Inject
    ForwardedHeaders forwarded;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Path("services")
    @Public
    public List<BookableService> services() {
        return availability.services();
    }

    /** The calendar: each day from {@code from} to {@code to} (at most 62) with its state and free slots. */
    @GET
    @Path("services/{id}/days")
    @Public
    public List<BookableDay> days(@PathParam("id") UUID serviceId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        return availability.days(serviceId, from, to);
    }

    @GET
    @Path("services/{id}/slots")
    @Public
    public List<Slot> slots(@PathParam("id") UUID serviceId, @QueryParam("date") LocalDate date) {
        return availability.slots(serviceId, date);
    }

    /** The earliest bookable slot: 200 with it, or 204 when the whole horizon is booked. */
    @GET
    @Path("services/{id}/first-free")
    @Public
    public Response firstFree(@PathParam("id") UUID serviceId) {
        return availability.firstFree(serviceId).map(s -> Response.ok(s).build())
                .orElseGet(() -> Response.noContent().build());
    }

    /** A fresh proof-of-work challenge for the booking form; never cached. */
    @GET
    @Path("challenge")
    @Public
    public Response challenge() {
        Challenge challenge = challenges.issue();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(challenge).cacheControl(noStore).build();
    }

    /** Books a slot: 201 with the booking (its code is what the citizen keeps). */
    @POST
    @Public
    public Response book(Booking booking) {
        BookingRequest wanted = booking == null ? null
                : new BookingRequest(booking.serviceId(), booking.start(), booking.rut(), booking.name(),
                        booking.email(), booking.phone(), booking.language(), forwarded.clientAddress(request),
                        booking.challenge(), booking.nonce());
        BookingView booked = bookings.book(wanted);
        return Response.created(uri.getAbsolutePathBuilder().path(booked.code()).build()).entity(booked).build();
    }

    @GET
    @Path("{code}")
    @Public
    public BookingView find(@PathParam("code") String code, @QueryParam("rut") @Schema(required = true, format = Rut.FORMAT,
            pattern = Rut.SHAPE, maxLength = 20) String rut) {
        return bookings.find(code, rut);
    }

    /** Cancels the booking (while CONFIRMADO and before its start): 200 with it, now CANCELADO. */
    @DELETE
    @Path("{code}")
    @Public
    public BookingView cancel(@PathParam("code") String code, @QueryParam("rut") @Schema(required = true, format = Rut.FORMAT,
            pattern = Rut.SHAPE, maxLength = 20) String rut) {
        return bookings.cancel(code, rut);
    }

    /** Moves the booking to another slot: 200 with the NEW booking and its new code. */
    @POST
    @Path("{code}/reschedule")
    @Public
    public BookingView reschedule(@PathParam("code") String code, Reschedule reschedule) {
        return bookings.reschedule(code, reschedule == null ? null : reschedule.rut(),
                reschedule == null ? null : reschedule.start(), forwarded.clientAddress(request));
    }

    /** The unit's bookings of a day, by start; {@code service} narrows it to one service. */
    @GET
    @Path("unit/{unitId}")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public List<BookingView> day(@PathParam("unitId") UUID unitId, @QueryParam("date") LocalDate date,
            @QueryParam("service") UUID serviceId) {
        return desk.day(unitId, serviceId, date);
    }

    @POST
    @Path("{id}/no-show")
    @Roles({"OPERATOR", "SUPERVISOR", "ADMIN"})
    public BookingView noShow(@PathParam("id") UUID appointmentId) {
        return desk.markNoShow(appointmentId, desk.callerId().orElse(null));
    }

    /** Registers an unexpected closure and cancels the bookings of those days. */
    @POST
    @Path("unit/{unitId}/closures")
    @Roles({"SUPERVISOR", "ADMIN"})
    public ClosureResult close(@PathParam("unitId") UUID unitId, Closure closure) {
        return new ClosureResult(desk.cancelRange(unitId, closure == null ? null : closure.from(),
                closure == null ? null : closure.to(), closure == null ? null : closure.reason(),
                desk.callerId().orElse(null)));
    }
}
