package cl.ventanilla.appointments.boundary;

import cl.ventanilla.appointments.control.AppointmentClock;
import cl.ventanilla.appointments.control.ChallengeSigner;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The proof-of-work challenges the booking form solves before it books: cheap for one citizen, costly
 * for a script. Each challenge is signed, expires (10 minutes by default) and books at most once; any
 * instance of the cluster accepts what another issued.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BookingChallenges {

    @Inject
    ChallengeSigner signer;

    @Inject
    AppointmentClock clock;

    public Challenge issue() {
        return signer.issue(clock.now());
    }
}
