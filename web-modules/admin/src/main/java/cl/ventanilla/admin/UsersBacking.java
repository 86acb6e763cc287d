package cl.ventanilla.admin;

import cl.ventanilla.auth.boundary.Accounts;
import cl.ventanilla.auth.boundary.UserPage;
import cl.ventanilla.faces.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** The list of accounts at /admin/users/: search, pages, and the quick actions of each row. */
@Named
@RequestScoped
public class UsersBacking {

    static final int PAGE_SIZE = 20;

    @Inject
    Accounts accounts;

    private String query;
    private int page;
    private UserPage result;

    public void load() {
        result = accounts.search(query, Math.max(0, page), PAGE_SIZE);
    }

    public String deactivate(String id) {
        try {
            Feedback.done("users.deactivated", accounts.deactivate(UUID.fromString(id)).getName());
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        }
        return Feedback.redirect("index", true);
    }

    public String activate(String id) {
        try {
            Feedback.done("users.activated", accounts.activate(UUID.fromString(id)).getName());
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        }
        return Feedback.redirect("index", true);
    }

    public String forceReset(String id) {
        try {
            accounts.forceReset(UUID.fromString(id));
            Feedback.done("users.resetSent");
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
        }
        return Feedback.redirect("index", true);
    }

    public boolean isHasPrevious() {
        return result.page() > 0;
    }

    public boolean isHasNext() {
        return (long) (result.page() + 1) * result.size() < result.total();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public UserPage getResult() {
        return result;
    }
}
