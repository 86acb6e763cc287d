package cl.ventanilla.api.problems;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's JSON-B: a body with a field the payload does not have is refused (400) instead of the field
 * being dropped without a word, so a misspelt {@code "serviceID"} or an invented {@code "admin": true} is
 * never taken as an empty value or silently ignored.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    /** Yasson's switch (JSON-B has none of its own). */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
