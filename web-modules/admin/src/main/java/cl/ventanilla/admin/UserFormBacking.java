package cl.ventanilla.admin;

import cl.ventanilla.auth.boundary.Accounts;
import cl.ventanilla.auth.boundary.NewUser;
import cl.ventanilla.auth.boundary.UserChanges;
import cl.ventanilla.auth.entity.Role;
import cl.ventanilla.auth.entity.User;
import cl.ventanilla.config.boundary.Units;
import cl.ventanilla.config.entity.Unit;
import cl.ventanilla.faces.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creating an account, or editing one (the RUT never changes), at /admin/users/user.xhtml. */
@Named
@ViewScoped
public class UserFormBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    @Inject
    Units units;

    private String id;
    private String rut;
    private String name;
    private String email;
    private List<String> roles = new ArrayList<>();
    private List<String> unitIds = new ArrayList<>();
    private String password;
    private boolean loaded;

    public void load() {
        if (loaded || id == null || id.isBlank()) {
            return;
        }
        User user = accounts.getById(UUID.fromString(id));
        rut = user.getRut();
        name = user.getName();
        email = user.getEmail();
        roles = user.getRoles().stream().map(Role::name).collect(Collectors.toCollection(ArrayList::new));
        unitIds = user.getUnitIds().stream().map(UUID::toString).collect(Collectors.toCollection(ArrayList::new));
        loaded = true;
    }

    public String save() {
        Set<Role> chosenRoles = roles.stream().map(Role::valueOf).collect(Collectors.toSet());
        Set<UUID> chosenUnits = unitIds.stream().map(UUID::fromString).collect(Collectors.toSet());
        String given = password == null || password.isBlank() ? null : password;
        password = null;
        try {
            User saved = isEditing()
                    ? accounts.update(UUID.fromString(id), new UserChanges(name, blankToNull(email), chosenRoles, chosenUnits, given))
                    : accounts.create(new NewUser(rut, name, blankToNull(email), chosenRoles, chosenUnits, given));
            Feedback.done(isEditing() ? "user.updated" : "user.created", saved.getName());
            return Feedback.redirect("index", false);
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public List<Role> getAllRoles() {
        return List.of(Role.values());
    }

    public List<Unit> getAllUnits() {
        return units.active(null);
    }

    public boolean isEditing() {
        return id != null && !id.isBlank();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRut() {
        return rut;
    }

    public void setRut(String rut) {
        this.rut = rut;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public List<String> getUnitIds() {
        return unitIds;
    }

    public void setUnitIds(List<String> unitIds) {
        this.unitIds = unitIds;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
