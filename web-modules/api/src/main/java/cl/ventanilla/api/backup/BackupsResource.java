package cl.ventanilla.api.backup;

import cl.ventanilla.api.Roles;
import cl.ventanilla.auth.boundary.TokenAuthentication;
import cl.ventanilla.backup.boundary.Backups;
import cl.ventanilla.backup.boundary.Backups.ScheduleView;
import cl.ventanilla.backup.boundary.Backups.Storage;
import cl.ventanilla.backup.entity.BackupFile;
import cl.ventanilla.backup.entity.BackupKind;
import cl.ventanilla.backup.entity.BackupRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code /api/backups}: the backups, for administrators only (a backup holds every citizen's data).
 * {@code GET} lists the finished backups; {@code POST {"kind":"db"|"configs"|"cleanup"}} starts a run now and
 * answers 202 with where to follow it ({@code runs/{id}}), or 409 while one of the kind runs anywhere in the
 * cluster; {@code {name}/download} gives the file with its SHA-256; {@code schedules/{kind}} changes when a
 * kind runs (cron's five fields, {@code off}, or blank for the environment's default).
 */
@ApplicationScoped
@Path("backups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Roles("ADMIN")
public class BackupsResource {

    @Inject
    Backups backups;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /** A finished backup. */
    public record BackupView(String name, String kind, Instant takenAt, long sizeBytes, String sha256, boolean verified,
            String verification, Long durationMillis, String instance, String origin, String downloadUrl) {

        static BackupView of(BackupFile file) {
            BackupRun run = file.run();
            return new BackupView(file.name(), file.kind().label(), file.takenAt(), file.sizeBytes(), file.sha256(),
                    file.verified(), run == null ? null : run.verification(), run == null ? null : run.durationMillis(),
                    run == null ? null : run.instance(), run == null ? "external" : run.manual() ? "manual" : "scheduled",
                    "/api/backups/" + file.name() + "/download");
        }
    }

    /** A run, with its progress while it goes on. */
    public record RunView(UUID id, String kind, String state, String stage, String file, Long sizeBytes, String sha256,
            Instant scheduledFor, Instant startedAt, Instant finishedAt, long durationMillis, String instance,
            String requestedBy, int attempts, Boolean verified, String verification, String error) {

        static RunView of(BackupRun run) {
            return new RunView(run.id(), run.kind().label(), run.state().name(), run.stage(), run.file(), run.sizeBytes(),
                    run.sha256(), run.scheduledFor(), run.startedAt(), run.finishedAt(), run.durationMillis(), run.instance(),
                    run.requestedBy(), run.attempts(), run.verified(), run.verification(), run.error());
        }
    }

    /** What to run now. */
    public record RunRequest(@NotNull(message = "{ventanilla.backup.kind.required}")
            @Schema(enumeration = {"db", "configs", "cleanup"}) String kind) {
    }

    /** A kind's new schedule: cron's five fields, {@code off}, or blank for the environment's default. */
    public record ScheduleRequest(@Size(max = 100, message = "{ventanilla.backup.schedule.size}") String schedule) {
    }

    /** A kind's schedule and its next run. */
    public record ScheduleItem(String kind, String schedule, boolean custom, Instant next) {

        static ScheduleItem of(ScheduleView view) {
            return new ScheduleItem(view.kind().label(), view.schedule(), view.custom(), view.next());
        }
    }

    /** The finished backups, newest first. */
    @GET
    public List<BackupView> list() {
        return backups.backups().stream().map(BackupView::of).toList();
    }

    /** Starts a run now: 202 with the run, its {@code Location} to follow its progress. */
    @POST
    public Response start(@NotNull(message = "{ventanilla.backup.body.required}") @jakarta.validation.Valid RunRequest wanted) {
        BackupRun run = backups.start(Backups.kind(wanted.kind()), caller());
        return Response.accepted(RunView.of(run))
                .location(uri.getBaseUriBuilder().path("backups/runs/{id}").build(run.id())).build();
    }

    /** The latest runs, newest first, with those going on. */
    @GET
    @Path("runs")
    public List<RunView> runs(@QueryParam("limit") @DefaultValue("20")
            @Min(value = 1, message = "{ventanilla.backup.limit.range}")
            @Max(value = Backups.MAX_RUNS, message = "{ventanilla.backup.limit.range}") int limit) {
        return backups.runs(limit).stream().map(RunView::of).toList();
    }

    @GET
    @Path("runs/{id}")
    public RunView run(@PathParam("id") UUID id) {
        return RunView.of(backups.run(id));
    }

    @GET
    @Path("schedules")
    public List<ScheduleItem> schedules() {
        return backups.schedules().stream().map(ScheduleItem::of).toList();
    }

    @PUT
    @Path("schedules/{kind}")
    public ScheduleItem schedule(@PathParam("kind") @Schema(enumeration = {"db", "configs", "cleanup"}) String kind,
            @NotNull(message = "{ventanilla.backup.body.required}") @jakarta.validation.Valid ScheduleRequest wanted) {
        BackupKind which = Backups.kind(kind);
        return ScheduleItem.of(backups.schedule(which, wanted.schedule(), caller()));
    }

    /** The folder, its free space and the retention. */
    @GET
    @Path("storage")
    public Storage storage() {
        return backups.storage();
    }

    @GET
    @Path("{name}")
    public BackupView backup(@PathParam("name") String name) {
        return BackupView.of(backups.backup(name));
    }

    /** The backup's file; its SHA-256 in {@code Repr-Digest} and in the {@code .sha256} beside it. */
    @GET
    @Path("{name}/download")
    @Produces({"application/gzip", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response download(@PathParam("name") String name) {
        BackupFile backup = backups.backup(name);
        java.nio.file.Path file = backups.file(name);
        return Response.ok(file.toFile(), "application/gzip")
                .header("Content-Disposition", "attachment; filename=\"" + backup.name() + "\"")
                .header("Content-Length", backup.sizeBytes())
                .header("Repr-Digest", backup.reprDigest())
                .header("Cache-Control", "no-store").build();
    }

    private String caller() {
        return request.getAttribute(TokenAuthentication.TOKEN) instanceof JsonWebToken token ? token.getName() + " (" + token.<String>getClaim("name") + ")"
                : "desconocido";
    }
}
