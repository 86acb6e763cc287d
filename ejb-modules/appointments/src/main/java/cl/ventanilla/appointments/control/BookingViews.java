package cl.ventanilla.appointments.control;

import cl.ventanilla.appointments.boundary.BookingView;
import cl.ventanilla.appointments.control.AppointmentSettings.ServiceInfo;
import cl.ventanilla.appointments.entity.Appointment;
import cl.ventanilla.appointments.entity.AppointmentSummary;
import cl.ventanilla.kernel.Rut;
import java.time.Instant;

/** Puts a booking together with its service and office, for the screens and for the other domains. */
public final class BookingViews {

    private BookingViews() {
    }

    public static BookingView view(Appointment a, ServiceInfo s, Instant now) {
        return new BookingView(a.getId(), a.getCode(), Rut.of(a.getRut()).formatted(), a.getCitizenName(),
                a.getEmail(), a.getPhone(), a.getLanguage(), s.id(), s.name(), s.requirements(), s.unitId(),
                s.unitName(), s.unitAddress(), a.getStart(), a.getEnd(), AppointmentClock.ZONE.getId(),
                a.getState().code(), a.isChangeable(now));
    }

    public static AppointmentSummary summary(Appointment a, ServiceInfo s) {
        return new AppointmentSummary(a.getId(), a.getCode(), a.getCitizenName(), a.getEmail(), a.getLanguage(),
                s.name(), s.requirements(), s.unitName(), s.unitAddress(), a.getStart(), a.getEnd(),
                AppointmentClock.ZONE.getId(), a.getUnitId(), a.getServiceId());
    }
}
