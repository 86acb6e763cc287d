package cl.ventanilla.auth.boundary;

import cl.ventanilla.auth.control.AccountAudit;
import cl.ventanilla.auth.control.PasswordHashing;
import cl.ventanilla.auth.control.PasswordPolicy;
import cl.ventanilla.auth.control.ResetLinks;
import cl.ventanilla.auth.entity.AuthException;
import cl.ventanilla.auth.entity.Role;
import cl.ventanilla.auth.entity.User;
import cl.ventanilla.kernel.InvalidRutException;
import cl.ventanilla.kernel.Rut;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The administration of accounts: create staff and device accounts, change their data, roles and
 * units, deactivate and reactivate them (never delete), force a password reset, and find them. Every
 * change is announced as an audit event.
 */
@Stateless
public class Accounts {

    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    ResetLinks resetLinks;

    @Inject
    AccountAudit audit;

    @Resource
    SessionContext session;

    Clock clock = Clock.systemUTC();

    /**
     * Creates an active account. With a password, a person must replace it at the first sign-in (a
     * device keeps it); without one, the account gets a reset link by email.
     *
     * @throws InvalidRutException when the RUT is malformed or its check digit does not match
     * @throws AuthException       duplicate RUT or email, unknown unit, weak password, staff without email
     */
    public User create(@NotNull @Valid NewUser request) {
        Rut rut = Rut.of(request.rut());
        if (findByRut(rut).isPresent()) {
            throw AuthException.conflict("user.duplicateRut", rut.formatted());
        }
        boolean withPassword = request.password() != null && !request.password().isEmpty();
        if (withPassword) {
            passwordPolicy.check(request.password(), rut);
        } else if (request.email() == null || request.email().isBlank()) {
            throw AuthException.invalid("user.passwordRequired");
        }
        User user = new User(rut, request.name(), request.email(), request.roles(), request.unitIds(),
                withPassword ? hashing.hash(request.password()) : hashing.unusable());
        requireUniqueEmail(user.getEmail(), null);
        requireExistingUnits(user.getUnitIds());
        em.persist(user);
        em.flush();
        audit.record("CREAR", user, "Creación de la cuenta", null);
        if (!withPassword) {
            resetLinks.issue(user, callerId().orElse(null), clock.instant());
        }
        return user;
    }

    /**
     * Replaces the name, email, roles and units of an account, and its password when one is given.
     *
     * @throws AuthException unknown account, duplicate email, unknown unit, weak password, or removing
     *                       the ADMIN role from the last active administrator
     */
    public User update(@NotNull UUID id, @NotNull @Valid UserChanges changes) {
        User user = getById(id);
        String before = audit.snapshot(user);
        if (user.isActive() && user.getRoles().contains(Role.ADMIN)
                && changes.roles() != null && !changes.roles().contains(Role.ADMIN)) {
            requireAnotherActiveAdmin(user);
        }
        // Checked before the account changes: the queries would otherwise flush the change and hit the
        // database's constraints first.
        requireUniqueEmail(changes.email(), user.getId());
        requireExistingUnits(changes.unitIds());
        user.updateProfile(changes.name(), changes.email());
        user.assignRoles(changes.roles());
        user.assignUnits(changes.unitIds());
        boolean withPassword = changes.password() != null && !changes.password().isEmpty();
        if (withPassword) {
            passwordPolicy.check(changes.password(), Rut.of(user.getRut()));
            user.assignPassword(hashing.hash(changes.password()), clock.instant());
        }
        em.flush();
        audit.record("MODIFICAR", user, withPassword ? "Modificación, con contraseña asignada, de la cuenta"
                : "Modificación de la cuenta", before);
        return user;
    }

    /**
     * Deactivates an account: it can no longer sign in, and everything that refers to it keeps doing so.
     *
     * @throws AuthException unknown account, or the last active administrator
     */
    public User deactivate(@NotNull UUID id) {
        User user = getById(id);
        if (!user.isActive()) {
            return user;
        }
        if (user.getRoles().contains(Role.ADMIN)) {
            requireAnotherActiveAdmin(user);
        }
        String before = audit.snapshot(user);
        user.deactivate();
        audit.record("DESACTIVAR", user, "Desactivación de la cuenta", before);
        return user;
    }

    /** Lets a deactivated account sign in again. */
    public User activate(@NotNull UUID id) {
        User user = getById(id);
        if (user.isActive()) {
            return user;
        }
        String before = audit.snapshot(user);
        user.activate();
        audit.record("ACTIVAR", user, "Reactivación de la cuenta", before);
        return user;
    }

    /**
     * Forces a new password: the current one stops working at once, and the owner receives a reset
     * link by email.
     *
     * @throws AuthException unknown or inactive account, or one without email (give it a password instead)
     */
    public void forceReset(@NotNull UUID id) {
        User user = getById(id);
        if (!user.isActive()) {
            throw AuthException.conflict("user.inactive", Rut.of(user.getRut()).formatted());
        }
        if (user.getEmail() == null) {
            throw AuthException.invalid("user.noEmail", Rut.of(user.getRut()).formatted());
        }
        String before = audit.snapshot(user);
        user.forceReset(hashing.unusable());
        resetLinks.issue(user, callerId().orElse(null), clock.instant());
        audit.record("RESTABLECER", user, "Restablecimiento forzado de la contraseña de la cuenta", before);
    }

    /**
     * The owner replaces their password, proving they know the current one.
     *
     * @throws AuthException wrong current password, or a new one that breaks the policy or repeats it
     */
    public void changePassword(@NotNull UUID id, String currentPassword, String newPassword) {
        User user = getById(id);
        if (!hashing.verify(currentPassword, user.getPasswordHash())) {
            throw AuthException.invalid("password.wrongCurrent");
        }
        passwordPolicy.check(newPassword, Rut.of(user.getRut()));
        if (newPassword.equals(currentPassword)) {
            throw AuthException.invalid("password.sameAsCurrent");
        }
        user.changePassword(hashing.hash(newPassword), clock.instant());
        audit.record("CAMBIAR_PASSWORD", user, "Cambio de contraseña por su titular de la cuenta", null);
    }

    /**
     * Accounts whose RUT (with or without dots), name or email contains the text, by name.
     *
     * @param text blank for all accounts
     * @param page zero-based
     */
    public UserPage search(String text, @Min(0) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String wanted = text == null ? "" : text.strip();
        String where = wanted.isEmpty() ? ""
                : " WHERE lower(u.name) LIKE :text ESCAPE '!' OR lower(u.email) LIKE :text ESCAPE '!'"
                        + " OR u.rut LIKE :rut ESCAPE '!'";
        TypedQuery<User> items = em.createQuery("SELECT u FROM User u" + where + " ORDER BY u.name, u.rut", User.class);
        TypedQuery<Long> total = em.createQuery("SELECT count(u) FROM User u" + where, Long.class);
        if (!wanted.isEmpty()) {
            String contains = "%" + escapeLike(wanted.toLowerCase(Locale.ROOT)) + "%";
            String rut = "%" + escapeLike(wanted.replace(".", "").toUpperCase(Locale.ROOT)) + "%";
            items.setParameter("text", contains).setParameter("rut", rut);
            total.setParameter("text", contains).setParameter("rut", rut);
        }
        List<User> found = items.setFirstResult((int) Math.min(Integer.MAX_VALUE, (long) page * size)).setMaxResults(size).getResultList();
        return new UserPage(found, page, size, total.getSingleResult());
    }

    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(id).map(key -> em.find(User.class, key));
    }

    /** @throws AuthException when there is no such account */
    public User getById(UUID id) {
        return findById(id).orElseThrow(() -> AuthException.notFound("user.notFound", String.valueOf(id)));
    }

    /** @throws InvalidRutException when the text is not a RUT */
    public Optional<User> findByRut(String rut) {
        return findByRut(Rut.of(rut));
    }

    /** @throws AuthException when there is no account with that RUT */
    public User getByRut(String rut) {
        Rut parsed = Rut.of(rut);
        return findByRut(parsed).orElseThrow(() -> AuthException.notFound("user.notFound", parsed.formatted()));
    }

    private Optional<User> findByRut(Rut rut) {
        return em.createQuery("SELECT u FROM User u WHERE u.rut = :rut", User.class)
                .setParameter("rut", rut.normalized())
                .getResultStream().findFirst();
    }

    private void requireUniqueEmail(String email, UUID except) {
        if (email == null || email.isBlank()) {
            return;
        }
        boolean taken = em.createQuery("SELECT u.id FROM User u WHERE lower(u.email) = :email", UUID.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
                .getResultStream().anyMatch(other -> !other.equals(except));
        if (taken) {
            throw AuthException.conflict("user.duplicateEmail", email.strip());
        }
    }

    // Units belong to the config domain; auth keeps only their ids. Checking them here turns what would
    // be a foreign-key failure at commit into a message that names the unit.
    private void requireExistingUnits(Collection<UUID> unitIds) {
        Set<UUID> missing = new LinkedHashSet<>();
        if (unitIds != null) {
            unitIds.stream().filter(Objects::nonNull).forEach(missing::add);
        }
        if (missing.isEmpty()) {
            return;
        }
        em.createNativeQuery("SELECT id FROM unidades WHERE id IN (:ids)", UUID.class)
                .setParameter("ids", Set.copyOf(missing))
                .getResultList()
                .forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw AuthException.invalid("user.unknownUnit", missing.iterator().next().toString());
        }
    }

    /**
     * Refuses to take away the last active administrator. The active administrators' rows are locked
     * first (in one order, so two callers never wait on each other in a circle) and counted after the
     * lock: two administrators removed at the same moment take turns, and the second counts without
     * the first.
     */
    private void requireAnotherActiveAdmin(User user) {
        em.createNativeQuery("""
                SELECT u.id FROM usuarios u
                WHERE u.activo AND EXISTS (SELECT 1 FROM usuario_roles r WHERE r.usuario_id = u.id AND r.rol = 'ADMIN')
                ORDER BY u.id FOR UPDATE OF u""").getResultList();
        long others = em.createQuery("""
                SELECT count(u) FROM User u JOIN u.roles r
                WHERE r = :admin AND u.active = true AND u.id <> :id""", Long.class)
                .setParameter("admin", Role.ADMIN)
                .setParameter("id", user.getId())
                .getSingleResult();
        if (others == 0) {
            throw AuthException.conflict("user.lastAdmin");
        }
    }

    /** The administrator making the change, when the caller is one (the principal's name is the RUT). */
    private Optional<UUID> callerId() {
        Principal caller = session.getCallerPrincipal();
        if (caller == null || !Rut.isValid(caller.getName())) {
            return Optional.empty();
        }
        return findByRut(Rut.of(caller.getName())).map(User::getId);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
