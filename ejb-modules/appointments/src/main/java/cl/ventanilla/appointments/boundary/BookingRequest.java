package cl.ventanilla.appointments.boundary;

import cl.ventanilla.appointments.entity.Appointment;
import cl.ventanilla.appointments.entity.ProofOfWork;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * What a citizen sends to book a slot: the service and the slot's start, who they are (RUT, name, email,
 * optional phone, language {@code es} or {@code en}), the solved challenge, and the address the request
 * came from (set by the screen or the REST resource, not typed by the citizen).
 */
public record BookingRequest(
        @NotNull(message = "{ventanilla.appointments.service.required}")
        UUID serviceId,
        @NotNull(message = "{ventanilla.appointments.start.required}")
        Instant start,
        @NotBlank(message = "{ventanilla.appointments.rut.required}")
        @Size(max = 20, message = "{ventanilla.appointments.rut.size}")
        String rut,
        @NotBlank(message = "{ventanilla.appointments.name.required}")
        @Size(min = 2, max = Appointment.NAME_LENGTH, message = "{ventanilla.appointments.name.size}")
        String name,
        @NotBlank(message = "{ventanilla.appointments.email.required}")
        @Size(max = Appointment.EMAIL_LENGTH, message = "{ventanilla.appointments.email.size}")
        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{ventanilla.appointments.email.format}")
        String email,
        @Size(max = Appointment.PHONE_LENGTH, message = "{ventanilla.appointments.phone.size}")
        @Pattern(regexp = "^[+0-9 ()-]*$", message = "{ventanilla.appointments.phone.format}")
        String phone,
        @Pattern(regexp = "^(es|en)$", message = "{ventanilla.appointments.language.format}")
        String language,
        @NotBlank(message = "{ventanilla.appointments.clientIp.required}")
        @Size(max = Appointment.IP_LENGTH, message = "{ventanilla.appointments.clientIp.size}")
        String clientIp,
        @Size(max = 400, message = "{ventanilla.appointments.challenge.size}")
        String challenge,
        @Size(max = ProofOfWork.NONCE_MAX_LENGTH, message = "{ventanilla.appointments.nonce.size}")
        String nonce) {
}
