package cl.ventanilla.statistics;

import cl.ventanilla.config.boundary.ConfigurationReadModel;
import cl.ventanilla.kernel.testing.ModuleDeployment;
import java.io.File;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The statistics module's test archive, shared by its ITs. */
final class StatisticsDeployment {

    private StatisticsDeployment() {
    }

    /**
     * The statistics with the queue (its boundary fires the facts and reads its history; its persistence unit
     * is the only one of the archive), the configuration's read model it reads, and the appointments' fact records.
     */
    static WebArchive of(String name) {
        return ModuleDeployment.of(name, "cl.ventanilla.statistics")
                .addPackages(true, "cl.ventanilla.queue")
                .addPackage("cl.ventanilla.appointments.entity")
                .addClass(ConfigurationReadModel.class)
                // with the units' calendars it holds
                .addPackages(false, "cl.ventanilla.config.control", "cl.ventanilla.config.entity")
                .addAsResource(new File("../queue/src/main/resources/META-INF/persistence.xml"), "META-INF/persistence.xml")
                .addAsResource("cl/ventanilla/queue/Messages.properties")
                .addAsResource("cl/ventanilla/queue/Messages_es.properties")
                .addAsResource("cl/ventanilla/queue/Messages_en.properties")
                // the tests issue tickets at whatever hour they run (the demo units close at 17:00 and on holidays),
                // as the system tests' server does with VENTANILLA_QUEUE_ANY_HOUR
                .addAsResource(new StringAsset("ventanilla.queue.any-hour=true\n"), "META-INF/microprofile-config.properties");
    }
}
