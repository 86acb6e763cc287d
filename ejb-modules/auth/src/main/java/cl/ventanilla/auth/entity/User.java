package cl.ventanilla.auth.entity;

import cl.ventanilla.kernel.Rut;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * An account: a staff member (ADMIN, SUPERVISOR, OPERATOR) or a device (KIOSK, DISPLAY), identified by
 * RUT, with the units it works in. It guards its own rules: at least one role, an email for staff (the
 * only way to send them a reset link), and the lockout after repeated failed sign-ins. Accounts are
 * deactivated, never deleted: tickets, closures and the audit log refer to them.
 */
@Entity
@Table(name = "usuarios")
@JsonbPropertyOrder({"id", "rut", "name", "email", "roles", "unitIds", "active", "mustChangePassword",
    "failedSignIns", "lockedUntil", "lastSignInAt", "passwordChangedAt"})
public class User {

    public static final int NAME_LENGTH = 120;
    public static final int EMAIL_LENGTH = 254;
    public static final int HASH_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "rut", nullable = false, updatable = false, length = Rut.MAX_LENGTH)
    private String rut;

    @Column(name = "nombre", nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(name = "email", length = EMAIL_LENGTH)
    private String email;

    @Column(name = "password_hash", nullable = false, length = HASH_LENGTH)
    private String passwordHash;

    @Column(name = "activo", nullable = false)
    private boolean active = true;

    @Column(name = "intentos_fallidos", nullable = false)
    private int failedSignIns;

    @Column(name = "bloqueado_hasta")
    private Instant lockedUntil;

    @Column(name = "debe_cambiar_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "fecha_cambio_password")
    private Instant passwordChangedAt;

    @Column(name = "ultimo_acceso")
    private Instant lastSignInAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    // Both collections are small and always needed (sign-in, token, admin list): loaded with the user,
    // in batches when a page of users is read.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "usuario_roles", joinColumns = @JoinColumn(name = "usuario_id"))
    @Column(name = "rol", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 50)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "usuario_unidades", joinColumns = @JoinColumn(name = "usuario_id"))
    @Column(name = "unidad_id", nullable = false)
    @BatchSize(size = 50)
    private Set<UUID> unitIds = new LinkedHashSet<>();

    protected User() {
        // for JPA
    }

    /**
     * A new, active account. Its first password comes from an administrator, so a person must replace
     * it at the first sign-in; a device keeps it.
     *
     * @param passwordHash the hash of the first password (see {@code PasswordHashing}), or of a secret
     *                     nobody knows when the owner will choose one through a reset link
     */
    public User(Rut rut, String name, String email, Collection<Role> roles, Collection<UUID> unitIds,
            String passwordHash) {
        this.rut = Objects.requireNonNull(rut, "rut").normalized();
        this.name = requireName(name);
        this.email = normalizeEmail(email);
        this.roles = requireRoles(roles);
        this.unitIds = unitsOf(unitIds);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.mustChangePassword = !isDeviceOnly();
        requireEmailForStaff();
    }

    /** Changes the name and email shown and used for reset links. */
    public void updateProfile(String name, String email) {
        this.name = requireName(name);
        this.email = normalizeEmail(email);
        requireEmailForStaff();
    }

    /** Replaces the roles; an account keeps at least one. */
    public void assignRoles(Collection<Role> roles) {
        Set<Role> wanted = requireRoles(roles);
        this.roles.retainAll(wanted);
        this.roles.addAll(wanted);
        requireEmailForStaff();
    }

    public void grant(Role role) {
        roles.add(Objects.requireNonNull(role, "role"));
        requireEmailForStaff();
    }

    public void revoke(Role role) {
        if (roles.contains(role) && roles.size() == 1) {
            throw AuthException.invalid("user.rolesRequired");
        }
        roles.remove(role);
    }

    /** Replaces the units the account works in (ids of the config domain's units). */
    public void assignUnits(Collection<UUID> unitIds) {
        Set<UUID> wanted = unitsOf(unitIds);
        this.unitIds.retainAll(wanted);
        this.unitIds.addAll(wanted);
    }

    /** Whether failed sign-ins keep the account locked at that moment. */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a wrong password. The failure that reaches the policy's limit locks the account for the
     * policy's duration. Attempts while locked are not counted, so nobody can keep an account locked
     * forever; after the lock expires the count starts again.
     */
    public void recordFailedSignIn(Instant now, LockoutPolicy policy) {
        if (isLockedAt(now)) {
            return;
        }
        if (lockedUntil != null) {
            lockedUntil = null;
            failedSignIns = 0;
        }
        failedSignIns++;
        if (failedSignIns >= policy.maxFailures()) {
            lockedUntil = now.plus(policy.lockDuration());
        }
    }

    /** A successful sign-in: forgets earlier failures. */
    public void recordSignIn(Instant now) {
        if (!active || isLockedAt(now)) {
            throw new IllegalStateException("An inactive or locked account cannot sign in");
        }
        failedSignIns = 0;
        lockedUntil = null;
        lastSignInAt = now;
    }

    /** The owner chose a new password (after a reset link or when asked to): the lockout ends too. */
    public void changePassword(String newPasswordHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
        this.passwordChangedAt = now;
        this.mustChangePassword = false;
        this.failedSignIns = 0;
        this.lockedUntil = null;
    }

    /**
     * An administrator set a password for the account. A person must replace it at the next sign-in;
     * a device keeps it, since nobody sits at a lobby screen to type a new one.
     */
    public void assignPassword(String passwordHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.passwordChangedAt = now;
        this.mustChangePassword = !isDeviceOnly();
        this.failedSignIns = 0;
        this.lockedUntil = null;
    }

    /**
     * An administrator forces a new password: the current one stops working (replaced by a hash nobody
     * knows) and the owner must choose another through a reset link.
     */
    public void forceReset(String unusableHash) {
        this.passwordHash = Objects.requireNonNull(unusableHash, "unusableHash");
        this.mustChangePassword = true;
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    /** Whether every role of the account is a device role (KIOSK, DISPLAY). */
    @JsonbTransient
    public boolean isDeviceOnly() {
        return roles.stream().allMatch(Role::isDevice);
    }

    public UUID getId() {
        return id;
    }

    /** The normalized RUT, e.g. {@code 12345678-5}. */
    public String getRut() {
        return rut;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    @JsonbTransient
    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public int getFailedSignIns() {
        return failedSignIns;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public Set<UUID> getUnitIds() {
        return Collections.unmodifiableSet(unitIds);
    }

    @JsonbTransient
    public long getVersion() {
        return version;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw AuthException.invalid("user.nameRequired");
        }
        String stripped = name.strip();
        if (stripped.length() > NAME_LENGTH) {
            throw AuthException.invalid("user.nameTooLong", NAME_LENGTH);
        }
        return stripped;
    }

    /** Emails are unique regardless of case, so they are kept in lower case. */
    private static String normalizeEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > EMAIL_LENGTH || !normalized.matches("[^@\\s]+@[^@\\s]+")) {
            throw AuthException.invalid("user.emailInvalid", email.strip());
        }
        return normalized;
    }

    private static Set<Role> requireRoles(Collection<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
            throw AuthException.invalid("user.rolesRequired");
        }
        return EnumSet.copyOf(roles);
    }

    private static Set<UUID> unitsOf(Collection<UUID> unitIds) {
        Set<UUID> units = new LinkedHashSet<>();
        if (unitIds != null) {
            unitIds.stream().filter(Objects::nonNull).forEach(units::add);
        }
        return units;
    }

    private void requireEmailForStaff() {
        if (email == null && !isDeviceOnly()) {
            throw AuthException.invalid("user.emailRequired");
        }
    }
}
