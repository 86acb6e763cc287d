package cl.ventanilla.queue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/**
 * A ticket's number: the service's prefix and the day's sequence number, shown {@code A-023} on the
 * printed ticket and the lobby screen, spoken "A 23" by the voice announcement. Three digits at least,
 * more when the day needs them ({@code A-1000}, {@code A-10000}): a busy service never runs out of
 * numbers in a day, and the numbers of a quiet one stay short.
 */
@Embeddable
public class TicketNumber implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int PREFIX_LENGTH = 2;

    @Column(name = "prefijo", nullable = false, length = PREFIX_LENGTH)
    private String prefix;

    @Column(name = "numero", nullable = false)
    private int number;

    protected TicketNumber() {
        // for JPA
    }

    public TicketNumber(String prefix, int number) {
        if (prefix == null || !prefix.matches("[A-Z]{1," + PREFIX_LENGTH + "}")) {
            throw new IllegalArgumentException("prefix must be one or two capital letters: " + prefix);
        }
        if (number < 1) {
            throw new IllegalArgumentException("ticket number out of range: " + number);
        }
        this.prefix = prefix;
        this.number = number;
    }

    public String prefix() {
        return prefix;
    }

    public int number() {
        return number;
    }

    /** As printed and shown: {@code A-023}. */
    public String shown() {
        // every ticket and every call prints it: no format string to parse each time
        String digits = Integer.toString(number);
        return prefix + "-" + "00".substring(Math.min(2, digits.length() - 1)) + digits;
    }

    /** As the voice says it: {@code A 23} (no leading zeros, no dash to read out). */
    public String spoken() {
        return prefix + " " + number;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TicketNumber that && number == that.number && prefix.equals(that.prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, number);
    }

    @Override
    public String toString() {
        return shown();
    }
}
