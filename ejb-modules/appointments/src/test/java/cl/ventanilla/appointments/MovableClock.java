package cl.ventanilla.appointments;

import cl.ventanilla.appointments.control.AppointmentClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The appointments' clock in the integration test: the real time until a test moves it. */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class MovableClock extends AppointmentClock {

    private volatile Clock clock = Clock.systemUTC();

    @Override
    protected Clock clock() {
        return clock;
    }

    public void moveTo(Instant instant) {
        clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    public void reset() {
        clock = Clock.systemUTC();
    }
}
