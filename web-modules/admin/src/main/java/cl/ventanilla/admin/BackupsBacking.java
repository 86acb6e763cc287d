package cl.ventanilla.admin;

import cl.ventanilla.backup.boundary.Backups;
import cl.ventanilla.backup.boundary.Backups.ScheduleView;
import cl.ventanilla.backup.boundary.Backups.Storage;
import cl.ventanilla.backup.entity.BackupFile;
import cl.ventanilla.backup.entity.BackupRun;
import cl.ventanilla.faces.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The backups at /admin/backups.xhtml, for administrators: the finished backups (when, size, how long,
 * verified or not, by which instance, download), "back up now" with the run's progress refreshed in place,
 * the latest runs with their errors, the schedules, and the free space of the backup folder.
 */
@Named
@RequestScoped
public class BackupsBacking {

    static final ZoneId ZONE = ZoneId.of("America/Santiago");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    @Inject
    Backups backups;

    private List<BackupFile> files;
    private List<BackupRun> runs;
    private List<ScheduleView> schedules;
    private Storage storage;
    private String kind;
    private String schedule;

    public List<BackupFile> getFiles() {
        if (files == null) {
            files = backups.backups();
        }
        return files;
    }

    public List<BackupRun> getRuns() {
        if (runs == null) {
            runs = backups.runs(15);
        }
        return runs;
    }

    public boolean isRunning() {
        return getRuns().stream().anyMatch(BackupRun::running);
    }

    public List<ScheduleView> getSchedules() {
        if (schedules == null) {
            schedules = backups.schedules();
        }
        return schedules;
    }

    public Storage getStorage() {
        if (storage == null) {
            storage = backups.storage();
        }
        return storage;
    }

    /** "Respaldar ahora": starts the run and comes back to the page, which follows its progress. */
    public String start(String which) {
        try {
            BackupRun run = backups.start(Backups.kind(which), caller());
            Feedback.done("backups.started." + run.kind().label());
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        }
        return Feedback.redirect("backups", false);
    }

    public String saveSchedule() {
        try {
            ScheduleView saved = backups.schedule(Backups.kind(kind), schedule, caller());
            Feedback.done("backups.scheduleSaved." + saved.kind().label(), saved.schedule());
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        }
        return Feedback.redirect("backups", false);
    }

    /** A moment in the municipality's time, or a dash. */
    public String when(Instant instant) {
        return instant == null ? "—" : WHEN.withLocale(locale()).format(instant.atZone(ZONE));
    }

    /** Bytes as people read them. */
    public String size(Long bytes) {
        if (bytes == null || bytes < 0) {
            return "—";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(locale(), unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    /** A duration in seconds with one decimal, or minutes and seconds beyond a minute. */
    public String duration(long millis) {
        if (millis < 60_000) {
            return String.format(locale(), "%.1f s", millis / 1000.0);
        }
        return String.format(locale(), "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static String caller() {
        var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return principal == null ? "desconocido" : principal.getName();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }
}
