package cl.ventanilla.configweb;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.config.boundary.AuditLog;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.control.UnitCalendar;
import cl.ventanilla.config.entity.AuditEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * audit.xhtml: who changed what and when, newest first, filtered by table ({@code entidad}), author's
 * RUT ({@code rut}) and days ({@code desde}, {@code hasta}), 20 a page ({@code pagina}). Read only, so
 * request scoped: every filter and page is a link.
 */
@Named
@RequestScoped
public class AuditBacking {

    public static final int PAGE_SIZE = 20;

    /** The tables whose changes are recorded, as the entity filter offers them. */
    public static final List<String> ENTITIES = List.of("direcciones_municipales", "unidades", "servicios",
            "estaciones", "cierres_unidad", "feriados", "reglas_prioridad", "usuarios");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss")
            .withZone(UnitCalendar.ZONE);

    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(
            Map.of(JsonGenerator.PRETTY_PRINTING, true));

    @Inject
    AuditLog auditLog;

    private String entity;
    private String rut;
    private LocalDate from;
    private LocalDate to;
    private int pageNumber = 1;
    private Page<AuditEntry> page;

    public void load() {
        try {
            page = auditLog.entries(entity, rut, from, to, pageNumber - 1, PAGE_SIZE);
        } catch (RuntimeException e) {
            Feedback.problem(e);
            page = new Page<>(List.of(), 0, PAGE_SIZE, 0);
        }
    }

    public Page<AuditEntry> getPage() {
        if (page == null) {
            load();
        }
        return page;
    }

    public int getPageCount() {
        return (int) Math.max(1, (getPage().total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public boolean isFirstPage() {
        return pageNumber <= 1;
    }

    public boolean isLastPage() {
        return pageNumber >= getPageCount();
    }

    /** When the change was made, in Santiago time. */
    public String when(AuditEntry entry) {
        return WHEN.format(entry.getAt());
    }

    /** The table's name for people ("Servicios"); the table itself when the screen does not know it. */
    public String entityName(String table) {
        return label("audit.entity.", table);
    }

    /** The action's name for people ("Modificación"); the action itself when the screen does not know it. */
    public String actionName(String action) {
        return label("audit.action.", action);
    }

    /** The fields as they were, or are, printed for reading; {@code null} when the entry has none. */
    public String json(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        StringWriter text = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(text)) {
            writer.write(value);
        }
        return text.toString().strip();
    }

    public List<String> getEntities() {
        return ENTITIES;
    }

    private static String label(String prefix, String value) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return value != null && bundle.containsKey(prefix + value) ? bundle.getString(prefix + value) : value;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity == null || entity.isBlank() ? null : entity;
    }

    public String getRut() {
        return rut;
    }

    public void setRut(String rut) {
        this.rut = rut == null || rut.isBlank() ? null : rut.strip();
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Integer getPageNumber() {
        return pageNumber;
    }

    public void setPageNumber(Integer pageNumber) {
        this.pageNumber = pageNumber == null || pageNumber < 1 ? 1 : pageNumber;
    }
}
