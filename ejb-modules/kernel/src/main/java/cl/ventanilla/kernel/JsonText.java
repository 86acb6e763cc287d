package cl.ventanilla.kernel;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code Json.createReader(…)} and its siblings look the
 * provider up again on every call (a service-loader search through the server's class loaders): under
 * load that search cost a fifth of the CPU, mostly in the token check of every request. Everything
 * reads and writes JSON-P through this one instance instead.
 */
public final class JsonText {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonText() {
    }
}
