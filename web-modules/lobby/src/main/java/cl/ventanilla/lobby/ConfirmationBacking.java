package cl.ventanilla.lobby;

import cl.ventanilla.appointments.boundary.BookingView;
import cl.ventanilla.faces.QrSvg;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The page after booking ({@code confirmacion.xhtml}): the booking code, its QR code and the details,
 * carried by the flash from the booking form. Opened again later (or on another device) it has nothing
 * to show and sends the citizen to "my booking", where code and RUT open it.
 */
@Named
@RequestScoped
public class ConfirmationBacking {

    @Inject
    PublicLinks links;

    private BookingView booking;

    /** Called by {@code f:viewAction}. */
    public void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        booking = (BookingView) external.getFlash().get(BookingBacking.CONFIRMED);
        if (booking == null) {
            try {
                external.redirect(external.getRequestContextPath() + "/cita.xhtml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public BookingView getBooking() {
        return booking;
    }

    public String getManageUrl() {
        return links.manage(booking.code());
    }

    /** The QR of the booking code, which the kiosk reads for the check-in. */
    public String getQrSvg() {
        return QrSvg.of(booking.code(), booking.code());
    }
}
