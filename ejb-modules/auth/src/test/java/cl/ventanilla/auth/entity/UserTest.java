package cl.ventanilla.auth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.kernel.Rut;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-03-10T13:00:00Z");
    private static final LockoutPolicy POLICY = LockoutPolicy.DEFAULT;

    private static User operator() {
        return new User(Rut.of("12.345.678-5"), "  María Pérez ", "Maria.Perez@MuniValleVerde.cl",
                Set.of(Role.OPERATOR), Set.of(UUID.randomUUID()), "hash");
    }

    @Test
    void storesTheRutNormalizedAndTheEmailInLowerCase() {
        User user = operator();
        assertEquals("12345678-5", user.getRut());
        assertEquals("María Pérez", user.getName());
        assertEquals("maria.perez@munivalleverde.cl", user.getEmail());
        assertTrue(user.isActive());
        assertTrue(user.isMustChangePassword(), "a password chosen by an administrator is temporary for a person");
    }

    @Test
    void aDeviceKeepsThePasswordItWasGivenAndNeedsNoEmail() {
        User totem = new User(Rut.of("76086428-5"), "Tótem hall central", null, Set.of(Role.KIOSK), Set.of(), "hash");
        assertFalse(totem.isMustChangePassword());
        assertNull(totem.getEmail());
        assertTrue(totem.isDeviceOnly());
    }

    @Test
    void staffNeedAnEmailForTheirResetLinks() {
        AuthException error = assertThrows(AuthException.class, () -> new User(Rut.of("12345678-5"), "Ana", " ",
                Set.of(Role.SUPERVISOR), Set.of(), "hash"));
        assertEquals("user.emailRequired", error.key());
        User totem = new User(Rut.of("76086428-5"), "Tótem", null, Set.of(Role.KIOSK), Set.of(), "hash");
        assertEquals("user.emailRequired", assertThrows(AuthException.class, () -> totem.grant(Role.OPERATOR)).key());
    }

    @Test
    void anAccountKeepsAtLeastOneRole() {
        assertEquals("user.rolesRequired", assertThrows(AuthException.class, () -> new User(Rut.of("12345678-5"),
                "Ana", "ana@muni.cl", Set.of(), Set.of(), "hash")).key());
        User user = operator();
        assertEquals("user.rolesRequired", assertThrows(AuthException.class, () -> user.revoke(Role.OPERATOR)).key());
        user.grant(Role.SUPERVISOR);
        user.revoke(Role.OPERATOR);
        assertEquals(Set.of(Role.SUPERVISOR), user.getRoles());
        user.assignRoles(List.of(Role.ADMIN, Role.OPERATOR));
        assertEquals(Set.of(Role.ADMIN, Role.OPERATOR), user.getRoles());
    }

    @Test
    void rejectsAMalformedEmailAndABlankName() {
        User user = operator();
        assertEquals("user.emailInvalid", assertThrows(AuthException.class, () -> user.updateProfile("Ana", "ana@@muni")).key());
        assertEquals("user.nameRequired", assertThrows(AuthException.class, () -> user.updateProfile(" ", "ana@muni.cl")).key());
        assertEquals("user.nameTooLong", assertThrows(AuthException.class,
                () -> user.updateProfile("x".repeat(User.NAME_LENGTH + 1), "ana@muni.cl")).key());
    }

    @Test
    void theFifthWrongPasswordLocksTheAccountForFifteenMinutes() {
        User user = operator();
        for (int failure = 1; failure <= 4; failure++) {
            user.recordFailedSignIn(NOW.plusSeconds(failure), POLICY);
            assertFalse(user.isLockedAt(NOW.plusSeconds(failure)), "not locked after " + failure + " failures");
        }
        Instant fifth = NOW.plusSeconds(5);
        user.recordFailedSignIn(fifth, POLICY);
        assertEquals(5, user.getFailedSignIns());
        assertEquals(fifth.plus(Duration.ofMinutes(15)), user.getLockedUntil());
        assertTrue(user.isLockedAt(fifth.plus(Duration.ofMinutes(15)).minusMillis(1)));
        assertFalse(user.isLockedAt(fifth.plus(Duration.ofMinutes(15))));
    }

    @Test
    void attemptsWhileLockedNeitherCountNorExtendTheLock() {
        User user = lockedAt(NOW);
        Instant until = user.getLockedUntil();
        user.recordFailedSignIn(NOW.plus(Duration.ofMinutes(10)), POLICY);
        assertEquals(until, user.getLockedUntil());
        assertEquals(5, user.getFailedSignIns());
    }

    @Test
    void afterTheLockExpiresTheCountStartsAgain() {
        User user = lockedAt(NOW);
        Instant later = NOW.plus(Duration.ofMinutes(16));
        user.recordFailedSignIn(later, POLICY);
        assertEquals(1, user.getFailedSignIns());
        assertNull(user.getLockedUntil());
        assertFalse(user.isLockedAt(later));
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        User user = operator();
        user.recordFailedSignIn(NOW, POLICY);
        user.recordFailedSignIn(NOW, POLICY);
        user.recordSignIn(NOW.plusSeconds(30));
        assertEquals(0, user.getFailedSignIns());
        assertEquals(NOW.plusSeconds(30), user.getLastSignInAt());
        assertThrows(IllegalStateException.class, () -> lockedAt(NOW).recordSignIn(NOW.plusSeconds(1)));
    }

    @Test
    void aPolicyOfThreeFailuresForAnHourIsHonoured() {
        User user = operator();
        LockoutPolicy strict = new LockoutPolicy(3, Duration.ofHours(1));
        user.recordFailedSignIn(NOW, strict);
        user.recordFailedSignIn(NOW, strict);
        user.recordFailedSignIn(NOW, strict);
        assertEquals(NOW.plus(Duration.ofHours(1)), user.getLockedUntil());
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(0, Duration.ofMinutes(1)));
    }

    @Test
    void changingThePasswordEndsTheLockoutAndTheObligationToChangeIt() {
        User user = lockedAt(NOW);
        user.changePassword("new-hash", NOW.plusSeconds(60));
        assertEquals("new-hash", user.getPasswordHash());
        assertEquals(NOW.plusSeconds(60), user.getPasswordChangedAt());
        assertFalse(user.isMustChangePassword());
        assertFalse(user.isLockedAt(NOW.plusSeconds(61)));
        assertEquals(0, user.getFailedSignIns());
    }

    @Test
    void aForcedResetReplacesThePasswordAndAsksForANewOne() {
        User user = operator();
        user.changePassword("chosen", NOW);
        user.forceReset("unusable");
        assertEquals("unusable", user.getPasswordHash());
        assertTrue(user.isMustChangePassword());
    }

    @Test
    void deactivationKeepsTheAccountAndCanBeUndone() {
        User user = operator();
        user.deactivate();
        assertFalse(user.isActive());
        assertThrows(IllegalStateException.class, () -> user.recordSignIn(NOW));
        user.activate();
        assertTrue(user.isActive());
        user.recordSignIn(NOW);
    }

    @Test
    void unitsAreReplacedAsAWhole() {
        User user = operator();
        UUID unit = UUID.randomUUID();
        user.assignUnits(List.of(unit));
        assertEquals(Set.of(unit), user.getUnitIds());
        user.assignUnits(null);
        assertTrue(user.getUnitIds().isEmpty());
    }

    private static User lockedAt(Instant when) {
        User user = operator();
        for (int i = 0; i < POLICY.maxFailures(); i++) {
            user.recordFailedSignIn(when, POLICY);
        }
        assertTrue(user.isLockedAt(when));
        return user;
    }
}
