package cl.ventanilla.kernel.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Puts {@link SteadyPayaraMicro} in the place of Payara's own Micro container for every module's tests. */
public class SteadyPayaraMicroExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SteadyPayaraMicro.class);
    }
}
