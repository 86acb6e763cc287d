package cl.ventanilla.queue.entity;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A desk as the queue sees it (read from the configuration's {@code estaciones}): its unit, the name and
 * number the lobby shows, and the services it attends now.
 */
public record Station(UUID id, UUID unitId, String name, int number, boolean active, List<UUID> services) {

    public Station {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitId, "unitId");
        services = List.copyOf(services);
    }
}
