package cl.ventanilla.config.boundary;

import cl.ventanilla.config.entity.Directorate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an administrator fills in to create or change a directorate. */
public record DirectorateDetails(
        @NotBlank(message = "{config.name.required}")
        @Size(max = Directorate.NAME_LENGTH, message = "{config.name.size}") String name,
        @Size(max = Directorate.DESCRIPTION_LENGTH, message = "{config.description.size}") String description) {
}
