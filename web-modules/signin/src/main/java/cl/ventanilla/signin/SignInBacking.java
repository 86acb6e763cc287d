package cl.ventanilla.signin;

import cl.ventanilla.auth.boundary.SignIn;
import cl.ventanilla.auth.control.TokenIssuer;
import cl.ventanilla.auth.entity.AuthenticatedUser;
import cl.ventanilla.auth.boundary.SessionCookie;
import cl.ventanilla.faces.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The login form: checks RUT and password, opens the session cookie and returns to where the user was going. */
@Named
@RequestScoped
public class SignInBacking {

    @Inject
    SignIn signIn;

    @Inject
    TokenIssuer tokens;

    @Inject
    SessionCookie sessionCookie;

    private String rut;
    private String password;
    private String next;
    private boolean signedOut;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            AuthenticatedUser user = signIn.authenticate(rut, password);
            var token = tokens.issue(user);
            sessionCookie.write((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                    token.token(), token.expiresAt());
            String destination = Destinations.after(user.roles(), next);
            // a password an administrator chose is replaced by its owner before anything else
            external.redirect(user.mustChangePassword()
                    ? external.getRequestContextPath() + "/cambiar-clave.xhtml?next="
                            + java.net.URLEncoder.encode(destination, java.nio.charset.StandardCharsets.UTF_8)
                    : destination);
            faces.responseComplete();
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        } finally {
            password = null;
        }
    }

    public String getRut() {
        return rut;
    }

    public void setRut(String rut) {
        this.rut = rut;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public boolean isSignedOut() {
        return signedOut;
    }

    public void setSignedOut(boolean signedOut) {
        this.signedOut = signedOut;
    }
}
