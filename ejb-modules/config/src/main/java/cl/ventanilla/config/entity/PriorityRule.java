package cl.ventanilla.config.entity;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How a unit's queue treats preferential tickets (Leyes N° 21.168 y N° 21.768): which preferential
 * categories it recognizes, how many preferential tickets it calls for every so many normal ones
 * (1:2 = one preferential, then two normal), and after how many minutes of waiting any ticket is
 * promoted ahead, so nobody waits forever. Also how often a ticket may be called again and the
 * check-in window of appointments.
 */
@Entity
@Table(name = PriorityRule.TABLE)
@JsonbPropertyOrder({"unitId", "ratio", "preferentialShare", "normalShare", "maximumWaitMinutes", "maxRecalls",
    "checkInEarlyMinutes", "checkInGraceMinutes", "categories"})
public class PriorityRule implements Audited {

    public static final String TABLE = "reglas_prioridad";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "unidad_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(name = "proporcion_preferencial", nullable = false)
    private int preferentialShare = 1;

    @Column(name = "proporcion_normal", nullable = false)
    private int normalShare = 2;

    @Column(name = "espera_maxima_min", nullable = false)
    private int maximumWaitMinutes = 45;

    @Column(name = "max_rellamados", nullable = false)
    private int maxRecalls = 2;

    @Column(name = "checkin_anticipacion_min", nullable = false)
    private int checkInEarlyMinutes = 30;

    @Column(name = "checkin_tolerancia_min", nullable = false)
    private int checkInGraceMinutes = 15;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "reglas_prioridad_categorias",
            joinColumns = @JoinColumn(name = "regla_id"),
            inverseJoinColumns = @JoinColumn(name = "categoria_id"))
    private Set<PreferentialCategory> categories = new LinkedHashSet<>();

    protected PriorityRule() {
        // for JPA
    }

    /** The rules a unit has until an administrator changes them: 1:2, promotion after 45 minutes. */
    public PriorityRule(UUID unitId, Collection<PreferentialCategory> categories) {
        this.unitId = Objects.requireNonNull(unitId, "unitId");
        recognize(categories);
    }

    /** Calls {@code preferential} preferential tickets for every {@code normal} normal ones. */
    public void interleave(int preferential, int normal) {
        if (preferential < 1 || normal < 0) {
            throw ConfigException.invalid("priorityRule.ratio", preferential, normal);
        }
        this.preferentialShare = preferential;
        this.normalShare = normal;
    }

    /** Minutes of waiting after which any ticket, preferential or not, goes ahead of the others. */
    public void promoteAfter(int minutes) {
        if (minutes < 1) {
            throw ConfigException.invalid("priorityRule.maximumWait", minutes);
        }
        this.maximumWaitMinutes = minutes;
    }

    public void allowRecalls(int times) {
        if (times < 0) {
            throw ConfigException.invalid("priorityRule.recalls", times);
        }
        this.maxRecalls = times;
    }

    /** How early before and how late after the booked time the kiosk accepts an appointment's check-in. */
    public void acceptCheckIn(int earlyMinutes, int graceMinutes) {
        if (earlyMinutes < 0 || graceMinutes < 0) {
            throw ConfigException.invalid("priorityRule.checkIn");
        }
        this.checkInEarlyMinutes = earlyMinutes;
        this.checkInGraceMinutes = graceMinutes;
    }

    /** The preferential categories this unit's queue recognizes from now on. */
    public void recognize(Collection<PreferentialCategory> recognized) {
        categories.retainAll(recognized);
        categories.addAll(recognized);
    }

    public boolean recognizes(String categoryCode) {
        return categories.stream().anyMatch(c -> c.getCode().equals(categoryCode));
    }

    public UUID getUnitId() {
        return unitId;
    }

    /** The interleave as people write it: "1:2". */
    public String getRatio() {
        return preferentialShare + ":" + normalShare;
    }

    public int getPreferentialShare() {
        return preferentialShare;
    }

    public int getNormalShare() {
        return normalShare;
    }

    public int getMaximumWaitMinutes() {
        return maximumWaitMinutes;
    }

    public int getMaxRecalls() {
        return maxRecalls;
    }

    public int getCheckInEarlyMinutes() {
        return checkInEarlyMinutes;
    }

    public int getCheckInGraceMinutes() {
        return checkInGraceMinutes;
    }

    /** The recognized categories, in the catalogue's order. */
    public List<PreferentialCategory> getCategories() {
        return categories.stream().sorted(Comparator.comparingInt(PreferentialCategory::getOrder)).toList();
    }

    @Override
    public String auditEntity() {
        return TABLE;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public String auditLabel() {
        return "las reglas de prioridad de la unidad " + unitId;
    }

    @Override
    public JsonObject snapshot() {
        return Snapshot.of("unitId", unitId, "ratio", getRatio(), "maximumWaitMinutes", maximumWaitMinutes,
                "maxRecalls", maxRecalls, "checkInEarlyMinutes", checkInEarlyMinutes,
                "checkInGraceMinutes", checkInGraceMinutes,
                "categories", getCategories().stream().map(PreferentialCategory::getCode).toList());
    }
}
