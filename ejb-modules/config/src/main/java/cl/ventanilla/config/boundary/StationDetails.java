package cl.ventanilla.config.boundary;

import cl.ventanilla.config.entity.Station;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What an administrator fills in to create or change a station: its number and name on the lobby
 * screen and the services of its unit it attends. The unit is chosen at creation and cannot change.
 */
public record StationDetails(
        @NotNull(message = "{config.station.unit.required}") UUID unitId,
        @NotNull(message = "{config.station.number}")
        @Min(value = 1, message = "{config.station.number}") Integer number,
        @NotBlank(message = "{config.name.required}")
        @Size(max = Station.NAME_LENGTH, message = "{config.name.size}") String name,
        List<@NotNull(message = "{config.station.serviceIds}") UUID> serviceIds) {

    public StationDetails {
        // nulls inside are kept for Bean Validation to report, not thrown here
        serviceIds = serviceIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(serviceIds));
    }
}
