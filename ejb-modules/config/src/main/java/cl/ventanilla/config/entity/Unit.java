package cl.ventanilla.config.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.UUID;

/** An office of a directorate where citizens are attended, e.g. "Departamento de Licencias de Conducir". */
@Entity
@Table(name = "unidades")
@JsonbPropertyOrder({"id", "name", "address", "phone", "email", "directorate"})
public class Unit {

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

    protected Unit() {
        // for JPA
    }

    public Unit(Directorate directorate, String name, String address) {
        this.directorate = Objects.requireNonNull(directorate, "directorate");
        this.name = Objects.requireNonNull(name, "name").strip();
        this.address = address;
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
}
