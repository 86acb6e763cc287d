package cl.ventanilla.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.auth.boundary.Accounts;
import cl.ventanilla.auth.boundary.NewUser;
import cl.ventanilla.auth.boundary.PasswordResets;
import cl.ventanilla.auth.boundary.Sessions;
import cl.ventanilla.auth.boundary.SignIn;
import cl.ventanilla.auth.boundary.UserChanges;
import cl.ventanilla.auth.boundary.UserPage;
import cl.ventanilla.auth.control.OpenSessions;
import cl.ventanilla.auth.control.PasswordHashing;
import cl.ventanilla.auth.control.SecretTokens;
import cl.ventanilla.auth.entity.AuthException;
import cl.ventanilla.auth.entity.AuthenticatedUser;
import cl.ventanilla.auth.entity.PasswordResetRequested;
import cl.ventanilla.auth.entity.Role;
import cl.ventanilla.auth.entity.SignInRefused;
import cl.ventanilla.auth.entity.User;
import cl.ventanilla.kernel.DomainException;
import cl.ventanilla.kernel.InvalidRutException;
import cl.ventanilla.kernel.Rut;
import cl.ventanilla.kernel.audit.AuditEvent;
import cl.ventanilla.kernel.ViolationMessages;
import cl.ventanilla.kernel.cache.Invalidations;
import cl.ventanilla.kernel.redis.Redis;
import cl.ventanilla.kernel.testing.ModuleDeployment;
import cl.ventanilla.kernel.testing.Race;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts, sign-in, lockout, reset links and logouts in Payara Micro against the real PostgreSQL,
 * with the schema of the Flyway migrations and the demo administrator (RUT 11.111.111-1). Each test
 * makes its own accounts, so the order does not matter.
 */
@ExtendWith(ArquillianExtension.class)
class AuthenticationIT {

    private static final String PASSWORD = "clave-de-prueba-1";
    /** Units of the demo municipality (db/demo/datos_demo.sql). */
    private static final UUID LICENCIAS = UUID.fromString("20000000-0000-4000-8000-000000000001");
    private static final UUID PERMISOS = UUID.fromString("20000000-0000-4000-8000-000000000002");
    private static final AtomicInteger NEXT_BODY = new AtomicInteger(20_000_000);

    @Deployment
    static WebArchive deployment() {
        return ModuleDeployment.of("auth-it.war", "cl.ventanilla.auth", "org.bitbucket.b_c:jose4j");
    }

    @Inject
    Redis redis;

    @Inject
    Accounts accounts;

    @Inject
    SignIn signIn;

    @Inject
    PasswordResets resets;

    @Inject
    Sessions sessions;

    @Inject
    PasswordHashing hashing;

    @Inject
    SecretTokens secrets;

    @Inject
    RecordedEvents events;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    @Test
    void aUserWithAMalformedRutIsNotCreated() throws SQLException {
        InvalidRutException checkDigit = assertThrows(InvalidRutException.class,
                () -> accounts.create(operator("12.345.678-4", "malo@muni.cl", PASSWORD)));
        assertEquals("rut.checkDigit", checkDigit.key());
        assertTrue(checkDigit.messageIn(null).startsWith("El dígito verificador del RUT «12.345.678-4»"));
        assertEquals("rut.malformed", assertThrows(InvalidRutException.class,
                () -> accounts.create(operator("12.345.678", "malo@muni.cl", PASSWORD))).key());
        assertEquals("0", value("SELECT count(*) FROM usuarios WHERE email = 'malo@muni.cl'"));
    }

    @Test
    void rutAndEmailAreUnique() {
        String rut = newRut();
        User first = accounts.create(operator(rut, "unica@muni.cl", PASSWORD));
        AuthException sameRut = assertThrows(AuthException.class,
                () -> accounts.create(operator(rut.replace(".", ""), "otra@muni.cl", PASSWORD)));
        assertEquals("user.duplicateRut", sameRut.key());
        assertEquals(DomainException.Kind.CONFLICT, sameRut.kind());
        assertEquals("Ya existe un usuario con el RUT " + rut + ".", sameRut.messageIn(null));
        assertEquals("user.duplicateEmail", assertThrows(AuthException.class,
                () -> accounts.create(operator(newRut(), "UNICA@Muni.cl", PASSWORD))).key());
        User second = accounts.create(operator(newRut(), "segunda@muni.cl", PASSWORD));
        assertEquals("user.duplicateEmail", assertThrows(AuthException.class, () -> accounts.update(second.getId(),
                new UserChanges("Segunda", "Unica@muni.cl", Set.of(Role.OPERATOR), Set.of(), null))).key());
        assertEquals(first.getId(), accounts.getByRut(rut).getId());
    }

    @Test
    void unitsMustExistAndAreKept() {
        UUID nowhere = UUID.randomUUID();
        AuthException unknown = assertThrows(AuthException.class, () -> accounts.create(new NewUser(newRut(),
                "Sin Unidad", "sin.unidad@muni.cl", Set.of(Role.OPERATOR), Set.of(LICENCIAS, nowhere), PASSWORD)));
        assertEquals("user.unknownUnit", unknown.key());
        assertTrue(unknown.messageIn(null).contains(nowhere.toString()));
        User user = accounts.create(new NewUser(newRut(), "Con Unidades", "con.unidades@muni.cl",
                Set.of(Role.OPERATOR), Set.of(LICENCIAS, PERMISOS), PASSWORD));
        assertEquals(Set.of(LICENCIAS, PERMISOS), accounts.getById(user.getId()).getUnitIds());
        accounts.update(user.getId(), new UserChanges("Con Unidades", "con.unidades@muni.cl",
                Set.of(Role.OPERATOR, Role.SUPERVISOR), Set.of(PERMISOS), null));
        User changed = accounts.getById(user.getId());
        assertEquals(Set.of(PERMISOS), changed.getUnitIds());
        assertEquals(Set.of(Role.OPERATOR, Role.SUPERVISOR), changed.getRoles());
    }

    @Test
    void signsInWithRutAndPassword() throws SQLException {
        String rut = newRut();
        User user = accounts.create(new NewUser(rut, "Olga Operadora", "olga@muni.cl", Set.of(Role.OPERATOR),
                Set.of(LICENCIAS), PASSWORD));
        AuthenticatedUser signedIn = signIn.authenticate(rut.replace(".", ""), PASSWORD);
        assertEquals(user.getId(), signedIn.id());
        assertEquals(Rut.of(rut).normalized(), signedIn.rut());
        assertEquals("Olga Operadora", signedIn.name());
        assertEquals(Set.of(Role.OPERATOR), signedIn.roles());
        assertEquals(Set.of(LICENCIAS), signedIn.unitIds());
        assertTrue(signedIn.mustChangePassword(), "a password set by an administrator is temporary");
        assertNotEquals("null", value("SELECT ultimo_acceso FROM usuarios WHERE id = '" + user.getId() + "'"));
        assertTrue(events.actionsOn(user.getId()).contains("LOGIN"));
        assertTrue(value("SELECT password_hash FROM usuarios WHERE id = '" + user.getId() + "'")
                .startsWith("PBKDF2WithHmacSHA256:210000:"));
    }

    @Test
    void anUnknownRutAndAWrongPasswordGetTheSameAnswer() {
        String rut = newRut();
        accounts.create(operator(rut, "misma.respuesta@muni.cl", PASSWORD));
        SignInRefused wrongPassword = assertThrows(SignInRefused.class, () -> signIn.authenticate(rut, "otra-clave-123"));
        SignInRefused unknown = assertThrows(SignInRefused.class, () -> signIn.authenticate(newRut(), PASSWORD));
        assertEquals(SignInRefused.Reason.INVALID_CREDENTIALS, wrongPassword.reason());
        assertEquals(wrongPassword.key(), unknown.key());
        assertEquals(wrongPassword.messageIn(null), unknown.messageIn(null));
        assertEquals(DomainException.Kind.UNAUTHENTICATED, unknown.kind());
        assertEquals("rut.malformed", assertThrows(InvalidRutException.class, () -> signIn.authenticate("abc", PASSWORD)).key());
        assertEquals("password.required", assertThrows(AuthException.class, () -> signIn.authenticate(rut, "")).key());
    }

    @Test
    void theFifthWrongPasswordLocksTheAccountAndEveryFailureIsKept() throws SQLException {
        String rut = newRut();
        User user = accounts.create(operator(rut, "bloqueo@muni.cl", PASSWORD));
        for (int failure = 1; failure <= 4; failure++) {
            SignInRefused refused = assertThrows(SignInRefused.class, () -> signIn.authenticate(rut, "equivocada-123"));
            assertEquals(SignInRefused.Reason.INVALID_CREDENTIALS, refused.reason());
            assertEquals(String.valueOf(failure), value("SELECT intentos_fallidos FROM usuarios WHERE id = '" + user.getId() + "'"),
                    "failure " + failure + " committed although the sign-in was refused");
        }
        Instant beforeLock = Instant.now();
        SignInRefused locked = assertThrows(SignInRefused.class, () -> signIn.authenticate(rut, "equivocada-123"));
        assertEquals(SignInRefused.Reason.LOCKED, locked.reason());
        Instant until = locked.lockedUntil().orElseThrow();
        assertTrue(until.isAfter(beforeLock.plus(Duration.ofMinutes(14))) && until.isBefore(Instant.now().plus(Duration.ofMinutes(16))),
                until::toString);
        assertTrue(locked.messageIn(null).matches("Su cuenta está bloqueada .* hasta las \\d\\d:\\d\\d\\. .*"), locked.messageIn(null));
        assertEquals("5", value("SELECT intentos_fallidos FROM usuarios WHERE id = '" + user.getId() + "'"));
        assertEquals("t", value("SELECT bloqueado_hasta > now() + interval '14 minutes' FROM usuarios WHERE id = '" + user.getId() + "'"));

        SignInRefused stillLocked = assertThrows(SignInRefused.class, () -> signIn.authenticate(rut, PASSWORD));
        assertEquals(SignInRefused.Reason.LOCKED, stillLocked.reason(), "the right password does not open a locked account");
        assertTrue(events.actionsOn(user.getId()).contains("BLOQUEAR"));

        execute("UPDATE usuarios SET bloqueado_hasta = now() - interval '1 second' WHERE id = '" + user.getId() + "'");
        assertEquals(user.getId(), signIn.authenticate(rut, PASSWORD).id(), "the lock ends by itself");
        assertEquals("0", value("SELECT intentos_fallidos FROM usuarios WHERE id = '" + user.getId() + "'"));
    }

    @Test
    void aResetLinkWorksOnceStoresOnlyItsHashAndEndsTheLockout() throws SQLException {
        String rut = newRut();
        User user = accounts.create(operator(rut, "olvido@muni.cl", PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertThrows(SignInRefused.class, () -> signIn.authenticate(rut, "equivocada-123"));
        }
        Instant asked = Instant.now();
        resets.request("  OLVIDO@muni.cl ");
        PasswordResetRequested sent = events.lastResetFor(user.getId()).orElseThrow();
        assertEquals("olvido@muni.cl", sent.email());
        assertEquals(user.getName(), sent.name());
        assertTrue(sent.token().matches("[A-Za-z0-9_-]{43}"));
        assertFalse(sent.toString().contains(sent.token()), "the event never prints its token");
        assertTrue(sent.expiresAt().isAfter(asked.plus(Duration.ofMinutes(59)))
                && sent.expiresAt().isBefore(Instant.now().plus(Duration.ofMinutes(61))), sent.expiresAt()::toString);
        assertEquals("1", value("SELECT count(*) FROM tokens_restablecimiento WHERE token_hash = '"
                + secrets.fingerprint(sent.token()) + "' AND usuario_id = '" + user.getId() + "'"));
        assertEquals("0", value("SELECT count(*) FROM tokens_restablecimiento WHERE token_hash = '" + sent.token() + "'"));

        AuthException weak = assertThrows(AuthException.class, () -> resets.confirm(sent.token(), "corta"));
        assertEquals("password.tooShort", weak.key());
        resets.confirm(sent.token(), "nueva-clave-2026");
        AuthenticatedUser signedIn = signIn.authenticate(rut, "nueva-clave-2026");
        assertFalse(signedIn.mustChangePassword());
        assertEquals("reset.used", assertThrows(AuthException.class, () -> resets.confirm(sent.token(), "otra-clave-2026")).key());
        assertThrows(SignInRefused.class, () -> signIn.authenticate(rut, PASSWORD));
        assertTrue(events.actionsOn(user.getId()).contains("CAMBIAR_PASSWORD"));
    }

    @Test
    void aNewerLinkVoidsTheEarlierOneAndExpiredOrUnknownLinksAreRefused() throws SQLException {
        String rut = newRut();
        User user = accounts.create(operator(rut, "caduca@muni.cl", PASSWORD));
        resets.request(rut);
        String first = events.lastResetFor(user.getId()).orElseThrow().token();
        resets.request(rut.replace(".", ""));
        String second = events.lastResetFor(user.getId()).orElseThrow().token();
        assertNotEquals(first, second);
        assertEquals("reset.used", assertThrows(AuthException.class, () -> resets.confirm(first, "nueva-clave-2026")).key());

        execute("UPDATE tokens_restablecimiento SET fecha_creacion = now() - interval '2 hours', "
                + "expira_en = now() - interval '1 hour' WHERE token_hash = '" + secrets.fingerprint(second) + "'");
        AuthException expired = assertThrows(AuthException.class, () -> resets.confirm(second, "nueva-clave-2026"));
        assertEquals("reset.expired", expired.key());
        assertEquals("El enlace para restablecer la contraseña venció. Solicite uno nuevo.", expired.messageIn(null));
        assertEquals("reset.unknown", assertThrows(AuthException.class,
                () -> resets.confirm(secrets.generate(), "nueva-clave-2026")).key());
        assertEquals("reset.unknown", assertThrows(AuthException.class, () -> resets.confirm(" ", "nueva-clave-2026")).key());
        assertEquals(user.getId(), signIn.authenticate(rut, PASSWORD).id(), "the old password still works");
    }

    @Test
    void askingForAResetRevealsNothing() throws SQLException {
        String tokensBefore = value("SELECT count(*) FROM tokens_restablecimiento");
        int eventsBefore = events.resetCount();
        resets.request(newRut());
        resets.request("nadie@ejemplo.cl");
        resets.request("esto no es nada");
        resets.request(null);
        assertEquals(eventsBefore, events.resetCount());
        assertEquals(tokensBefore, value("SELECT count(*) FROM tokens_restablecimiento"));
    }

    @Test
    void aDeactivatedAccountCannotSignInAndKeepsItsRow() throws SQLException {
        String rut = newRut();
        User user = accounts.create(operator(rut, "baja@muni.cl", PASSWORD));
        accounts.deactivate(user.getId());
        assertEquals("f", value("SELECT activo FROM usuarios WHERE id = '" + user.getId() + "'"), "deactivated, not deleted");
        SignInRefused inactive = assertThrows(SignInRefused.class, () -> signIn.authenticate(rut, PASSWORD));
        assertEquals(SignInRefused.Reason.INACTIVE, inactive.reason());
        assertEquals(SignInRefused.Reason.INVALID_CREDENTIALS,
                assertThrows(SignInRefused.class, () -> signIn.authenticate(rut, "equivocada-123")).reason(),
                "without the right password nobody learns the account is inactive");
        int eventsBefore = events.resetCount();
        resets.request(rut);
        assertEquals(eventsBefore, events.resetCount(), "no reset link for an inactive account");
        assertEquals("user.inactive", assertThrows(AuthException.class, () -> accounts.forceReset(user.getId())).key());

        accounts.activate(user.getId());
        assertEquals(user.getId(), signIn.authenticate(rut, PASSWORD).id());
        assertEquals(List.of("CREAR", "DESACTIVAR", "ACTIVAR", "LOGIN"), events.actionsOn(user.getId()));
    }

    @Test
    void aForcedResetStopsTheOldPasswordAndSendsALink() {
        String rut = newRut();
        User user = accounts.create(operator(rut, "forzado@muni.cl", PASSWORD));
        accounts.forceReset(user.getId());
        assertThrows(SignInRefused.class, () -> signIn.authenticate(rut, PASSWORD));
        PasswordResetRequested sent = events.lastResetFor(user.getId()).orElseThrow();
        resets.confirm(sent.token(), "elegida-por-mi-1");
        assertFalse(signIn.authenticate(rut, "elegida-por-mi-1").mustChangePassword());
        assertTrue(events.actionsOn(user.getId()).contains("RESTABLECER"));

        User totem = accounts.create(new NewUser(newRut(), "Tótem hall", null, Set.of(Role.KIOSK), Set.of(LICENCIAS),
                "clave-del-totem-1"));
        assertEquals("user.noEmail", assertThrows(AuthException.class, () -> accounts.forceReset(totem.getId())).key());
        assertFalse(signIn.authenticate(totem.getRut(), "clave-del-totem-1").mustChangePassword(), "a device keeps its password");
    }

    @Test
    void anAccountCreatedWithoutPasswordGetsALink() {
        String rut = newRut();
        User user = accounts.create(operator(rut, "sin.clave@muni.cl", null));
        assertTrue(user.isMustChangePassword());
        PasswordResetRequested sent = events.lastResetFor(user.getId()).orElseThrow();
        assertEquals("sin.clave@muni.cl", sent.email());
        resets.confirm(sent.token(), "mi-primera-clave");
        assertEquals(user.getId(), signIn.authenticate(rut, "mi-primera-clave").id());
        assertEquals("user.passwordRequired", assertThrows(AuthException.class, () -> accounts.create(
                new NewUser(newRut(), "Pantalla", null, Set.of(Role.DISPLAY), Set.of(), null))).key());
        assertEquals("user.emailRequired", assertThrows(AuthException.class, () -> accounts.create(
                new NewUser(newRut(), "Sin correo", null, Set.of(Role.OPERATOR), Set.of(), PASSWORD))).key());
    }

    @Test
    void theOwnerChangesTheirPassword() {
        String rut = newRut();
        User user = accounts.create(operator(rut, "cambio@muni.cl", PASSWORD));
        assertEquals("password.wrongCurrent", assertThrows(AuthException.class,
                () -> accounts.changePassword(user.getId(), "no-es-la-mia", "otra-clave-2026")).key());
        assertEquals("password.sameAsCurrent", assertThrows(AuthException.class,
                () -> accounts.changePassword(user.getId(), PASSWORD, PASSWORD)).key());
        assertEquals("password.equalsRut", assertThrows(AuthException.class,
                () -> accounts.changePassword(user.getId(), PASSWORD, rut)).key());
        accounts.changePassword(user.getId(), PASSWORD, "otra-clave-2026");
        assertFalse(signIn.authenticate(rut, "otra-clave-2026").mustChangePassword());
    }

    @Test
    void theLastActiveAdministratorStays() {
        User demoAdmin = accounts.getByRut("11.111.111-1");
        assertTrue(demoAdmin.getRoles().contains(Role.ADMIN));
        User second = accounts.create(new NewUser(newRut(), "Segunda Administradora", "admin2@muni.cl",
                Set.of(Role.ADMIN), Set.of(), PASSWORD));
        try {
            accounts.deactivate(demoAdmin.getId());
            AuthException last = assertThrows(AuthException.class, () -> accounts.deactivate(second.getId()));
            assertEquals("user.lastAdmin", last.key());
            assertEquals("user.lastAdmin", assertThrows(AuthException.class, () -> accounts.update(second.getId(),
                    new UserChanges("Segunda", "admin2@muni.cl", Set.of(Role.SUPERVISOR), Set.of(), null))).key());
        } finally {
            accounts.activate(demoAdmin.getId());
        }
        accounts.deactivate(second.getId());
        assertFalse(accounts.getById(second.getId()).isActive());
    }

    // ------------------------------------------------------------------ races

    @Test
    void oneResetLinkUsedManyTimesAtOnceSetsOnePassword() throws Exception {
        for (int round = 0; round < 3; round++) {
            String rut = newRut();
            User user = accounts.create(operator(rut, "carrera.enlace" + round + "@muni.cl", PASSWORD));
            resets.request(rut);
            String token = events.lastResetFor(user.getId()).orElseThrow().token();
            List<String> passwords = IntStream.range(0, 12).mapToObj(i -> "clave-carrera-" + i + "-2026").toList();
            Map<String, Integer> outcomes = new ConcurrentHashMap<>();
            List<String> won = Race.run(passwords.stream().map(p -> (Callable<String>) () -> {
                resets.confirm(token, p);
                return p;
            }).toList(), outcomes);

            assertEquals(Map.of("ok", 1, "reset.used", 11), outcomes, "round " + round);
            assertEquals("1", value("SELECT count(*) FROM tokens_restablecimiento WHERE usuario_id = '" + user.getId()
                    + "' AND usado_en IS NOT NULL"));
            String winner = won.get(0);
            assertEquals(user.getId(), signIn.authenticate(rut, winner).id(), "the winner's password is the one kept");
            for (String loser : passwords.stream().filter(p -> !p.equals(winner)).limit(2).toList()) {
                assertEquals(SignInRefused.Reason.INVALID_CREDENTIALS,
                        assertThrows(SignInRefused.class, () -> signIn.authenticate(rut, loser)).reason());
            }
        }
    }

    @Test
    void manyWrongPasswordsAtOnceLockAfterExactlyTheLimitAndLoseNoFailure() throws Exception {
        for (int round = 0; round < 3; round++) {
            // below the limit: every failure of a burst is counted
            String rut = newRut();
            User user = accounts.create(operator(rut, "carrera.fallos" + round + "@muni.cl", PASSWORD));
            Map<String, Integer> outcomes = new ConcurrentHashMap<>();
            Race.run(IntStream.range(0, 4).mapToObj(i -> (Callable<Object>) () -> signIn.authenticate(rut, "equivocada-" + i))
                    .toList(), outcomes);
            assertEquals(Map.of("auth.invalidCredentials", 4), outcomes);
            assertEquals("4|null", value("SELECT intentos_fallidos || '|' || coalesce(bloqueado_hasta::text, 'null') "
                    + "FROM usuarios WHERE id = '" + user.getId() + "'"));

            // far past the limit: the fifth failure locks, the rest find the account locked and count nothing
            String other = newRut();
            User locked = accounts.create(operator(other, "carrera.bloqueo" + round + "@muni.cl", PASSWORD));
            Map<String, Integer> burst = new ConcurrentHashMap<>();
            Race.run(IntStream.range(0, 16).mapToObj(i -> (Callable<Object>) () -> signIn.authenticate(other, "equivocada-" + i))
                    .toList(), burst);
            assertEquals(Map.of("auth.invalidCredentials", 4, "auth.locked", 12), burst, "round " + round);
            assertEquals("5|true", value("SELECT intentos_fallidos || '|' || (bloqueado_hasta > now())::text FROM usuarios WHERE id = '"
                    + locked.getId() + "'"));

            // locked: the right password at the same moment as wrong ones opens nothing
            Map<String, Integer> whileLocked = new ConcurrentHashMap<>();
            Race.run(IntStream.range(0, 12).mapToObj(i -> (Callable<Object>) () -> signIn.authenticate(other,
                    i % 2 == 0 ? PASSWORD : "equivocada-" + i)).toList(), whileLocked);
            assertEquals(Map.of("auth.locked", 12), whileLocked);
            assertEquals("5|null", value("SELECT intentos_fallidos || '|' || coalesce(ultimo_acceso::text, 'null') "
                    + "FROM usuarios WHERE id = '" + locked.getId() + "'"), "no sign-in while locked");
        }
    }

    @Test
    void administratorsDeactivatedOrDemotedAllAtOnceLeaveOneActive() throws Exception {
        List<UUID> othersActive = activeAdministrators();
        try {
            for (int round = 0; round < 3; round++) {
                List<User> admins = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    admins.add(accounts.create(new NewUser(newRut(), "Administradora " + round + "-" + i,
                            "carrera.admin" + round + "-" + i + "@muni.cl", Set.of(Role.ADMIN), Set.of(), PASSWORD)));
                }
                // only these eight are administrators now
                for (UUID id : activeAdministrators()) {
                    if (admins.stream().noneMatch(a -> a.getId().equals(id))) {
                        accounts.deactivate(id);
                    }
                }
                assertEquals(8, activeAdministrators().size());
                Map<String, Integer> outcomes = new ConcurrentHashMap<>();
                Race.run(IntStream.range(0, 8).mapToObj(i -> (Callable<Object>) () -> {
                    User admin = admins.get(i);
                    // half are deactivated, half lose the role, as two administrators' sessions would do
                    return i % 2 == 0 ? accounts.deactivate(admin.getId())
                            : accounts.update(admin.getId(), new UserChanges(admin.getName(), admin.getEmail(),
                                    Set.of(Role.SUPERVISOR), Set.of(), null));
                }).toList(), outcomes);

                assertEquals(Map.of("ok", 7, "user.lastAdmin", 1), outcomes, "round " + round);
                assertEquals(1, activeAdministrators().size(), "one active administrator remains");
            }
        } finally {
            othersActive.forEach(accounts::activate);
        }
    }

    private List<UUID> activeAdministrators() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT u.id FROM usuarios u JOIN usuario_roles r ON r.usuario_id = u.id
                        WHERE r.rol = 'ADMIN' AND u.activo"""); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    @Test
    void theDemoAdministratorsHashIsTheFormatWeWrite() {
        User demoAdmin = accounts.getByRut("11111111-1");
        assertTrue(demoAdmin.getPasswordHash().startsWith("PBKDF2WithHmacSHA256:210000:"), demoAdmin.getPasswordHash());
        String ours = hashing.hash(PASSWORD);
        assertEquals(4, ours.split(":").length);
        assertTrue(ours.startsWith("PBKDF2WithHmacSHA256:210000:"), ours);
        assertTrue(hashing.verify(PASSWORD, ours));
        assertFalse(hashing.verify("otra", ours));
        assertFalse(hashing.verify(PASSWORD, "no es un hash"));
    }

    @Test
    void accountsAreFoundByRutNameOrEmailPageByPage() {
        String marker = "Zqx" + NEXT_BODY.get();
        List<String> ruts = new ArrayList<>();
        for (String name : List.of("Ana", "Berta", "Carla")) {
            String rut = newRut();
            ruts.add(rut);
            accounts.create(operator(rut, name.toLowerCase(Locale.ROOT) + "." + marker.toLowerCase(Locale.ROOT) + "@muni.cl",
                    PASSWORD, name + " " + marker));
        }
        UserPage first = accounts.search(marker.toUpperCase(Locale.ROOT), 0, 2);
        assertEquals(3, first.total());
        assertEquals(List.of("Ana " + marker, "Berta " + marker), first.items().stream().map(User::getName).toList());
        UserPage second = accounts.search(marker, 1, 2);
        assertEquals(List.of("Carla " + marker), second.items().stream().map(User::getName).toList());
        assertEquals(1, accounts.search(ruts.get(1), 0, 20).total(), "by RUT with dots");
        assertEquals(1, accounts.search(Rut.of(ruts.get(1)).normalized(), 0, 20).total(), "by RUT without dots");
        assertEquals(1, accounts.search("berta." + marker.toLowerCase(Locale.ROOT) + "@", 0, 20).total(), "by email");
        assertEquals(0, accounts.search("100%_" + marker, 0, 20).total(), "wildcards are literal");
        assertTrue(accounts.search(null, 0, 5).total() >= 4);
    }

    @Test
    void everyAccountChangeIsAudited() {
        User user = accounts.create(operator(newRut(), "auditada@muni.cl", PASSWORD));
        accounts.update(user.getId(), new UserChanges("Auditada Otra", "auditada@muni.cl", Set.of(Role.SUPERVISOR),
                Set.of(LICENCIAS), "clave-asignada-9"));
        accounts.deactivate(user.getId());
        accounts.activate(user.getId());
        List<AuditEvent> audits = events.auditsOf(user.getId());
        assertEquals(List.of("CREAR", "MODIFICAR", "DESACTIVAR", "ACTIVAR"), audits.stream().map(AuditEvent::action).toList());
        AuditEvent modified = audits.get(1);
        assertEquals("usuarios", modified.entity());
        assertTrue(modified.before().contains("\"OPERATOR\"") && modified.after().contains("\"SUPERVISOR\""), modified.after());
        assertTrue(modified.after().contains(LICENCIAS.toString()));
        assertTrue(modified.description().contains("Auditada Otra"), modified.description());
        audits.forEach(event -> {
            assertFalse(String.valueOf(event.after()).contains("PBKDF2"), "no password hash in the audit log");
            assertFalse(String.valueOf(event.after()).contains("clave-asignada-9"), "no password in the audit log");
        });
    }

    @Test
    void anAccountChangeOrALogoutOnAnotherInstanceShutsTheSessionAtOnce() throws Exception {
        User user = accounts.create(operator(newRut(), "sesiones@muni.cl", PASSWORD));
        String token = UUID.randomUUID().toString();
        Sessions.State open = sessions.state(token, user.getId().toString());
        assertNotEquals(Sessions.State.ENDED, open);
        accounts.deactivate(user.getId());
        assertEquals(Sessions.State.ENDED, sessions.state(token, user.getId().toString()), "no waiting for any expiry");
        accounts.activate(user.getId());
        assertEquals(open, sessions.state(token, user.getId().toString()));

        // another instance records a logout, then says so on the Redis channel
        String elsewhere = UUID.randomUUID().toString();
        assertFalse(sessions.isRevoked(elsewhere));
        execute("INSERT INTO sesiones_revocadas (jti, expira_en) VALUES ('" + elsewhere + "', now() + interval '1 hour')");
        redis.call(j -> j.publish(Invalidations.CHANNEL, "otra-instancia|" + OpenSessions.ENDED + "|" + elsewhere));
        Instant deadline = Instant.now().plusSeconds(10);
        while (!sessions.isRevoked(elsewhere) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertTrue(sessions.isRevoked(elsewhere));
    }

    @Test
    void aLogoutEndsTheSessionEverywhere() throws SQLException {
        String id = UUID.randomUUID().toString();
        assertFalse(sessions.isRevoked(id));
        sessions.revoke(id, Instant.now().plus(Duration.ofHours(8)));
        sessions.revoke(id, Instant.now().plus(Duration.ofHours(8)));
        assertTrue(sessions.isRevoked(id));
        assertFalse(sessions.isRevoked(null));
        assertFalse(sessions.isRevoked("x".repeat(Sessions.ID_LENGTH + 1)));

        String old = UUID.randomUUID().toString();
        sessions.revoke(old, Instant.now().minusSeconds(1));
        sessions.revoke(UUID.randomUUID().toString(), Instant.now().plus(Duration.ofHours(1)));
        assertEquals("0", value("SELECT count(*) FROM sesiones_revocadas WHERE jti = '" + old + "'"),
                "entries past their token's expiry are cleaned up");
        assertEquals("1", value("SELECT count(*) FROM sesiones_revocadas WHERE jti = '" + id + "'"));
    }

    @Test
    void wrongInputAtTheBoundaryIsAValidationErrorInSpanish() {
        ConstraintViolationException invalid = assertThrows(ConstraintViolationException.class,
                () -> accounts.create(new NewUser(" ", "", "no-es-correo", Set.of(), null, null)));
        Set<String> messages = new java.util.TreeSet<>();
        for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
            messages.add(ViolationMessages.interpolate(violation, Locale.forLanguageTag("es-CL")));
        }
        assertEquals(new java.util.TreeSet<>(Set.of("Ingrese el RUT.", "Ingrese el nombre.",
                "El correo no es válido. Escríbalo como nombre@dominio.cl.",
                "Asigne al menos un rol (ADMIN, SUPERVISOR, OPERATOR, KIOSK o DISPLAY).")), messages);
        ConstraintViolation<?> tooLong = assertThrows(ConstraintViolationException.class, () -> accounts.create(
                new NewUser(newRut(), "x".repeat(121), "largo@muni.cl", Set.of(Role.OPERATOR), null, null)))
                .getConstraintViolations().iterator().next();
        assertEquals("The name can have at most 120 characters.", ViolationMessages.interpolate(tooLong, Locale.ENGLISH));
        assertEquals("El nombre puede tener como máximo 120 caracteres.", ViolationMessages.interpolate(tooLong, Locale.forLanguageTag("es")));
    }

    private static NewUser operator(String rut, String email, String password) {
        return operator(rut, email, password, "Persona de Prueba");
    }

    private static NewUser operator(String rut, String email, String password, String name) {
        return new NewUser(rut, name, email, Set.of(Role.OPERATOR), Set.of(), password);
    }

    /** A RUT nobody in this run has used yet, written with dots. */
    private static String newRut() {
        int body = NEXT_BODY.incrementAndGet();
        return Rut.of(body + "-" + Rut.checkDigitOf(body)).formatted();
    }

    private String value(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            assertTrue(row.next(), sql);
            return String.valueOf(row.getString(1));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
