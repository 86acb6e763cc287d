package cl.ventanilla.config.boundary;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A unit's priority rules as an administrator sets them; categories by code (PERSONA_MAYOR …). */
public record PriorityRuleDetails(
        @NotNull(message = "{config.priority.ratio}")
        @Min(value = 1, message = "{config.priority.ratio}") Integer preferentialShare,
        @NotNull(message = "{config.priority.ratio}")
        @Min(value = 0, message = "{config.priority.ratio}") Integer normalShare,
        @NotNull(message = "{config.priority.maximumWait}")
        @Min(value = 1, message = "{config.priority.maximumWait}") Integer maximumWaitMinutes,
        @NotNull(message = "{config.priority.recalls}")
        @Min(value = 0, message = "{config.priority.recalls}") Integer maxRecalls,
        @NotNull(message = "{config.priority.checkIn}")
        @Min(value = 0, message = "{config.priority.checkIn}") Integer checkInEarlyMinutes,
        @NotNull(message = "{config.priority.checkIn}")
        @Min(value = 0, message = "{config.priority.checkIn}") Integer checkInGraceMinutes,
        List<@NotBlank(message = "{config.priority.category}") String> categoryCodes) {

    public PriorityRuleDetails {
        // nulls inside are kept for Bean Validation to report, not thrown here
        categoryCodes = categoryCodes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(categoryCodes));
    }
}
