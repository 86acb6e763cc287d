package cl.ventanilla.configweb;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.config.boundary.Page;
import java.io.Serializable;
import java.util.UUID;

/**
 * What every list screen shares: the search text ({@code q}), the state filter ({@code estado}:
 * {@code activos}, {@code inactivos} or all), the page ({@code pagina}, from 1, 20 items) and the
 * buttons that deactivate and activate an item, which redirect back to the same filtered page.
 * View scoped so the rows a button was rendered in are the rows it is decoded in.
 *
 * @param <T> the entity listed
 */
public abstract class ListBacking<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int PAGE_SIZE = 20;
    public static final String ACTIVE = "activos";
    public static final String INACTIVE = "inactivos";

    private String text;
    private String status;
    private int pageNumber = 1;

    // entities are not serializable; reloaded with the same filters if the view moved to another instance
    private transient Page<T> page;

    /** Searches the boundary with the view's filters. */
    public void load() {
        page = search(text == null || text.isBlank() ? null : text.strip(), active(), pageNumber - 1, PAGE_SIZE);
    }

    protected abstract Page<T> search(String text, Boolean active, int page, int size);

    protected abstract T deactivated(UUID id);

    protected abstract T activated(UUID id);

    /** How the notice after a change names the item. */
    protected abstract String name(T item);

    /** The list's view, for the redirect after a change. */
    protected abstract String view();

    public String deactivate(UUID id) {
        try {
            Feedback.done("notice.deactivated", name(deactivated(id)));
            return Feedback.redirect(view(), true);
        } catch (RuntimeException e) {
            Feedback.problem(e);
            return null;
        }
    }

    public String activate(UUID id) {
        try {
            Feedback.done("notice.activated", name(activated(id)));
            return Feedback.redirect(view(), true);
        } catch (RuntimeException e) {
            Feedback.problem(e);
            return null;
        }
    }

    public Page<T> getPage() {
        if (page == null) {
            load();
        }
        return page;
    }

    public int getPageCount() {
        Page<T> current = getPage();
        return (int) Math.max(1, (current.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public boolean isFirstPage() {
        return pageNumber <= 1;
    }

    public boolean isLastPage() {
        return pageNumber >= getPageCount();
    }

    private Boolean active() {
        if (ACTIVE.equals(status)) {
            return Boolean.TRUE;
        }
        return INACTIVE.equals(status) ? Boolean.FALSE : null;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = ACTIVE.equals(status) || INACTIVE.equals(status) ? status : null;
    }

    public Integer getPageNumber() {
        return pageNumber;
    }

    public void setPageNumber(Integer pageNumber) {
        this.pageNumber = pageNumber == null || pageNumber < 1 ? 1 : pageNumber;
    }
}
