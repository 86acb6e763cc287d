package cl.ventanilla.statistics.control;

/** Lets the integration test time the very statement an issue adds. */
public final class TicketFactsAccess {

    private TicketFactsAccess() {
    }

    public static String issued() {
        return TicketFacts.ISSUED;
    }
}
