package cl.ventanilla.totem;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.queue.boundary.TicketDesk;
import cl.ventanilla.queue.boundary.TicketDesk.IssuedTicket;
import cl.ventanilla.queue.entity.PublicToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * "I have an appointment" ({@code agendada.xhtml}): the citizen types the booking's code or their RUT
 * on the on-screen keypad and gets the appointment's ticket, or the queue's explanation of why not yet
 * (too early, too late, already checked in) on the same screen.
 */
@Named
@RequestScoped
public class CheckInBacking {

    /** The keys of the on-screen keypad, row by row: a RUT needs digits, K and the dash; a code letters too. */
    private static final List<List<String>> KEYS = List.of(
            List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"),
            List.of("Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"),
            List.of("A", "S", "D", "F", "G", "H", "J", "K", "L", "-"),
            List.of("Z", "X", "C", "V", "B", "N", "M", "."));

    @Inject
    TicketDesk desk;

    private String codeOrRut;
    private String fixedUnit;

    /** Checks in and shows the ticket; a refusal stays on the screen with its message. */
    public String checkIn() {
        try {
            IssuedTicket issued = desk.checkIn(codeOrRut);
            String token = PublicToken.of(issued.ticket().getPublicToken());
            String unit = fixedUnit == null || fixedUnit.isBlank() ? ""
                    : "&unidad=" + URLEncoder.encode(fixedUnit, StandardCharsets.UTF_8);
            return Feedback.redirect("ticket", false) + "&t=" + token + unit;
        } catch (RuntimeException refused) {
            Feedback.problem(refused);
            return null;
        }
    }

    public List<List<String>> getKeys() {
        return KEYS;
    }

    public String getCodeOrRut() {
        return codeOrRut;
    }

    public void setCodeOrRut(String codeOrRut) {
        this.codeOrRut = codeOrRut;
    }

    public String getFixedUnit() {
        return fixedUnit;
    }

    public void setFixedUnit(String fixedUnit) {
        this.fixedUnit = fixedUnit;
    }
}
