package cl.ventanilla.config.boundary;

import cl.ventanilla.config.entity.UnitClosure;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A closure of one unit as an administrator enters it: first and last day (both closed) and why. */
public record ClosureDetails(
        @NotNull(message = "{config.closure.from.required}") LocalDate from,
        @NotNull(message = "{config.closure.to.required}") LocalDate to,
        @NotBlank(message = "{config.closure.reason.required}")
        @Size(max = UnitClosure.REASON_LENGTH, message = "{config.closure.reason.size}") String reason) {
}
