package cl.ventanilla.queue.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@link QueueMetrics} current on every instance: every 15 seconds it registers the services and
 * reads who waits now (one query), so a scrape of {@code /metrics} never waits for the database. The
 * timer is not persistent on purpose: each instance publishes its own copy.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QueueMetricsRefresh {

    private static final Logger LOG = Logger.getLogger(QueueMetricsRefresh.class.getName());

    @Inject
    QueueMetrics metrics;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "métricas de la cola")
    public void refresh() {
        try {
            metrics.refresh();
        } catch (RuntimeException e) {
            // the database may be switching primaries: the gauges keep their last values until the next tick
            LOG.log(Level.WARNING, "No se pudieron leer las colas para las métricas: {0}", e.toString());
        }
    }
}
