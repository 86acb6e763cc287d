package cl.ventanilla.config.entity;

import static cl.ventanilla.kernel.JsonText.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;

/** Builds the JSON an {@link Audited} entity gives the audit log, from name/value pairs. */
final class Snapshot {

    private Snapshot() {
    }

    static JsonObject of(Object... namesAndValues) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == null) {
                json.addNull(name);
            } else if (value instanceof Boolean flag) {
                json.add(name, flag);
            } else if (value instanceof Integer number) {
                json.add(name, number);
            } else if (value instanceof Long number) {
                json.add(name, number);
            } else if (value instanceof Collection<?> values) {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                values.forEach(v -> array.add(String.valueOf(v)));
                json.add(name, array);
            } else {
                json.add(name, value.toString());
            }
        }
        return json.build();
    }
}
