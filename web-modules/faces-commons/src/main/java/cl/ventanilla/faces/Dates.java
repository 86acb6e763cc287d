package cl.ventanilla.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Dates and times as the page's reader says them ({@code #{dates.day(d)}} → "martes 3 de diciembre de
 * 2026" or "Tuesday, December 3, 2026"), in the municipality's time zone for instants.
 */
@Named("dates")
@ApplicationScoped
public class Dates {

    /** Where the municipality is, when a screen has no zone of its own to give. */
    public static final ZoneId MUNICIPALITY = ZoneId.of("America/Santiago");

    public String day(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale()).format(day);
    }

    public String shortDay(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(day);
    }

    public String time(Instant at, String zone) {
        return at == null ? "" : DateTimeFormatter.ofPattern("HH:mm", locale()).withZone(zone(zone)).format(at);
    }

    public String dayOf(Instant at, String zone) {
        return at == null ? "" : day(at.atZone(zone(zone)).toLocalDate());
    }

    /** "martes 3 de diciembre de 2026, 10:40". */
    public String dayAndTime(Instant at, String zone) {
        return at == null ? "" : dayOf(at, zone) + ", " + time(at, zone);
    }

    /** "diciembre de 2026" / "December 2026". */
    public String month(YearMonth month) {
        if (month == null) {
            return "";
        }
        String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale());
        return "es".equals(locale().getLanguage()) ? name + " de " + month.getYear() : name + " " + month.getYear();
    }

    /** The short name of an ISO weekday (1 = Monday): "lun", "Mon". */
    public String weekday(int isoDay) {
        return DayOfWeek.of(isoDay).getDisplayName(TextStyle.SHORT_STANDALONE, locale());
    }

    private static ZoneId zone(String zone) {
        return zone == null || zone.isBlank() ? MUNICIPALITY : ZoneId.of(zone);
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? Locale.forLanguageTag("es-CL") : faces.getViewRoot().getLocale();
    }
}
