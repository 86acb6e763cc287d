package cl.ventanilla.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every system test stands on: the built EAR on a real Payara Server (started once for the whole
 * run, see {@link VentanillaServer}), with its real SMTP server ({@link Mailbox}).
 */
@ExtendWith(SystemTest.Server.class)
abstract class SystemTest {

    static VentanillaServer server;

    static class Server implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            server = VentanillaServer.start(context);
        }
    }
}
