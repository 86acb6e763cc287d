package cl.ventanilla.appointments.boundary;

import cl.ventanilla.appointments.control.AbuseLedger;
import cl.ventanilla.appointments.control.AppointmentClock;
import cl.ventanilla.appointments.control.AppointmentSettings;
import cl.ventanilla.appointments.control.AppointmentSettings.ServiceInfo;
import cl.ventanilla.appointments.control.AttemptLimiter;
import cl.ventanilla.appointments.control.BookingViews;
import cl.ventanilla.appointments.control.ChallengeSigner;
import cl.ventanilla.appointments.control.Reservations;
import cl.ventanilla.appointments.entity.Appointment;
import cl.ventanilla.appointments.entity.Appointment.Citizen;
import cl.ventanilla.appointments.entity.AppointmentException;
import cl.ventanilla.kernel.Rut;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A citizen's bookings, managed with the booking code and their RUT: book a slot, look it up, cancel
 * it, move it. Booking and moving count against the client's hourly attempts; booking also needs a
 * solved {@link BookingChallenges challenge}. Those guards commit on their own before the booking's
 * transaction starts, so a refused booking still spent its attempt and its challenge.
 */
@Stateless
public class Bookings {

    @Inject
    Reservations reservations;

    @Inject
    AppointmentSettings settings;

    @Inject
    AttemptLimiter attempts;

    @Inject
    ChallengeSigner challenges;

    @Inject
    AbuseLedger ledger;

    @Inject
    AppointmentClock clock;

    /** Books the slot: the booking, CONFIRMADO, with its code. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BookingView book(@NotNull(message = "{ventanilla.appointments.request.required}") @Valid BookingRequest request) {
        Instant now = clock.now();
        attempts.count(request.clientIp().strip(), now);
        Rut rut = Rut.of(request.rut());
        ServiceInfo service = settings.bookableService(request.serviceId());
        ChallengeSigner.Ticket ticket = challenges.verify(request.challenge(), request.nonce(), now);
        if (!ledger.redeem(ticket.id(), ticket.expiresAt())) {
            throw AppointmentException.invalid("challenge.reused");
        }
        Citizen citizen = new Citizen(request.name().strip(), request.email().strip(),
                request.phone() == null || request.phone().isBlank() ? null : request.phone().strip(),
                request.language() == null ? "es" : request.language());
        Appointment appointment = reservations.book(service, rut, citizen, request.start(), request.clientIp().strip(),
                now);
        return BookingViews.view(appointment, service, now);
    }

    /** The booking with that code and RUT; the same NOT_FOUND whether the code or the RUT is wrong. */
    public BookingView find(@NotBlank(message = "{ventanilla.appointments.code.required}") String code,
            @NotBlank(message = "{ventanilla.appointments.rut.required}") String rut) {
        Appointment appointment = reservations.find(code, Rut.of(rut));
        return BookingViews.view(appointment, settings.service(appointment.getServiceId()), clock.now());
    }

    /** Cancels the booking: only while CONFIRMADO and before it starts. */
    public BookingView cancel(@NotBlank(message = "{ventanilla.appointments.code.required}") String code,
            @NotBlank(message = "{ventanilla.appointments.rut.required}") String rut) {
        Instant now = clock.now();
        Appointment appointment = reservations.cancelByCitizen(code, Rut.of(rut), now);
        return BookingViews.view(appointment, settings.service(appointment.getServiceId()), now);
    }

    /**
     * Moves the booking to another slot of its service: returns the NEW booking (new code); the old one
     * becomes REPROGRAMADO. When the new slot cannot be had, nothing changes.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BookingView reschedule(@NotBlank(message = "{ventanilla.appointments.code.required}") String code,
            @NotBlank(message = "{ventanilla.appointments.rut.required}") String rut,
            @NotNull(message = "{ventanilla.appointments.start.required}") Instant newStart,
            @NotBlank(message = "{ventanilla.appointments.clientIp.required}")
            @Size(max = Appointment.IP_LENGTH, message = "{ventanilla.appointments.clientIp.size}") String clientIp) {
        Instant now = clock.now();
        attempts.count(clientIp.strip(), now);
        Appointment next = reservations.reschedule(code, Rut.of(rut), newStart, clientIp.strip(), now);
        return BookingViews.view(next, settings.service(next.getServiceId()), now);
    }
}
