package cl.ventanilla.signin;

import cl.ventanilla.auth.boundary.PasswordResets;
import cl.ventanilla.faces.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ResourceBundle;

/** Asking for a reset link, and choosing a new password with it. */
@Named
@RequestScoped
public class PasswordResetBacking {

    @Inject
    PasswordResets resets;

    private String identifier;
    private String token;
    private String newPassword;
    private String repeated;
    private boolean sent;
    private boolean changed;

    /** Always the same answer, whether or not the account exists: nobody learns who has one. */
    public void request() {
        resets.request(identifier);
        sent = true;
    }

    public void confirm() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            if (newPassword == null || !newPassword.equals(repeated)) {
                ResourceBundle messages = faces.getApplication().getResourceBundle(faces, "msg");
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.getString("confirm.mismatch"), null));
                return;
            }
            resets.confirm(token, newPassword);
            changed = true;
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        } finally {
            newPassword = null;
            repeated = null;
        }
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }

    public boolean isSent() {
        return sent;
    }

    public boolean isChanged() {
        return changed;
    }
}
