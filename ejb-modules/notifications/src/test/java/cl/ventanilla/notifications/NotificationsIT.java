package cl.ventanilla.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.appointments.entity.AppointmentBooked;
import cl.ventanilla.appointments.entity.AppointmentCancelled;
import cl.ventanilla.appointments.entity.AppointmentCancelled.CancelledBy;
import cl.ventanilla.appointments.entity.AppointmentReminderDue;
import cl.ventanilla.appointments.entity.AppointmentRescheduled;
import cl.ventanilla.appointments.entity.AppointmentSummary;
import cl.ventanilla.auth.entity.PasswordResetRequested;
import cl.ventanilla.kernel.DomainException.Kind;
import cl.ventanilla.kernel.testing.ModuleDeployment;
import cl.ventanilla.notifications.boundary.Outbox;
import cl.ventanilla.notifications.control.MailDispatch;
import cl.ventanilla.notifications.control.MailTemplates;
import cl.ventanilla.notifications.entity.Notification;
import cl.ventanilla.notifications.entity.NotificationException;
import cl.ventanilla.notifications.entity.NotificationState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox in Payara Micro against the real PostgreSQL and a real SMTP server (GreenMail, started
 * inside the container on the port the build gives as {@code SMTP_PORT}). The module's own worker runs
 * every 5 seconds during the tests, as it does in production; each test writes to its own addresses, so
 * the tests do not depend on each other's order or mail.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static GreenMail smtp;

    @Deployment
    static WebArchive deployment() {
        // GreenMail alone: the server provides Jakarta Mail and Activation
        File[] greenMail = Maven.resolver().loadPomFromFile("pom.xml").resolve("com.icegreen:greenmail")
                .withoutTransitivity().asFile();
        WebArchive war = ModuleDeployment.of("notifications-it.war", "cl.ventanilla.notifications", "io.nayuki:qrcodegen")
                .addPackage("cl.ventanilla.appointments.entity")
                .addClass(PasswordResetRequested.class)
                .addAsLibraries(greenMail);
        String templates = "cl/ventanilla/notifications/templates/";
        for (String language : List.of("es", "en")) {
            war.addAsResource(templates + "subjects_" + language + ".properties");
            for (String name : MailTemplates.NAMES) {
                war.addAsResource(templates + name + "_" + language + ".html");
                war.addAsResource(templates + name + "_" + language + ".txt");
            }
        }
        return war;
    }

    @Inject
    Event<AppointmentBooked> booked;

    @Inject
    Event<AppointmentRescheduled> rescheduled;

    @Inject
    Event<AppointmentCancelled> cancelled;

    @Inject
    Event<AppointmentReminderDue> reminderDue;

    @Inject
    Event<PasswordResetRequested> resetRequested;

    @Inject
    MailDispatch dispatch;

    @Inject
    Outbox outbox;

    @Inject
    UserTransaction transaction;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @BeforeEach
    void smtpServerUp() {
        startSmtp();
    }

    @Test
    void aBookingStoresOneMailWithItsAttachmentsAndTheCitizenGetsItOnceInSpanish() throws Exception {
        AppointmentSummary appointment = appointment("es");
        inTransaction(() -> booked.fire(new AppointmentBooked(appointment)));
        inTransaction(() -> booked.fire(new AppointmentBooked(appointment))); // the same fact again

        assertEquals(List.of("1"), strings("SELECT count(*) FROM notificaciones WHERE destinatario = ?", appointment.email()));
        assertEquals(List.of("CONFIRMACION_AGENDAMIENTO CONFIRMACION:" + appointment.id() + " es"),
                strings("SELECT tipo || ' ' || clave_deduplicacion || ' ' || idioma FROM notificaciones WHERE destinatario = ?",
                        appointment.email()));
        assertEquals(List.of("cita-" + appointment.code() + ".ics text/calendar; charset=UTF-8; method=REQUEST",
                "qr.png image/png"), strings("""
                SELECT a.nombre_archivo || ' ' || a.tipo_contenido FROM notificacion_adjuntos a
                JOIN notificaciones n ON n.id = a.notificacion_id WHERE n.destinatario = ? ORDER BY a.nombre_archivo""",
                appointment.email()));

        MimeMessage mail = theOnlyMailTo(appointment.email());
        assertTrue(mail.getSubject().startsWith("Cita confirmada: Renovación de licencia, "), mail.getSubject());
        assertEquals("no-responder@valleverde.example", ((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getAddress());
        Map<String, Part> parts = parts(mail);
        String text = (String) parts.get("text/plain").getContent();
        assertTrue(text.contains("Su cita está confirmada."), text);
        assertTrue(text.contains("http://localhost:8080/cita.xhtml?codigo=" + appointment.code()), text);
        assertTrue(((String) parts.get("text/html").getContent()).contains("<html lang=\"es\">"));
        Part calendar = parts.get("text/calendar");
        assertNotNull(calendar, "an .ics part: " + parts.keySet());
        assertEquals("cita-" + appointment.code() + ".ics", calendar.getFileName());
        String ics = new String(calendar.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(ics.contains("UID:" + appointment.id() + "\r\n"), ics);
        assertTrue(ics.contains("DTSTART:20261207T133000Z\r\n"), ics);
        Part qr = parts.get("image/png");
        assertNotNull(qr, "the QR: " + parts.keySet());
        assertEquals("<qr.png>", qr.getHeader("Content-ID")[0]);
        try (InputStream png = qr.getInputStream()) {
            assertEquals("\u0089PNG", new String(png.readNBytes(4), java.nio.charset.StandardCharsets.ISO_8859_1));
        }

        await("the row records the delivery", () -> !strings("""
                SELECT 1 FROM notificaciones WHERE destinatario = ? AND estado = 'ENVIADA' AND enviada_en IS NOT NULL
                AND message_id IS NOT NULL""", appointment.email()).isEmpty());
        assertEquals(List.of("1"), strings("SELECT intentos FROM notificaciones WHERE destinatario = ?",
                appointment.email()), "leased once");
        stillOneMailTo(appointment.email());
    }

    @Test
    void theScheduledWorkerSendsWhatIsDueWithoutBeingAsked() throws Exception {
        AppointmentSummary appointment = appointment("es");
        inTransaction(() -> {
            booked.fire(new AppointmentBooked(appointment));
            // not due when the commit wakes the worker: only a later tick of the timer can send it
            update("UPDATE notificaciones SET proximo_intento = now() + interval '2 seconds' WHERE destinatario = ?",
                    appointment.email());
        });
        // a pass now, as the commit's kick made, leaves a mail that is not due yet alone
        dispatch.sendDue();
        assertEquals(List.of("PENDIENTE 0"), strings(
                "SELECT estado || ' ' || intentos FROM notificaciones WHERE destinatario = ?", appointment.email()));
        assertEquals(0, mailsTo(appointment.email()).size());
        theOnlyMailTo(appointment.email());
        await("sent at the first attempt", () -> strings(
                "SELECT estado || ' ' || intentos FROM notificaciones WHERE destinatario = ?", appointment.email())
                .equals(List.of("ENVIADA 1")));
    }

    @Test
    void anEnglishBookingIsWrittenInEnglish() throws Exception {
        AppointmentSummary appointment = appointment("en");
        inTransaction(() -> booked.fire(new AppointmentBooked(appointment)));
        MimeMessage mail = theOnlyMailTo(appointment.email());
        assertTrue(mail.getSubject().startsWith("Appointment confirmed: Renovación de licencia, Monday, December 7, 2026 at 10:30 AM"),
                mail.getSubject());
        String text = (String) parts(mail).get("text/plain").getContent();
        assertTrue(text.contains("Your appointment is confirmed."), text);
        assertTrue(((String) parts(mail).get("text/html").getContent()).contains("<html lang=\"en\">"));
    }

    @Test
    void aBookingRolledBackLeavesNoMail() throws Exception {
        AppointmentSummary appointment = appointment("es");
        transaction.begin();
        booked.fire(new AppointmentBooked(appointment));
        transaction.rollback();
        // nothing stored, so no pass of the worker (one now, as a tick would) can ever send it
        assertEquals(List.of("0"), strings("SELECT count(*) FROM notificaciones WHERE destinatario = ?", appointment.email()));
        dispatch.sendDue();
        assertEquals(0, mailsTo(appointment.email()).size());
    }

    @Test
    void aMailThatCannotBeWrittenIsStoredAsFailedAndTheBookingStillCommits() throws Exception {
        AppointmentSummary broken = new AppointmentSummary(UUID.randomUUID(), code(), "Ana", address(), "es", null, null,
                "Dirección de Tránsito", null, null, null, "America/Santiago", null, null);
        String marker = "prueba.notificaciones." + UUID.randomUUID();
        inTransaction(() -> {
            booked.fire(new AppointmentBooked(broken));
            // stands for the booking's own write in the same transaction
            update("INSERT INTO parametros_sistema (clave, valor) VALUES (?, 'x')", marker);
        });
        assertEquals(List.of("1"), strings("SELECT count(*) FROM parametros_sistema WHERE clave = ?", marker));
        List<String> row = strings("""
                SELECT estado || '|' || coalesce(asunto, '-') || '|' || ultimo_error FROM notificaciones
                WHERE destinatario = ?""", broken.email());
        assertEquals(1, row.size());
        assertTrue(row.get(0).startsWith("FALLIDA|-|No se pudo redactar el correo: "), row.get(0));
    }

    @Test
    void withTheSmtpServerDownTheMailWaitsAndArrivesOnceWhenItComesBack() throws Exception {
        stopSmtp();
        AppointmentSummary appointment = appointment("es");
        inTransaction(() -> booked.fire(new AppointmentBooked(appointment)));
        dispatch.sendDue();
        await("an attempt failed", () -> !strings("""
                SELECT 1 FROM notificaciones WHERE destinatario = ? AND estado = 'PENDIENTE' AND intentos > 0
                AND ultimo_error IS NOT NULL AND proximo_intento > now()""", appointment.email()).isEmpty());
        String error = strings("SELECT ultimo_error FROM notificaciones WHERE destinatario = ?", appointment.email()).get(0);
        assertTrue(error.contains("MailConnectException") || error.contains("Connect"), error);

        startSmtp();
        update("UPDATE notificaciones SET proximo_intento = now() WHERE destinatario = ?", appointment.email());
        dispatch.sendDue();
        theOnlyMailTo(appointment.email());
        await("the row records the delivery", () -> strings("SELECT estado FROM notificaciones WHERE destinatario = ?",
                appointment.email()).equals(List.of("ENVIADA")));
        stillOneMailTo(appointment.email());
    }

    @Test
    void fourSendersAtOnceDeliverEachOfTwentyMailsExactlyOnce() throws Exception {
        String domain = "carrera-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        List<AppointmentSummary> appointments = IntStream.range(0, 20)
                .mapToObj(i -> withEmail(appointment(i % 2 == 0 ? "es" : "en"), "persona" + i + "@" + domain)).toList();
        inTransaction(() -> {
            appointments.forEach(a -> booked.fire(new AppointmentBooked(a)));
            // held back until every sender is ready, so the kick after this commit finds nothing due
            update("UPDATE notificaciones SET proximo_intento = now() + interval '1 hour' WHERE destinatario LIKE ?",
                    "%@" + domain);
        });
        assertEquals(List.of("20"), strings("SELECT count(*) FROM notificaciones WHERE destinatario LIKE ? AND estado = 'PENDIENTE'",
                "%@" + domain));

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> passes = IntStream.range(0, 4).mapToObj(i -> (Callable<Integer>) () -> {
            go.await();
            int leased = 0;
            for (int n; (n = dispatch.sendDue(3)) > 0; ) {
                leased += n;
            }
            return leased;
        }).toList();
        List<Future<Integer>> results;
        try {
            List<Future<Integer>> started = passes.stream().map(senders::submit).toList();
            update("UPDATE notificaciones SET proximo_intento = now() WHERE destinatario LIKE ?", "%@" + domain);
            go.countDown();
            results = started;
            for (Future<Integer> result : results) {
                result.get(2, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdown();
        }

        await("twenty mails", () -> mailsToDomain(domain).size() >= 20);
        // a mail goes out only under a lease, and each lease counts an attempt: twenty rows sent at the first
        // attempt mean nothing can still be on its way a second time
        await("twenty rows sent", () -> strings("SELECT count(*) FROM notificaciones WHERE destinatario LIKE ? "
                + "AND estado = 'ENVIADA'", "%@" + domain).equals(List.of("20")));
        List<String> recipients = new ArrayList<>();
        for (MimeMessage mail : mailsToDomain(domain)) {
            recipients.add(mail.getAllRecipients()[0].toString());
        }
        assertEquals(20, recipients.size(), "exactly twenty: " + recipients);
        assertEquals(20, recipients.stream().distinct().count(), "nobody twice: " + recipients);
        assertEquals(List.of("20"), strings("SELECT count(*) FROM notificaciones WHERE destinatario LIKE ? AND estado = 'ENVIADA'"
                + " AND intentos = 1", "%@" + domain));
    }

    @Test
    void aMailFailsAfterItsAttemptsAndAnAdministratorRetriesIt() throws Exception {
        stopSmtp();
        AppointmentSummary appointment = appointment("es");
        inTransaction(() -> booked.fire(new AppointmentBooked(appointment)));
        update("UPDATE notificaciones SET max_intentos = 2 WHERE destinatario = ?", appointment.email());
        await("FALLIDA after two attempts", () -> {
            update("UPDATE notificaciones SET proximo_intento = now() WHERE destinatario = ? AND estado = 'PENDIENTE'",
                    appointment.email());
            dispatch.sendDue();
            return strings("SELECT estado FROM notificaciones WHERE destinatario = ?", appointment.email())
                    .equals(List.of("FALLIDA"));
        });
        UUID id = UUID.fromString(strings("SELECT id FROM notificaciones WHERE destinatario = ?", appointment.email()).get(0));
        Notification failed = outbox.get(id);
        assertEquals(2, failed.getAttempts());
        assertNotNull(failed.getLastError());
        assertEquals(List.of(id), outbox.page(NotificationState.FAILED, appointment.email().toUpperCase(), 0, 10)
                .items().stream().map(Notification::getId).toList());
        assertTrue(outbox.counts().failed() >= 1);

        startSmtp();
        Notification retried = outbox.retry(id);
        assertEquals(NotificationState.PENDING, retried.getState());
        NotificationException notFailed = assertThrows(NotificationException.class, () -> outbox.retry(id));
        assertEquals(Kind.CONFLICT, notFailed.kind());
        assertEquals("notification.notFailed", notFailed.key());
        assertEquals(Kind.NOT_FOUND, assertThrows(NotificationException.class,
                () -> outbox.retry(UUID.randomUUID())).kind());

        dispatch.sendDue();
        theOnlyMailTo(appointment.email());
        await("sent", () -> outbox.get(id).getState() == NotificationState.SENT);
    }

    @Test
    void theResetMailCarriesTheLinkToTheSignInScreen() throws Exception {
        String email = address();
        Instant expires = Instant.parse("2026-11-29T02:00:00Z");
        PasswordResetRequested reset = new PasswordResetRequested(UUID.randomUUID(), email, "Funcionaria", "s3cr3t-T0ken_x",
                expires);
        inTransaction(() -> resetRequested.fire(reset));
        inTransaction(() -> resetRequested.fire(reset));
        MimeMessage mail = theOnlyMailTo(email);
        assertEquals("Cree su nueva contraseña de Ventanilla", mail.getSubject());
        String text = (String) parts(mail).get("text/plain").getContent();
        assertTrue(text.contains("http://localhost:8080/auth/nueva-clave.xhtml?token=s3cr3t-T0ken_x"), text);
        assertTrue(text.contains("vence el sábado 28 de noviembre de 2026 a las 23:00"), text);
        assertEquals(List.of("RESET:" + reset.userId() + ":" + expires.getEpochSecond()),
                strings("SELECT clave_deduplicacion FROM notificaciones WHERE destinatario = ?", email));
    }

    @Test
    void cancellationClosureRescheduleAndReminderMailsInBothLanguages() throws Exception {
        Map<String, String> expected = new HashMap<>();
        for (String language : List.of("es", "en")) {
            AppointmentSummary cancelledOne = appointment(language);
            AppointmentSummary closedOne = appointment(language);
            AppointmentSummary remindedOne = appointment(language);
            AppointmentSummary movedFrom = appointment(language);
            AppointmentSummary movedTo = withEmail(appointment(language), movedFrom.email());
            inTransaction(() -> {
                cancelled.fire(new AppointmentCancelled(cancelledOne, CancelledBy.CITIZEN, null));
                cancelled.fire(new AppointmentCancelled(closedOne, CancelledBy.CLOSURE, "Corte de agua"));
                reminderDue.fire(new AppointmentReminderDue(remindedOne));
                rescheduled.fire(new AppointmentRescheduled(movedFrom, movedTo));
            });
            boolean es = language.equals("es");
            expected.put(cancelledOne.email(), es ? "Cita cancelada: " : "Appointment cancelled: ");
            expected.put(closedOne.email(), es ? "Aviso de cierre: " : "Closure notice: ");
            expected.put(remindedOne.email(), es ? "Recordatorio: " : "Reminder: ");
            expected.put(movedTo.email(), es ? "Su cita cambió: " : "Your appointment changed: ");
            MimeMessage closure = theOnlyMailTo(closedOne.email());
            String text = (String) parts(closure).get("text/plain").getContent();
            assertTrue(text.contains((es ? "Motivo: " : "Reason: ") + "Corte de agua"), text);
            assertTrue(parts(closure).containsKey("text/calendar"), "the .ics that removes the event");
            assertTrue(parts(theOnlyMailTo(remindedOne.email())).containsKey("text/calendar"), "the reminder's .ics");
        }
        for (Map.Entry<String, String> mail : expected.entrySet()) {
            MimeMessage received = theOnlyMailTo(mail.getKey());
            assertTrue(received.getSubject().startsWith(mail.getValue()), received.getSubject());
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static AppointmentSummary appointment(String language) {
        // 13:30 UTC in December is 10:30 in Santiago
        return new AppointmentSummary(UUID.randomUUID(), code(), "Ana Pérez", address(), language,
                "Renovación de licencia", "Cédula vigente", "Dirección de Tránsito", "Av. Central 123, Valle Verde",
                Instant.parse("2026-12-07T13:30:00Z"), Instant.parse("2026-12-07T13:50:00Z"), "America/Santiago", null, null);
    }

    private static AppointmentSummary withEmail(AppointmentSummary a, String email) {
        return new AppointmentSummary(a.id(), a.code(), a.citizenName(), email, a.language(), a.serviceName(),
                a.requirements(), a.unitName(), a.unitAddress(), a.start(), a.end(), a.zone(), a.unitId(),
                a.serviceId());
    }

    private static String code() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String address() {
        return "vecino-" + UUID.randomUUID() + "@example.com";
    }

    private interface Work {
        void run() throws Exception;
    }

    private void inTransaction(Work work) throws Exception {
        transaction.begin();
        try {
            work.run();
            transaction.commit();
        } catch (Exception | AssertionError e) {
            transaction.rollback();
            throw e;
        }
    }

    private static synchronized void startSmtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("SMTP_PORT")), "127.0.0.1",
                    ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    private static synchronized void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private static List<MimeMessage> mailsTo(String email) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                if (to.toString().equalsIgnoreCase(email)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    private static List<MimeMessage> mailsToDomain(String domain) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().endsWith("@" + domain))) {
                found.add(message);
            }
        }
        return found;
    }

    private MimeMessage theOnlyMailTo(String email) throws Exception {
        await("a mail to " + email, () -> !mailsTo(email).isEmpty());
        List<MimeMessage> mails = mailsTo(email);
        assertEquals(1, mails.size(), "one mail to " + email);
        return mails.get(0);
    }

    /** The leaf parts of a message by content type (the first of each type). */
    private static Map<String, Part> parts(Part part) throws MessagingException, IOException {
        Map<String, Part> found = new HashMap<>();
        collect(part, found);
        return found;
    }

    private static void collect(Part part, Map<String, Part> found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found);
            }
        } else {
            found.putIfAbsent(part.getContentType().split(";")[0].trim().toLowerCase(), part);
        }
    }

    /**
     * The mail went out and cannot go again: a mail leaves only under a lease, which counts an attempt, and
     * a pass of the sender now (as the worker's next tick would make) leases it no more: its row and the
     * server's one mail stay as they are.
     */
    private void stillOneMailTo(String email) throws Exception {
        String sql = "SELECT estado || ' ' || intentos FROM notificaciones WHERE destinatario = ?";
        List<String> sent = strings(sql, email);
        assertTrue(sent.size() == 1 && sent.get(0).startsWith("ENVIADA "), sent.toString());
        dispatch.sendDue();
        assertEquals(sent, strings(sql, email));
        assertEquals(1, mailsTo(email).size());
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Condition condition) throws Exception {
        Instant until = Instant.now().plus(PATIENCE);
        while (!condition.holds()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            Thread.sleep(200);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
