package cl.ventanilla.config.control;

import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.config.entity.Directorate;
import cl.ventanilla.config.entity.Holiday;
import cl.ventanilla.config.entity.MunicipalService;
import cl.ventanilla.config.entity.PriorityRule;
import cl.ventanilla.config.entity.Station;
import cl.ventanilla.config.entity.Unit;
import cl.ventanilla.config.entity.UnitClosure;
import cl.ventanilla.kernel.audit.AuditEvent;
import cl.ventanilla.kernel.cache.Invalidations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Every change of the configuration is audited ({@link AuditTrail}); once it has committed, the
 * configuration's read model is dropped on every instance. After the commit, not before: an instance that
 * read again before it would keep the old configuration.
 */
@ApplicationScoped
public class ConfigurationChanges {

    private static final Set<String> CONFIGURATION = Set.of(Directorate.TABLE, Holiday.TABLE, MunicipalService.TABLE,
            PriorityRule.TABLE, Station.TABLE, Unit.TABLE, UnitClosure.TABLE);

    @Inject
    Invalidations invalidations;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvent change) {
        if (CONFIGURATION.contains(change.entity())) {
            invalidations.announce(ConfigurationReadModel.TOPIC, null);
        }
    }
}
