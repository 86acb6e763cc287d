package cl.ventanilla.api.openapi;

import cl.ventanilla.api.Public;
import cl.ventanilla.api.Roles;
import cl.ventanilla.api.problems.BodyLimit;
import cl.ventanilla.api.problems.Problem;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The API's OpenAPI document ({@code /openapi}), built from the resources themselves: every JAX-RS method of
 * {@code cl.ventanilla.api}, its path and query parameters, its body and answer as JSON-B writes them (the
 * {@code @JsonbProperty} names), with the limits Bean Validation enforces ({@code @Size}, {@code @Min},
 * {@code @Pattern}, {@code @NotNull}…), the formats of the Java types (UUID, dates, times, enumerations) and
 * the MicroProfile OpenAPI annotations where the type alone does not say it (a RUT, a date written as text).
 * Payara's own scanner is switched off ({@code mp.openapi.scan.disable}): it stopped with a
 * NullPointerException on {@code @NotBlank} parameters and then served a document with a fifth of the paths,
 * UUIDs and dates as objects and the Java field names instead of the JSON ones. One rule in one place: the
 * limits documented are read from the annotations that enforce them.
 */
public class ApiDescription implements OASModelReader {

    static final String PACKAGE = "cl.ventanilla.api";
    static final String PROBLEM = "application/problem+json";
    static final String BEARER = "bearer";

    private final Map<String, Schema> components = new TreeMap<>();
    private final Set<Class<?>> described = new HashSet<>();

    @Override
    public OpenAPI buildModel() {
        OpenAPI openApi = OASFactory.createOpenAPI()
                .openapi("3.0.3")
                .info(OASFactory.createInfo().title("Ventanilla API").version("1")
                        .description("Atención ciudadana municipal: configuración, agendamiento, filas, correos, respaldos, "
                                + "asistente y estadísticas. Los errores son application/problem+json (RFC 9457) en español, "
                                + "o en inglés con Accept-Language: en. Los cuerpos admiten hasta " + BodyLimit.MAX_BYTES
                                + " bytes y ningún campo ni parámetro que no esté descrito aquí."))
                .addServer(OASFactory.createServer().url("/api"));
        Components components = OASFactory.createComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("El token de POST /api/auth/login"));
        schemaOf(Problem.class);
        Map<String, PathItem> paths = new TreeMap<>();
        Set<String> tags = new TreeSet<>();
        for (Class<?> resource : resources()) {
            Path base = resource.getAnnotation(Path.class);
            Tag tag = resource.getAnnotation(Tag.class);
            String tagName = tag != null ? tag.name() : base.value().split("/")[0];
            tags.add(tagName);
            List<Method> methods = new ArrayList<>(Arrays.asList(resource.getMethods()));
            methods.sort(Comparator.comparing(Method::getName));
            for (Method method : methods) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path own = method.getAnnotation(Path.class);
                String path = "/" + (base.value() + (own == null ? "" : "/" + own.value()))
                        .replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}").replaceAll("/+", "/").replaceAll("^/|/$", "");
                paths.computeIfAbsent(path, p -> OASFactory.createPathItem())
                        .setOperation(PathItem.HttpMethod.valueOf(http), operation(resource, method, tagName));
            }
        }
        var pathsModel = OASFactory.createPaths();
        paths.forEach(pathsModel::addPathItem);
        tags.forEach(name -> openApi.addTag(OASFactory.createTag().name(name)));
        this.components.forEach(components::addSchema);
        return openApi.paths(pathsModel).components(components);
    }

    // ---- operations

    private org.eclipse.microprofile.openapi.models.Operation operation(Class<?> resource, Method method, String tag) {
        var operation = OASFactory.createOperation().operationId(resource.getSimpleName() + "_" + method.getName())
                .addTag(tag);
        Operation described = method.getAnnotation(Operation.class);
        Roles roles = Optional.ofNullable(method.getAnnotation(Roles.class))
                .orElse(method.isAnnotationPresent(Public.class) ? null : resource.getAnnotation(Roles.class));
        String who = roles == null ? "Público." : "Roles: " + String.join(", ", roles.value()) + ".";
        if (described != null) {
            operation.summary(described.summary()).description(described.description().isEmpty() ? who
                    : described.description() + " " + who);
        } else {
            operation.description(who);
        }
        if (roles != null) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        }
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            java.lang.reflect.Parameter parameter = parameters[i];
            Type type = method.getGenericParameterTypes()[i];
            PathParam inPath = parameter.getAnnotation(PathParam.class);
            QueryParam inQuery = parameter.getAnnotation(QueryParam.class);
            if (inPath != null || inQuery != null) {
                Schema schema = inline(type);
                constrain(schema, parameter);
                DefaultValue fallback = parameter.getAnnotation(DefaultValue.class);
                if (fallback != null) {
                    schema.defaultValue(fallback.value());
                }
                var model = OASFactory.createParameter().name(inPath != null ? inPath.value() : inQuery.value())
                        .in(inPath != null ? org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH
                                : org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY)
                        .required(inPath != null || required(parameter)).schema(schema);
                Parameter documented = parameter.getAnnotation(Parameter.class);
                if (documented != null && !documented.description().isEmpty()) {
                    model.description(documented.description());
                }
                if (documented != null && !documented.example().isEmpty()) {
                    model.example(documented.example());
                }
                operation.addParameter(model);
            } else if (Stream.of(parameter.getAnnotations())
                    .noneMatch(a -> a.annotationType().getName().startsWith("jakarta.ws.rs"))) {
                // neither a parameter of the URL nor something of the container (@Context): the body
                Schema schema = schemaOf(type);
                operation.requestBody(OASFactory.createRequestBody().required(required(parameter))
                        .content(content(mediaTypes(method.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class)),
                                schema)));
            }
        }
        APIResponses responses = OASFactory.createAPIResponses();
        Class<?> returned = method.getReturnType();
        List<String> produced = mediaTypes(method.getAnnotation(Produces.class), resource.getAnnotation(Produces.class));
        if (returned == void.class) {
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Hecho, sin contenido"));
        } else if (returned == Response.class) {
            responses.addAPIResponse("2XX", OASFactory.createAPIResponse().description("Hecho (el cuerpo, si lo hay, "
                    + "según la descripción de la operación)"));
        } else {
            responses.addAPIResponse("200", OASFactory.createAPIResponse().description("Hecho")
                    .content(content(produced.stream().filter(m -> !m.startsWith("text/csv")).toList(),
                            schemaOf(method.getGenericReturnType()))));
        }
        Schema problem = OASFactory.createSchema().ref("#/components/schemas/" + Problem.class.getSimpleName());
        responses.addAPIResponse("4XX", OASFactory.createAPIResponse()
                .description("Solicitud inválida (400), sin sesión (401), sin permiso (403), inexistente (404), en "
                        + "conflicto (409), demasiado grande (413) o demasiadas solicitudes (429); el detalle en el idioma "
                        + "pedido").content(OASFactory.createContent().addMediaType(PROBLEM,
                        OASFactory.createMediaType().schema(problem))));
        return operation.responses(responses);
    }

    private static Content content(List<String> mediaTypes, Schema schema) {
        Content content = OASFactory.createContent();
        for (String mediaType : mediaTypes.isEmpty() ? List.of(MediaType.APPLICATION_JSON) : mediaTypes) {
            content.addMediaType(mediaType, OASFactory.createMediaType().schema(schema));
        }
        return content;
    }

    private static List<String> mediaTypes(Annotation own, Annotation inherited) {
        Annotation chosen = own != null ? own : inherited;
        String[] values = chosen instanceof Consumes consumes ? consumes.value()
                : chosen instanceof Produces produces ? produces.value() : new String[0];
        return Stream.of(values).flatMap(v -> Stream.of(v.split(","))).map(String::strip).toList();
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    // ---- schemas

    /** A reference to the type's component (records and classes), or the inline schema of a simple type. */
    Schema schemaOf(Type type) {
        Class<?> raw = raw(type);
        if (raw == null || simple(raw) || Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
                || raw.isArray() || raw == Optional.class || raw == Object.class) {
            return inline(type);
        }
        String name = componentName(raw);
        if (described.add(raw)) {
            Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT).additionalPropertiesBoolean(Boolean.FALSE);
            components.put(name, schema);
            org.eclipse.microprofile.openapi.annotations.media.Schema documented =
                    raw.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            if (documented != null && !documented.description().isEmpty()) {
                schema.description(documented.description());
            }
            for (Property property : properties(raw)) {
                Schema propertySchema = schemaOf(property.type());
                if (propertySchema.getRef() == null) {
                    constrain(propertySchema, property.annotations());
                } else if (property.annotations().isAnnotationPresent(org.eclipse.microprofile.openapi.annotations.media.Schema.class)) {
                    String description = property.annotations()
                            .getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class).description();
                    if (!description.isEmpty()) {
                        propertySchema = OASFactory.createSchema().addAllOf(propertySchema).description(description);
                    }
                }
                schema.addProperty(property.name(), propertySchema);
                if (required(property.annotations())) {
                    schema.addRequired(property.name());
                }
            }
        }
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private Schema inline(Type type) {
        Class<?> raw = raw(type);
        Schema schema = OASFactory.createSchema();
        if (raw == null || raw == Object.class) {
            return schema;
        }
        if (raw == Optional.class) {
            return schemaOf(argument(type, 0));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            schema.type(SchemaType.ARRAY).items(schemaOf(argument(type, 0)));
            if (Set.class.isAssignableFrom(raw)) {
                schema.uniqueItems(Boolean.TRUE);
            }
            return schema;
        }
        if (raw.isArray()) {
            return raw == byte[].class ? schema.type(SchemaType.STRING).format("byte")
                    : schema.type(SchemaType.ARRAY).items(schemaOf(raw.getComponentType()));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return schema.type(SchemaType.OBJECT).additionalPropertiesSchema(schemaOf(argument(type, 1)));
        }
        if (raw.isEnum()) {
            schema.type(SchemaType.STRING);
            for (Object constant : raw.getEnumConstants()) {
                schema.addEnumeration(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (raw == String.class || CharSequence.class.isAssignableFrom(raw) || raw == char.class || raw == Character.class) {
            return schema.type(SchemaType.STRING);
        }
        if (raw == UUID.class) {
            return schema.type(SchemaType.STRING).format("uuid");
        }
        if (raw == LocalDate.class) {
            return schema.type(SchemaType.STRING).format("date").example("2026-12-24");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return schema.type(SchemaType.STRING).format("date-time");
        }
        if (raw == LocalDateTime.class) {
            return schema.type(SchemaType.STRING).format("date-time").description("Hora de Chile, sin zona");
        }
        if (raw == LocalTime.class) {
            return schema.type(SchemaType.STRING).format("time").pattern("^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?$")
                    .example("08:30");
        }
        if (raw == YearMonth.class) {
            return schema.type(SchemaType.STRING).pattern("^\\d{4}-(0[1-9]|1[0-2])$").example("2026-12");
        }
        if (raw == Duration.class) {
            return schema.type(SchemaType.STRING).format("duration");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return schema.type(SchemaType.BOOLEAN);
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class || raw == byte.class) {
            return schema.type(SchemaType.INTEGER).format("int32");
        }
        if (raw == long.class || raw == Long.class) {
            return schema.type(SchemaType.INTEGER).format("int64");
        }
        if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
            return schema.type(SchemaType.NUMBER);
        }
        return schemaOf(type);
    }

    /** The limits Bean Validation enforces, and what the MicroProfile OpenAPI annotations add. */
    private static void constrain(Schema schema, AnnotatedElement element) {
        boolean text = schema.getType() == SchemaType.STRING;
        boolean list = schema.getType() == SchemaType.ARRAY;
        Size size = element.getAnnotation(Size.class);
        if (size != null) {
            if (text) {
                schema.maxLength(size.max() == Integer.MAX_VALUE ? null : size.max()).minLength(size.min() == 0 ? null : size.min());
            } else if (list) {
                schema.maxItems(size.max() == Integer.MAX_VALUE ? null : size.max()).minItems(size.min() == 0 ? null : size.min());
            }
        }
        if ((element.isAnnotationPresent(NotBlank.class) || element.isAnnotationPresent(NotEmpty.class))
                && (schema.getMinLength() == null || schema.getMinLength() < 1)) {
            if (text) {
                schema.minLength(1);
            } else if (list) {
                schema.minItems(1);
            }
        }
        Min min = element.getAnnotation(Min.class);
        if (min != null) {
            schema.minimum(BigDecimal.valueOf(min.value()));
        }
        Max max = element.getAnnotation(Max.class);
        if (max != null) {
            schema.maximum(BigDecimal.valueOf(max.value()));
        }
        DecimalMin decimalMin = element.getAnnotation(DecimalMin.class);
        if (decimalMin != null) {
            schema.minimum(new BigDecimal(decimalMin.value())).exclusiveMinimum(decimalMin.inclusive() ? null : Boolean.TRUE);
        }
        DecimalMax decimalMax = element.getAnnotation(DecimalMax.class);
        if (decimalMax != null) {
            schema.maximum(new BigDecimal(decimalMax.value())).exclusiveMaximum(decimalMax.inclusive() ? null : Boolean.TRUE);
        }
        if (element.isAnnotationPresent(Positive.class)) {
            schema.minimum(BigDecimal.ONE);
        }
        if (element.isAnnotationPresent(PositiveOrZero.class)) {
            schema.minimum(BigDecimal.ZERO);
        }
        Pattern pattern = element.getAnnotation(Pattern.class);
        if (pattern != null) {
            schema.pattern(pattern.regexp());
        }
        if (element.isAnnotationPresent(Email.class)) {
            schema.format("email");
        }
        var documented = element.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (documented == null) {
            Parameter parameter = element.getAnnotation(Parameter.class);
            documented = parameter == null || parameter.schema().type()
                    == org.eclipse.microprofile.openapi.annotations.enums.SchemaType.DEFAULT && parameter.schema().format().isEmpty()
                    && parameter.schema().enumeration().length == 0 ? null : parameter.schema();
        }
        if (documented != null) {
            if (documented.type() != org.eclipse.microprofile.openapi.annotations.enums.SchemaType.DEFAULT) {
                // a number or id that the resource takes as text and parses itself
                schema.type(SchemaType.valueOf(documented.type().name()));
            }
            if (!documented.description().isEmpty()) {
                schema.description(documented.description());
            }
            if (!documented.format().isEmpty()) {
                schema.format(documented.format());
            }
            if (!documented.pattern().isEmpty()) {
                schema.pattern(documented.pattern());
            }
            if (documented.maxLength() != Integer.MAX_VALUE) {
                schema.maxLength(documented.maxLength());
            }
            if (documented.minLength() > 0) {
                schema.minLength(documented.minLength());
            }
            if (!documented.minimum().isEmpty()) {
                schema.minimum(new BigDecimal(documented.minimum())).exclusiveMinimum(documented.exclusiveMinimum() ? Boolean.TRUE : null);
            }
            if (!documented.maximum().isEmpty()) {
                schema.maximum(new BigDecimal(documented.maximum())).exclusiveMaximum(documented.exclusiveMaximum() ? Boolean.TRUE : null);
            }
            if (documented.enumeration().length > 0) {
                schema.enumeration(new ArrayList<>(Arrays.asList((Object[]) documented.enumeration())));
            }
            if (!documented.example().isEmpty()) {
                schema.example(documented.example());
            }
            if (!documented.defaultValue().isEmpty()) {
                schema.defaultValue(documented.defaultValue());
            }
        }
    }

    private static boolean required(AnnotatedElement element) {
        var documented = element.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        Parameter parameter = element.getAnnotation(Parameter.class);
        return element.isAnnotationPresent(NotNull.class) || element.isAnnotationPresent(NotBlank.class)
                || element.isAnnotationPresent(NotEmpty.class) || documented != null && documented.required()
                || parameter != null && parameter.required();
    }

    /** A property as JSON-B sees it: its JSON name, its Java type, and where its annotations are. */
    record Property(String name, Type type, AnnotatedElement annotations) {
    }

    private static List<Property> properties(Class<?> type) {
        List<Property> properties = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                AnnotatedElement field = field(type, component.getName());
                AnnotatedElement annotations = new Merged(field, component, component.getAccessor());
                if (annotations.isAnnotationPresent(JsonbTransient.class)) {
                    continue;
                }
                JsonbProperty named = annotations.getAnnotation(JsonbProperty.class);
                properties.add(new Property(named != null && !named.value().isEmpty() ? named.value() : component.getName(),
                        component.getGenericType(), annotations));
            }
            return properties;
        }
        List<Method> getters = new ArrayList<>(Arrays.asList(type.getMethods()));
        getters.sort(Comparator.comparing(Method::getName));
        for (Method getter : getters) {
            String name = getter.getName();
            String bare = name.startsWith("get") && name.length() > 3 ? name.substring(3)
                    : name.startsWith("is") && name.length() > 2 && (getter.getReturnType() == boolean.class
                            || getter.getReturnType() == Boolean.class) ? name.substring(2) : null;
            if (bare == null || getter.getParameterCount() > 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || name.equals("getClass")) {
                continue;
            }
            String property = Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
            AnnotatedElement field = field(type, property);
            AnnotatedElement annotations = new Merged(field, getter);
            if (annotations.isAnnotationPresent(JsonbTransient.class)) {
                continue;
            }
            JsonbProperty named = annotations.getAnnotation(JsonbProperty.class);
            properties.add(new Property(named != null && !named.value().isEmpty() ? named.value() : property,
                    getter.getGenericReturnType(), annotations));
        }
        for (java.lang.reflect.Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.isAnnotationPresent(JsonbTransient.class)) {
                JsonbProperty named = field.getAnnotation(JsonbProperty.class);
                properties.add(new Property(named != null ? named.value() : field.getName(), field.getGenericType(), field));
            }
        }
        return properties;
    }

    private static AnnotatedElement field(Class<?> type, String name) {
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            try {
                return at.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // on the superclass, or a computed property
            }
        }
        return null;
    }

    /** The annotations of a property wherever they were written: the field, the record component, the accessor. */
    private record Merged(AnnotatedElement... elements) implements AnnotatedElement {
        @Override
        public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
            for (AnnotatedElement element : elements) {
                if (element != null && element.getAnnotation(annotationClass) != null) {
                    return element.getAnnotation(annotationClass);
                }
            }
            return null;
        }

        @Override
        public Annotation[] getAnnotations() {
            return Stream.of(elements).filter(e -> e != null).flatMap(e -> Stream.of(e.getAnnotations())).toArray(Annotation[]::new);
        }

        @Override
        public Annotation[] getDeclaredAnnotations() {
            return getAnnotations();
        }
    }

    private static boolean simple(Class<?> raw) {
        return raw.isPrimitive() || raw.isEnum() || raw.getName().startsWith("java.") || raw == UUID.class;
    }

    private static String componentName(Class<?> raw) {
        var documented = raw.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (documented != null && !documented.name().isEmpty()) {
            return documented.name();
        }
        return raw.getEnclosingClass() == null ? raw.getSimpleName()
                : raw.getEnclosingClass().getSimpleName() + "." + raw.getSimpleName();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return null;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    // ---- the resources of the WAR

    /** Every class of the API's package with a {@code @Path}, read from the WAR's classes folder or jar. */
    static List<Class<?>> resources() {
        ClassLoader loader = ApiDescription.class.getClassLoader();
        Set<String> names = new TreeSet<>();
        String folder = PACKAGE.replace('.', '/');
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                if ("file".equals(url.getProtocol())) {
                    java.nio.file.Path root = Paths.get(url.toURI());
                    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                        files.map(f -> root.relativize(f).toString().replace('\\', '/'))
                                .filter(f -> f.endsWith(".class"))
                                .forEach(f -> names.add(PACKAGE + "." + f.substring(0, f.length() - 6).replace('/', '.')));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    String jar = url.getPath().substring("file:".length(), url.getPath().indexOf("!"));
                    try (JarFile file = new JarFile(java.net.URLDecoder.decode(jar, java.nio.charset.StandardCharsets.UTF_8))) {
                        file.stream().map(java.util.jar.JarEntry::getName)
                                .filter(n -> n.startsWith(folder + "/") && n.endsWith(".class"))
                                .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("the API's classes could not be listed", e);
        }
        List<Class<?>> resources = new ArrayList<>();
        for (String name : names) {
            if (name.contains("$")) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not a class of this WAR's API
            }
        }
        return resources;
    }
}
