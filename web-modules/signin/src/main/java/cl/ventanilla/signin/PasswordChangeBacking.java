package cl.ventanilla.signin;

import cl.ventanilla.auth.boundary.Accounts;
import cl.ventanilla.auth.boundary.TokenAuthentication;
import cl.ventanilla.faces.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in person replaces their password (required after an administrator chose it). */
@Named
@RequestScoped
public class PasswordChangeBacking {

    @Inject
    Accounts accounts;

    private String current;
    private String newPassword;
    private String repeated;
    private String next;

    public void change() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            if (newPassword == null || !newPassword.equals(repeated)) {
                String text = faces.getApplication().getResourceBundle(faces, "msg").getString("confirm.mismatch");
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
                return;
            }
            JsonWebToken caller = (JsonWebToken) ((jakarta.servlet.http.HttpServletRequest) external.getRequest())
                    .getAttribute(TokenAuthentication.TOKEN);
            accounts.changePassword(UUID.fromString(caller.getSubject()), current, newPassword);
            external.redirect(Destinations.after(caller.getGroups(), next));
            faces.responseComplete();
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        } finally {
            current = null;
            newPassword = null;
            repeated = null;
        }
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
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

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
