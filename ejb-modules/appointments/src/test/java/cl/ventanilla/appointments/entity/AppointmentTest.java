package cl.ventanilla.appointments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.ventanilla.appointments.entity.AppointmentCancelled.CancelledBy;
import cl.ventanilla.kernel.Rut;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppointmentTest {

    private static final Instant START = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant BEFORE = START.minusSeconds(3600);
    private static final Instant AFTER = START.plusSeconds(60);

    private static Appointment booking() {
        return Appointment.book("ABCD2345", UUID.randomUUID(), UUID.randomUUID(), Rut.of("12.345.678-5"),
                new Appointment.Citizen("Ana Pérez", "ana@example.cl", null, "es"), START, START.plusSeconds(1800),
                "10.0.0.1", BEFORE.minusSeconds(86400));
    }

    @Test
    void aCitizenCancelsOnlyBeforeTheStart() {
        Appointment late = booking();
        AppointmentException e = assertThrows(AppointmentException.class,
                () -> late.cancel(CancelledBy.CITIZEN, null, null, null, AFTER));
        assertEquals("booking.started", e.key());
        Appointment early = booking();
        early.cancel(CancelledBy.CITIZEN, null, null, null, BEFORE);
        assertEquals(AppointmentState.CANCELLED, early.getState());
        assertFalse(early.isChangeable(BEFORE));
        AppointmentException again = assertThrows(AppointmentException.class,
                () -> early.cancel(CancelledBy.CITIZEN, null, null, null, BEFORE));
        assertEquals("booking.notChangeable.cancel", again.key());
    }

    @Test
    void aClosureCancelsEvenAStartedBookingThatIsStillConfirmed() {
        Appointment started = booking();
        started.cancel(CancelledBy.CLOSURE, "Corte de luz", null, UUID.randomUUID(), AFTER);
        assertEquals(AppointmentState.CANCELLED, started.getState());
        assertEquals("Corte de luz", started.getCancellationReason());
    }

    @Test
    void movingMakesANewBookingAndReleasesTheOldOne() {
        Appointment old = booking();
        Instant newStart = START.plusSeconds(86400);
        Appointment moved = old.rescheduleTo("WXYZ6789", newStart, newStart.plusSeconds(1800), "10.0.0.2", BEFORE);
        assertEquals(AppointmentState.RESCHEDULED, old.getState());
        assertEquals(AppointmentState.CONFIRMED, moved.getState());
        assertEquals(old.getId(), moved.getRescheduledFromId());
        assertEquals(1, moved.getRescheduleCount());
        assertEquals(old.getRut(), moved.getRut());
        assertTrue(moved.isChangeable(BEFORE));
        assertThrows(AppointmentException.class,
                () -> old.rescheduleTo("QRST2345", newStart, newStart.plusSeconds(1800), "10.0.0.2", BEFORE));
    }

    @Test
    void aNoShowIsMarkedOnlyAfterTheStart() {
        Appointment booking = booking();
        AppointmentException e = assertThrows(AppointmentException.class, () -> booking.markNoShow(null, BEFORE));
        assertEquals("noShow.tooEarly", e.key());
        booking.markNoShow(null, AFTER);
        assertEquals(AppointmentState.NO_SHOW, booking.getState());
        assertTrue(booking.getState().occupiesSlot());
    }

    @Test
    void codesAvoidLookAlikeCharacters() {
        for (int i = 0; i < 1000; i++) {
            String code = BookingCode.random();
            assertTrue(BookingCode.looksValid(code), code);
            assertFalse(code.matches(".*[0O1I].*"), code);
        }
        assertEquals("ABCD2345", BookingCode.normalize(" abcd-2345 "));
    }
}
