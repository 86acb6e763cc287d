package cl.ventanilla.config.boundary;

import cl.ventanilla.config.entity.MunicipalService;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * What an administrator fills in to create or change a service. The unit is chosen at creation and
 * cannot change afterwards.
 */
public record ServiceDetails(
        @NotNull(message = "{config.service.unit.required}") UUID unitId,
        @NotBlank(message = "{config.name.required}")
        @Size(max = MunicipalService.NAME_LENGTH, message = "{config.name.size}") String name,
        @Size(max = MunicipalService.DESCRIPTION_LENGTH, message = "{config.description.size}") String description,
        @NotNull(message = "{config.service.prefix.invalid}")
        @Pattern(regexp = "^\\s*[A-Za-z]{1,2}\\s*$", message = "{config.service.prefix.invalid}") String prefix,
        @Size(max = MunicipalService.REQUIREMENTS_LENGTH, message = "{config.requirements.size}") String requirements,
        @NotNull(message = "{config.service.averageAttentionMinutes}")
        @Min(value = 1, message = "{config.service.averageAttentionMinutes}") Integer averageAttentionMinutes,
        @NotNull(message = "{config.service.slaMinutes}")
        @Min(value = 1, message = "{config.service.slaMinutes}") Integer slaMinutes,
        @Min(value = 0, message = "{config.service.dailyWalkInQuota}") Integer dailyWalkInQuota,
        @NotNull(message = "{config.service.takesAppointments}") Boolean takesAppointments,
        @NotNull(message = "{config.service.slotMinutes}")
        @Min(value = 1, message = "{config.service.slotMinutes}") Integer slotMinutes,
        @NotNull(message = "{config.service.bookingHorizonDays}")
        @Min(value = 1, message = "{config.service.bookingHorizonDays}") Integer bookingHorizonDays,
        @NotNull(message = "{config.service.minimumLeadMinutes}")
        @Min(value = 0, message = "{config.service.minimumLeadMinutes}") Integer minimumLeadMinutes) {
}
