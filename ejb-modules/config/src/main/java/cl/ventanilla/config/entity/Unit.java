package cl.ventanilla.config.entity;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An office of a directorate where citizens are attended, e.g. "Departamento de Licencias de
 * Conducir", with its address and its weekly opening hours. Never deleted (services, stations,
 * tickets and appointments refer to it): deactivated.
 */
@Entity
@Table(name = Unit.TABLE)
@JsonbPropertyOrder({"id", "name", "address", "phone", "email", "active", "directorate"})
public class Unit implements Audited {

    public static final String TABLE = "unidades";
    public static final int NAME_LENGTH = 120;
    public static final int ADDRESS_LENGTH = 200;
    public static final int PHONE_LENGTH = 30;
    public static final int EMAIL_LENGTH = 254;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "direccion_id", nullable = false)
    private Directorate directorate;

    @NotBlank
    @Size(max = NAME_LENGTH)
    @Column(name = "nombre", nullable = false, length = NAME_LENGTH)
    private String name;

    @Size(max = ADDRESS_LENGTH)
    @Column(name = "direccion_fisica", length = ADDRESS_LENGTH)
    private String address;

    @Size(max = PHONE_LENGTH)
    @Column(name = "telefono", length = PHONE_LENGTH)
    private String phone;

    @Email
    @Size(max = EMAIL_LENGTH)
    @Column(name = "email", length = EMAIL_LENGTH)
    private String email;

    @Column(name = "activo", nullable = false)
    private boolean active = true;

    @OneToMany(mappedBy = "unit", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<OpeningHours> openingHours = new ArrayList<>();

    protected Unit() {
        // for JPA
    }

    public Unit(Directorate directorate, String name, String address) {
        moveTo(directorate);
        rename(name);
        this.address = Text.optional(address, ADDRESS_LENGTH);
    }

    public void rename(String name) {
        this.name = Text.name(name, NAME_LENGTH);
    }

    /** Places the unit under another directorate (a reorganization of the municipality). */
    public void moveTo(Directorate directorate) {
        this.directorate = Objects.requireNonNull(directorate, "directorate");
    }

    /** Where and how citizens reach the unit; what the portal and the confirmation emails show. */
    public void changeContact(String address, String phone, String email) {
        this.address = Text.optional(address, ADDRESS_LENGTH);
        this.phone = Text.optional(phone, PHONE_LENGTH);
        this.email = Text.optional(email, EMAIL_LENGTH);
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    /** The weekly opening hours, split days included. */
    @JsonbTransient
    public WeeklySchedule getOpeningHours() {
        return new WeeklySchedule(openingHours.stream().map(OpeningHours::range).toList());
    }

    /**
     * Replaces the weekly opening hours. Rows that start at the same day and minute are kept and only
     * get their closing time changed, so the table's unique (unit, day, opening) never sees a duplicate
     * during the flush.
     */
    public void changeOpeningHours(WeeklySchedule schedule) {
        Map<String, OpeningRange> wanted = new LinkedHashMap<>();
        schedule.ranges().forEach(range -> wanted.put(range.day() + "@" + range.opens(), range));
        for (Iterator<OpeningHours> rows = openingHours.iterator(); rows.hasNext();) {
            OpeningHours row = rows.next();
            OpeningRange same = wanted.values().stream().filter(row::startsLike).findFirst().orElse(null);
            if (same == null) {
                rows.remove();
            } else {
                row.closeAt(same.closes());
                wanted.remove(same.day() + "@" + same.opens());
            }
        }
        wanted.values().forEach(range -> openingHours.add(new OpeningHours(this, range)));
    }

    public UUID getId() {
        return id;
    }

    public Directorate getDirectorate() {
        return directorate;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public boolean isActive() {
        return active;
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
        return "la unidad «" + name + "»";
    }

    @Override
    public JsonObject snapshot() {
        return Snapshot.of("directorateId", directorate.getId(), "name", name, "address", address,
                "phone", phone, "email", email, "active", active);
    }
}
