package cl.ventanilla.config.boundary;

import cl.ventanilla.config.entity.Holiday;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A national holiday as an administrator enters it. */
public record HolidayDetails(
        @NotNull(message = "{config.holiday.date.required}") LocalDate date,
        @NotBlank(message = "{config.name.required}")
        @Size(max = Holiday.NAME_LENGTH, message = "{config.name.size}") String name,
        boolean mandatory) {
}
