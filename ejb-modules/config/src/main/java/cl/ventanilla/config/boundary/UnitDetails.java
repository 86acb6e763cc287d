package cl.ventanilla.config.boundary;

import cl.ventanilla.config.entity.Unit;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What an administrator fills in to create or change a unit (its opening hours are set apart). */
public record UnitDetails(
        @NotNull(message = "{config.unit.directorate.required}") UUID directorateId,
        @NotBlank(message = "{config.name.required}")
        @Size(max = Unit.NAME_LENGTH, message = "{config.name.size}") String name,
        @Size(max = Unit.ADDRESS_LENGTH, message = "{config.address.size}") String address,
        @Size(max = Unit.PHONE_LENGTH, message = "{config.phone.size}") String phone,
        @Email(message = "{config.email.invalid}")
        @Size(max = Unit.EMAIL_LENGTH, message = "{config.email.invalid}") String email) {
}
