package cl.ventanilla.notifications.control;

import static cl.ventanilla.kernel.JsonText.JSON;

import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentCancelled.CancelledBy;
import cl.ventanilla.appointments.entity.AppointmentSummary;
import cl.ventanilla.auth.entity.PasswordResetRequested;
import cl.ventanilla.notifications.entity.CalendarInvite;
import cl.ventanilla.notifications.entity.CalendarInvite.Method;
import cl.ventanilla.notifications.entity.Letter;
import cl.ventanilla.notifications.entity.Letter.Attachment;
import cl.ventanilla.notifications.entity.NotificationType;
import cl.ventanilla.notifications.entity.Template;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes the mail of each fact, in the citizen's language (Spanish unless they chose English): subject,
 * plain text and HTML from the module's templates, the {@code .ics} invitation and the QR of the
 * booking code. Pure: what it needs of the installation comes in a {@link Context}, so a test renders
 * every mail without a server.
 */
public final class MailComposer {

    static final String QR_FILE = "qr.png";
    static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Santiago");
    private static final Locale SPANISH = Locale.forLanguageTag("es-CL");

    /**
     * What a mail needs of the installation.
     *
     * @param municipality the name that signs the mails ({@code municipalidad.nombre})
     * @param publicUrl    where citizens reach the portal, without a trailing slash
     * @param from         the sender, also the organizer of the invitations
     * @param zone         the municipality's time zone, for times without one of their own
     * @param now          when the mail is written (DTSTAMP)
     */
    public record Context(String municipality, String publicUrl, String from, ZoneId zone, Instant now) {

        public Context {
            Objects.requireNonNull(municipality, "municipality");
            Objects.requireNonNull(publicUrl, "publicUrl");
            Objects.requireNonNull(now, "now");
            publicUrl = publicUrl.replaceAll("/+$", "");
            zone = zone == null ? DEFAULT_ZONE : zone;
        }
    }

    private final Context context;

    public MailComposer(Context context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** {@code es} or {@code en}: whatever is not English is Spanish. */
    public static String language(String requested) {
        return requested != null && requested.trim().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "es";
    }

    public Letter confirmation(AppointmentSummary appointment) {
        String language = language(appointment.language());
        Map<String, String> values = appointmentValues(appointment, language);
        List<Attachment> attachments = List.of(
                invite(appointment, Method.REQUEST, 0, language, "cita-" + appointment.code() + ".ics"),
                new Attachment(QR_FILE, "image/png", QrPng.of(appointment.code())));
        return letter(NotificationType.BOOKING_CONFIRMED, appointment, language, values,
                NotificationType.BOOKING_CONFIRMED.key(appointment.id()), attachments);
    }

    public Letter rescheduled(AppointmentSummary previous, AppointmentSummary current) {
        String language = language(current.language());
        Map<String, String> values = appointmentValues(current, language);
        values.put("previousCode", previous.code());
        values.put("previousDate", date(previous.start(), zoneOf(previous), language));
        values.put("previousTime", time(previous.start(), zoneOf(previous), language));
        List<Attachment> attachments = List.of(
                invite(current, Method.REQUEST, 0, language, "cita-" + current.code() + ".ics"),
                invite(previous, Method.CANCEL, 1, language, "cita-anulada-" + previous.code() + ".ics"),
                new Attachment(QR_FILE, "image/png", QrPng.of(current.code())));
        return letter(NotificationType.BOOKING_RESCHEDULED, current, language, values,
                NotificationType.BOOKING_RESCHEDULED.key(current.id()), attachments);
    }

    public Letter cancelled(AppointmentCancelled cancelled) {
        AppointmentSummary appointment = cancelled.appointment();
        String language = language(appointment.language());
        Map<String, String> values = appointmentValues(appointment, language);
        String reason = cancelled.reason() == null ? "" : cancelled.reason().strip();
        boolean closure = cancelled.by() == CancelledBy.CLOSURE;
        if (closure) {
            values.put("reason", reason.isEmpty() ? phrase("reason.none", language) : reason);
        } else {
            values.put("reasonLine", reason.isEmpty() ? "" : phrase("reason.label", language) + " " + reason);
            values.put("cancelledBy", phrase("cancelledBy." + cancelled.by().name(), language));
        }
        NotificationType type = closure ? NotificationType.UNIT_CLOSURE : NotificationType.BOOKING_CANCELLED;
        List<Attachment> attachments = List.of(
                invite(appointment, Method.CANCEL, 1, language, "cita-anulada-" + appointment.code() + ".ics"));
        return letter(type, appointment, language, values,
                type.key(appointment.id()), attachments);
    }

    public Letter reminder(AppointmentSummary appointment) {
        String language = language(appointment.language());
        Map<String, String> values = appointmentValues(appointment, language);
        List<Attachment> attachments = List.of(
                invite(appointment, Method.REQUEST, 0, language, "cita-" + appointment.code() + ".ics"),
                new Attachment(QR_FILE, "image/png", QrPng.of(appointment.code())));
        return letter(NotificationType.BOOKING_REMINDER, appointment, language, values,
                NotificationType.BOOKING_REMINDER.key(appointment.id()), attachments);
    }

    /**
     * The reset link, to the sign-in screen's {@code nueva-clave.xhtml}. Staff accounts have no
     * language of their own: Spanish unless {@code language} says English.
     */
    public Letter passwordReset(PasswordResetRequested reset, String requestedLanguage) {
        String language = language(requestedLanguage);
        Map<String, String> values = common(language);
        values.put("name", reset.name() == null ? "" : reset.name());
        values.put("resetUrl", context.publicUrl() + "/auth/nueva-clave.xhtml?token="
                + URLEncoder.encode(reset.token(), StandardCharsets.UTF_8));
        values.put("expiresDate", date(reset.expiresAt(), context.zone(), language));
        values.put("expiresTime", time(reset.expiresAt(), context.zone(), language));
        String data = JSON.createObjectBuilder()
                .add("usuario", reset.userId().toString())
                .add("expira", reset.expiresAt().toString())
                .build().toString();
        return render(NotificationType.PASSWORD_RESET, reset.email(), language, values, data, null, reset.userId(),
                NotificationType.PASSWORD_RESET.key(reset.userId(), reset.expiresAt().getEpochSecond()), List.of());
    }

    private Letter letter(NotificationType type, AppointmentSummary appointment, String language,
            Map<String, String> values, String key, List<Attachment> attachments) {
        JsonObjectBuilder data = JSON.createObjectBuilder()
                .add("agendamiento", appointment.id().toString())
                .add("codigo", appointment.code())
                .add("inicio", appointment.start().toString());
        return render(type, appointment.email(), language, values, data.build().toString(), appointment.id(), null,
                key, attachments);
    }

    private Letter render(NotificationType type, String recipient, String language, Map<String, String> values,
            String data, UUID appointmentId, UUID userId, String key,
            List<Attachment> attachments) {
        String subject = Template.text(MailTemplates.subject(type.template(), language)).render(values);
        values.put("subject", subject);
        String textBody = Template.text(MailTemplates.text(type.template(), language)).render(values);
        String htmlBody = Template.html(MailTemplates.html(type.template(), language)).render(values);
        Map<String, String> frame = new HashMap<>(values);
        frame.put("content", textBody);
        String text = Template.text(MailTemplates.text("layout", language)).render(frame);
        // the body is already escaped HTML: it goes into the frame as it is, at the marker
        String html = Template.html(MailTemplates.html("layout", language)).render(values)
                .replace("<!--CONTENIDO-->", htmlBody);
        return new Letter(type, recipient, language, subject, text, html, data, appointmentId, userId, key,
                attachments);
    }

    private Map<String, String> common(String language) {
        Map<String, String> values = new HashMap<>();
        values.put("lang", language);
        values.put("municipality", context.municipality());
        values.put("publicUrl", context.publicUrl());
        return values;
    }

    private Map<String, String> appointmentValues(AppointmentSummary a, String language) {
        Map<String, String> values = common(language);
        ZoneId zone = zoneOf(a);
        values.put("name", a.citizenName() == null ? "" : a.citizenName());
        values.put("code", a.code());
        values.put("service", a.serviceName());
        values.put("unit", a.unitName());
        values.put("location", location(a));
        values.put("date", date(a.start(), zone, language));
        values.put("time", time(a.start(), zone, language));
        values.put("endTime", time(a.end(), zone, language));
        values.put("requirements", a.requirements() == null || a.requirements().isBlank()
                ? phrase("requirements.none", language) : a.requirements().strip());
        values.put("manageUrl", manageUrl(a));
        values.put("qr", QR_FILE);
        return values;
    }

    private Attachment invite(AppointmentSummary a, Method method, int sequence, String language, String file) {
        Map<String, String> values = appointmentValues(a, language);
        String summary = Template.text(phrase("ics.summary", language)).render(values);
        String description = Template.text(phrase("ics.description", language)).render(values);
        CalendarInvite invite = new CalendarInvite(a.id().toString(), method, sequence, context.now(),
                a.start(), a.end(), summary, location(a), description, context.municipality(), context.from(),
                a.citizenName(), a.email());
        return new Attachment(file, invite.contentType(), invite.bytes());
    }

    private String manageUrl(AppointmentSummary a) {
        return context.publicUrl() + "/cita.xhtml?codigo=" + URLEncoder.encode(a.code(), StandardCharsets.UTF_8);
    }

    private static String location(AppointmentSummary a) {
        return a.unitAddress() == null || a.unitAddress().isBlank() ? a.unitName()
                : a.unitName() + ", " + a.unitAddress().strip();
    }

    private ZoneId zoneOf(AppointmentSummary a) {
        try {
            return a.zone() == null || a.zone().isBlank() ? context.zone() : ZoneId.of(a.zone());
        } catch (DateTimeException unknown) {
            return context.zone();
        }
    }

    static String date(Instant instant, ZoneId zone, String language) {
        ZonedDateTime local = instant.atZone(zone);
        return "en".equals(language)
                ? DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH).format(local)
                : DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", SPANISH).format(local);
    }

    static String time(Instant instant, ZoneId zone, String language) {
        ZonedDateTime local = instant.atZone(zone);
        return "en".equals(language)
                ? DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH).format(local)
                : DateTimeFormatter.ofPattern("HH:mm", SPANISH).format(local);
    }

    private static String phrase(String key, String language) {
        return MailTemplates.subject(key, language);
    }
}
