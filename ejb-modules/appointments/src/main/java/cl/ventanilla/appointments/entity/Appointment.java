package cl.ventanilla.appointments.entity;

import cl.ventanilla.appointments.entity.AppointmentCancelled.CancelledBy;
import cl.ventanilla.kernel.Rut;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A citizen's booking of one slot of a service ({@code agendamientos}), the aggregate root of the
 * appointments domain.
 *
 * <p>Life of a booking: {@link #book booked} (CONFIRMADO) → checked in at the kiosk (PRESENTADO, by the
 * queue) → attended; or {@link #cancel cancelled} by the citizen before it starts, by staff or by an
 * unexpected closure; or {@link #rescheduleTo moved} to another slot, which makes a new booking with its
 * own code and leaves this one REPROGRAMADO; or {@link #markNoShow marked} as a no-show after its start.
 * Each method checks the state it starts from and throws an {@link AppointmentException} (409) otherwise.
 */
@Entity
@Table(name = "agendamientos")
public class Appointment {

    public static final int NAME_LENGTH = 120;
    public static final int EMAIL_LENGTH = 254;
    public static final int PHONE_LENGTH = 30;
    public static final int IP_LENGTH = 45;
    public static final int REASON_LENGTH = 300;

    @Id
    private UUID id;

    @Column(name = "codigo", nullable = false, updatable = false, length = 16)
    private String code;

    @Column(name = "unidad_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(name = "servicio_id", nullable = false, updatable = false)
    private UUID serviceId;

    @Column(name = "rut_ciudadano", nullable = false, updatable = false, length = 12)
    private String rut;

    @Column(name = "nombre_ciudadano", nullable = false, length = NAME_LENGTH)
    private String citizenName;

    @Column(name = "email_ciudadano", nullable = false, length = EMAIL_LENGTH)
    private String email;

    @Column(name = "telefono_ciudadano", length = PHONE_LENGTH)
    private String phone;

    @Column(name = "idioma", nullable = false, length = 5)
    private String language;

    @Column(name = "fecha_hora_inicio", nullable = false, updatable = false)
    private Instant start;

    @Column(name = "fecha_hora_fin", nullable = false, updatable = false)
    private Instant end;

    @Column(name = "estado", nullable = false, length = 20)
    private AppointmentState state;

    @Column(name = "reprogramado_desde_id", updatable = false)
    private UUID rescheduledFromId;

    @Column(name = "cantidad_reprogramaciones", nullable = false, updatable = false)
    private int rescheduleCount;

    @Column(name = "fecha_cancelacion")
    private Instant cancelledAt;

    @Column(name = "cancelado_por", length = 20)
    private String cancelledBy;

    @Column(name = "cancelado_por_usuario_id")
    private UUID cancelledByUserId;

    @Column(name = "motivo_cancelacion", length = REASON_LENGTH)
    private String cancellationReason;

    @Column(name = "cierre_id")
    private UUID closureId;

    @Column(name = "no_show_marcado_por_id")
    private UUID noShowMarkedById;

    @Column(name = "ip_origen", length = IP_LENGTH, updatable = false)
    private String clientIp;

    @Column(name = "fecha_creacion", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "ultima_actualizacion", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected Appointment() {
        // for JPA
    }

    private Appointment(String code, UUID unitId, UUID serviceId, Rut rut, Citizen citizen, Instant start,
            Instant end, String clientIp, Instant now) {
        this.id = UUID.randomUUID();
        this.code = Objects.requireNonNull(code, "code");
        this.unitId = Objects.requireNonNull(unitId, "unitId");
        this.serviceId = Objects.requireNonNull(serviceId, "serviceId");
        this.rut = rut.normalized();
        this.citizenName = citizen.name();
        this.email = citizen.email();
        this.phone = citizen.phone();
        this.language = citizen.language();
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a slot ends after it starts");
        }
        this.clientIp = clientIp;
        this.state = AppointmentState.CONFIRMED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Who booked, as they typed it (already validated at the boundary). */
    public record Citizen(String name, String email, String phone, String language) {
        public Citizen {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
            language = language == null ? "es" : language;
        }
    }

    /** A new confirmed booking of the slot [start, end). */
    public static Appointment book(String code, UUID unitId, UUID serviceId, Rut rut, Citizen citizen,
            Instant start, Instant end, String clientIp, Instant now) {
        return new Appointment(code, unitId, serviceId, rut, citizen, start, end, clientIp, now);
    }

    /**
     * Moves the booking to another slot of the same service: returns the new booking (new code, same
     * citizen, one more reschedule) and leaves this one REPROGRAMADO, releasing its slot.
     */
    public Appointment rescheduleTo(String newCode, Instant newStart, Instant newEnd, String clientIp, Instant now) {
        requireChangeable(now, "reschedule");
        if (newStart.equals(start)) {
            throw AppointmentException.invalid("reschedule.sameSlot");
        }
        Appointment next = new Appointment(newCode, unitId, serviceId, Rut.of(rut),
                new Citizen(citizenName, email, phone, language), newStart, newEnd, clientIp, now);
        next.rescheduledFromId = id;
        next.rescheduleCount = rescheduleCount + 1;
        this.state = AppointmentState.RESCHEDULED;
        this.updatedAt = now;
        return next;
    }

    /**
     * Cancels the booking. The citizen may do so only before it starts; staff and closures also cancel
     * the day's bookings whose hour has passed, as long as they are still CONFIRMADO.
     */
    public void cancel(CancelledBy by, String reason, UUID byUserId, UUID closureId, Instant now) {
        if (by == CancelledBy.CITIZEN) {
            requireChangeable(now, "cancel");
        } else if (state != AppointmentState.CONFIRMED) {
            throw AppointmentException.conflict("booking.notConfirmed", code, state.code());
        }
        this.state = AppointmentState.CANCELLED;
        this.cancelledAt = now;
        this.cancelledBy = by.column();
        this.cancelledByUserId = byUserId;
        this.cancellationReason = reason == null ? null
                : reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
        this.closureId = closureId;
        this.updatedAt = now;
    }

    /** Marks that the citizen did not come: only a confirmed booking whose hour has started. */
    public void markNoShow(UUID staffUserId, Instant now) {
        if (state != AppointmentState.CONFIRMED) {
            throw AppointmentException.conflict("booking.notConfirmed", code, state.code());
        }
        if (now.isBefore(start)) {
            throw AppointmentException.conflict("noShow.tooEarly", code);
        }
        this.state = AppointmentState.NO_SHOW;
        this.noShowMarkedById = staffUserId;
        this.updatedAt = now;
    }

    /** Whether the citizen may still cancel or move it: confirmed and not yet started. */
    public boolean isChangeable(Instant now) {
        return state == AppointmentState.CONFIRMED && now.isBefore(start);
    }

    /** Refuses, with the reason, when the booking can no longer be moved. */
    public void ensureMovable(Instant now) {
        requireChangeable(now, "reschedule");
    }

    private void requireChangeable(Instant now, String what) {
        if (state != AppointmentState.CONFIRMED) {
            throw AppointmentException.conflict("booking.notChangeable." + what, code, state.code());
        }
        if (!now.isBefore(start)) {
            throw AppointmentException.conflict("booking.started", code);
        }
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public UUID getServiceId() {
        return serviceId;
    }

    /** The RUT as stored: {@code 12345678-5}. */
    public String getRut() {
        return rut;
    }

    public String getCitizenName() {
        return citizenName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getLanguage() {
        return language;
    }

    public Instant getStart() {
        return start;
    }

    public Instant getEnd() {
        return end;
    }

    public AppointmentState getState() {
        return state;
    }

    public UUID getRescheduledFromId() {
        return rescheduledFromId;
    }

    public int getRescheduleCount() {
        return rescheduleCount;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancellationReason() {
        return cancellationReason;
    }
}
