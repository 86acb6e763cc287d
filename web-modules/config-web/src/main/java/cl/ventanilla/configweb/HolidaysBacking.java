package cl.ventanilla.configweb;

import cl.ventanilla.config.boundary.Holidays;
import cl.ventanilla.config.boundary.Page;
import cl.ventanilla.config.entity.Holiday;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** holidays.xhtml: the national holidays, of one year ({@code anio}) or of all, by date. */
@Named
@ViewScoped
public class HolidaysBacking extends ListBacking<Holiday> {

    private static final long serialVersionUID = 1L;

    @Inject
    Holidays holidays;

    private Integer year;

    @Override
    protected Page<Holiday> search(String text, Boolean active, int page, int size) {
        return holidays.search(text, year, active, page, size);
    }

    @Override
    protected Holiday deactivated(UUID id) {
        return holidays.deactivate(id);
    }

    @Override
    protected Holiday activated(UUID id) {
        return holidays.activate(id);
    }

    @Override
    protected String name(Holiday holiday) {
        return holiday.getName();
    }

    @Override
    protected String view() {
        return "holidays";
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }
}
