package cl.ventanilla.ai.control;

import cl.ventanilla.ai.entity.CatalogEntry;
import cl.ventanilla.ai.entity.CatalogRanking;
import cl.ventanilla.ai.entity.CatalogRanking.Match;
import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.config.boundary.ConfigurationReadModel.ServiceView;
import cl.ventanilla.config.boundary.ConfigurationReadModel.UnitView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The services a question is about, from the municipality's own catalog: the configuration's read model
 * (kept in memory and fresh by the config domain) gives the active services of active units and
 * directorates, and {@link CatalogRanking} ranks them by the question's words.
 */
@ApplicationScoped
public class CatalogSearch {

    @Inject
    ConfigurationReadModel configuration;

    /** The best matches, best first, at most {@code limit}. */
    public List<Match> search(String question, int limit) {
        return new CatalogRanking(entries()).rank(question, limit);
    }

    List<CatalogEntry> entries() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (ServiceView service : configuration.services()) {
            Optional<UnitView> unit = configuration.unit(service.unitId());
            if (service.active() && unit.isPresent() && unit.get().active() && unit.get().directorateActive()) {
                entries.add(new CatalogEntry(service.id(), service.name(), service.description(),
                        service.requirements(), unit.get().id(), unit.get().name(), unit.get().directorateName(),
                        service.acceptsBookings()));
            }
        }
        return entries;
    }
}
