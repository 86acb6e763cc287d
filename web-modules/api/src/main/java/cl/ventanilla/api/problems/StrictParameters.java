package cl.ventanilla.api.problems;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Converts path and query parameters (ids, dates, months, numbers, flags) strictly, and answers a
 * malformed one with a 400 problem naming the value instead of JAX-RS's 404.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Strict<>("param.uuid", text -> {
                if (!UUID_TEXT.matcher(text).matches()) {
                    throw new IllegalArgumentException(text);
                }
                return UUID.fromString(text);
            });
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Strict<>("param.date", LocalDate::parse);
        }
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) new Strict<>("param.month", YearMonth::parse);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>("param.integer", Integer::valueOf);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new Strict<>("param.boolean", text -> switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(text);
            });
        }
        return null;
    }

    private record Strict<T>(String key, Function<String, T> parser) implements ParamConverter<T> {

        @Override
        public T fromString(String text) {
            if (text == null) {
                return null;
            }
            try {
                return parser.apply(text.strip());
            } catch (RuntimeException e) {
                throw new InvalidParameterException(key, text);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
