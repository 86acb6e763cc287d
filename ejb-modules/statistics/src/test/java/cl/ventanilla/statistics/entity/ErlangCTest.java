package cl.ventanilla.statistics.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    /**
     * The worked example of the Erlang C formula that call-centre texts use (Call Centre Helper, "Erlang C
     * formula – made simple"): 100 calls in 30 minutes (200 an hour), 180 s handling time, 80 % answered
     * within 20 s. Load 10 erlangs; with 11 agents the chance to wait is 0.6821 and 39 % are answered in time;
     * 13 give 79.6 % and 14 give 88.8 %, so 14 are needed.
     */
    @Test
    void thePublishedCallCentreExample() {
        assertEquals(0.6821, ErlangC.waitProbability(11, 10), 0.00005);
        assertEquals(0.4494, ErlangC.waitProbability(12, 10), 0.00005);
        assertEquals(0.2853, ErlangC.waitProbability(13, 10), 0.00005);
        assertEquals(0.1741, ErlangC.waitProbability(14, 10), 0.00005);

        ErlangC.Need need = ErlangC.desks(200, 180, 20, 0.8);
        assertEquals(14, need.desks());
        assertEquals(10.0, need.load(), 1e-9);
        assertEquals(0.1741, need.waitProbability(), 0.00005);
        assertEquals(0.888, need.withinTarget(), 0.0005);
        assertFalse(need.bounded());
        assertEquals(13, ErlangC.desks(200, 180, 20, 0.79).desks(), "79.6 % is enough for a 79 % target");
    }

    /** λ = 100 an hour and 3 minutes each: 5 erlangs; 80 % within 20 s takes 8 desks (7 give 74 %). */
    @Test
    void aHundredAnHourOfThreeMinutes() {
        assertEquals(0.3241, ErlangC.waitProbability(7, 5), 0.00005);
        assertEquals(0.1673, ErlangC.waitProbability(8, 5), 0.00005);
        ErlangC.Need need = ErlangC.desks(100, 180, 20, 0.8);
        assertEquals(8, need.desks());
        assertEquals(0.880, need.withinTarget(), 0.0005);
        // a municipal SLA of minutes, not seconds: six desks serve 80 % within 10 minutes
        assertEquals(6, ErlangC.desks(100, 180, 600, 0.8).desks());
        assertEquals(9, ErlangC.desks(100, 180, 20, 0.9).desks());
    }

    @Test
    void moreDesksThanTheLoadAlways() {
        // an SLA so loose that any queue meets it still needs one desk more than the load to be stable
        ErlangC.Need need = ErlangC.desks(60, 600, 36_000, 0.5);
        assertEquals(11, need.desks());
        assertTrue(need.desks() > need.load());
        assertEquals(1, ErlangC.desks(0.25, 600, 1800, 0.8).desks(), "a trickle needs one desk");
    }

    @Test
    void noArrivalsNeedNoDesk() {
        assertEquals(ErlangC.Need.NONE, ErlangC.desks(0, 600, 1800, 0.8));
        assertEquals(0, ErlangC.desks(0, 0, 0, 0.8).desks(), "no service time is needed without arrivals");
    }

    @Test
    void largeLoadsStayExactAndEnormousOnesAreBounded() {
        // 400 erlangs: factorials would overflow long before; the recurrence gives a sane answer
        ErlangC.Need large = ErlangC.desks(4800, 300, 20, 0.8);
        assertEquals(400.0, large.load(), 1e-9);
        assertTrue(large.desks() > 400 && large.desks() < 420, String.valueOf(large.desks()));
        assertTrue(large.withinTarget() >= 0.8);
        assertFalse(Double.isNaN(large.waitProbability()));

        ErlangC.Need enormous = ErlangC.desks(1_000_000, 3600, 60, 0.8);
        assertEquals(ErlangC.MAX_DESKS, enormous.desks());
        assertTrue(enormous.bounded());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ErlangC.desks(10, 300, 60, 0));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.desks(10, 300, 60, 1));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.desks(-1, 300, 60, 0.8));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.desks(10, 0, 60, 0.8));
        assertThrows(IllegalArgumentException.class, () -> ErlangC.desks(Double.NaN, 300, 60, 0.8));
    }
}
