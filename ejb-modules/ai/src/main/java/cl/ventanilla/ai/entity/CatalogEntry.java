package cl.ventanilla.ai.entity;

import java.util.UUID;

/**
 * A service as the assistant knows it: what the catalog says about it and where it is attended. Only
 * active services of active units and directorates become entries.
 */
public record CatalogEntry(UUID id, String name, String description, String requirements, UUID unitId, String unitName,
        String directorateName, boolean bookable) {
}
