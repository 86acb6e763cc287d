package cl.ventanilla.api.config;

import cl.ventanilla.api.Roles;
import cl.ventanilla.config.boundary.AuditLog;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/**
 * {@code /api/config/audit}: the audit log, newest first, filtered by entity ({@code servicios},
 * {@code usuarios} …), author's RUT and days ({@code from}, {@code to}, both included).
 */
@ApplicationScoped
@Path("config/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog auditLog;

    @GET
    @Roles("ADMIN")
    public Page<AuditEntry> entries(@QueryParam("entity") String entity, @QueryParam("actorRut") String actorRut,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return auditLog.entries(entity, actorRut, from, to, page, size);
    }
}
