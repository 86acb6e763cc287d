package cl.ventanilla.statistics.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sums read from the aggregates for one period and key, before they become a {@link SummaryRow}: the
 * means, percentiles, shares and the abandoned count are derived here, in one place.
 */
public record Totals(LocalDate from, LocalDate to, UUID key, long issued, long issuedPreferential,
        long issuedAppointment, long served, long servedPreferential, long servedAppointment, long servedWithinSla,
        long noShows, long transferredOut, long transferredIn, long waitSeconds, long waitPreferentialSeconds,
        long waitAppointmentSeconds, int maxWait, long serviceSeconds, Histogram waits, Histogram preferentialWaits,
        Histogram services) {

    /**
     * @param name             what the key names (null for a total)
     * @param abandonedApplies whether the split is by something a ticket waits for (total, unit, service)
     * @param bookings         the booking counts of the same period and key, or null where they do not apply
     */
    public SummaryRow row(String name, boolean abandonedApplies, long[] bookings) {
        Histogram normalWaits = Histogram.of(minus(waits.counts(), preferentialWaits.counts()));
        long servedNormal = served - servedPreferential;
        long servedWalkIn = served - servedAppointment;
        Long abandoned = abandonedApplies
                ? Math.max(0, issued + transferredIn - served - noShows - transferredOut) : null;
        return new SummaryRow(from, to, key, name, issued, issuedPreferential, issuedAppointment, served,
                servedPreferential, servedAppointment, servedWithinSla, noShows, transferredOut, transferredIn,
                abandoned, mean(waitSeconds, served), waits.percentile(0.5), waits.percentile(0.9),
                served == 0 ? null : maxWait, mean(serviceSeconds, served), services.percentile(0.5),
                services.percentile(0.9), mean(waitPreferentialSeconds, servedPreferential),
                preferentialWaits.percentile(0.9), mean(waitSeconds - waitPreferentialSeconds, servedNormal),
                normalWaits.percentile(0.9), mean(waitAppointmentSeconds, servedAppointment),
                mean(waitSeconds - waitAppointmentSeconds, servedWalkIn),
                served == 0 ? null : (double) servedWithinSla / served,
                bookings == null ? null : bookings[0], bookings == null ? null : bookings[1],
                bookings == null ? null : bookings[2], bookings == null ? null : bookings[3]);
    }

    /**
     * The sums of the rows of each period, whatever their key: the totals of a split without reading the
     * aggregates a second time (every count, sum and bucket adds up; the maximum is a maximum).
     */
    public static List<Totals> perPeriod(List<Totals> split) {
        Map<LocalDate, Totals> periods = new LinkedHashMap<>();
        for (Totals t : split) {
            periods.merge(t.from(), new Totals(t.from(), t.to(), null, t.issued(), t.issuedPreferential(),
                    t.issuedAppointment(), t.served(), t.servedPreferential(), t.servedAppointment(),
                    t.servedWithinSla(), t.noShows(), t.transferredOut(), t.transferredIn(), t.waitSeconds(),
                    t.waitPreferentialSeconds(), t.waitAppointmentSeconds(), t.maxWait(), t.serviceSeconds(),
                    t.waits(), t.preferentialWaits(), t.services()), Totals::plus);
        }
        return new ArrayList<>(periods.values());
    }

    /**
     * The sums of each key's rows over the whole range {@code from}–{@code to}, whatever their period, in the
     * order the keys first appear.
     */
    public static List<Totals> perKey(List<Totals> split, LocalDate from, LocalDate to) {
        Map<UUID, Totals> keys = new LinkedHashMap<>();
        for (Totals t : split) {
            keys.merge(t.key(), new Totals(from, to, t.key(), t.issued(), t.issuedPreferential(),
                    t.issuedAppointment(), t.served(), t.servedPreferential(), t.servedAppointment(),
                    t.servedWithinSla(), t.noShows(), t.transferredOut(), t.transferredIn(), t.waitSeconds(),
                    t.waitPreferentialSeconds(), t.waitAppointmentSeconds(), t.maxWait(), t.serviceSeconds(),
                    t.waits(), t.preferentialWaits(), t.services()), Totals::plus);
        }
        return new ArrayList<>(keys.values());
    }

    /** This and the other summed: counts, sums and buckets add up, the maximum is a maximum; this one's key and days. */
    public Totals plus(Totals o) {
        return new Totals(from, to, key, issued + o.issued, issuedPreferential + o.issuedPreferential,
                issuedAppointment + o.issuedAppointment, served + o.served, servedPreferential + o.servedPreferential,
                servedAppointment + o.servedAppointment, servedWithinSla + o.servedWithinSla, noShows + o.noShows,
                transferredOut + o.transferredOut, transferredIn + o.transferredIn, waitSeconds + o.waitSeconds,
                waitPreferentialSeconds + o.waitPreferentialSeconds, waitAppointmentSeconds + o.waitAppointmentSeconds,
                Math.max(maxWait, o.maxWait), serviceSeconds + o.serviceSeconds, waits.plus(o.waits),
                preferentialWaits.plus(o.preferentialWaits), services.plus(o.services));
    }

    static Integer mean(long sum, long count) {
        return count <= 0 ? null : (int) Math.round((double) sum / count);
    }

    private static long[] minus(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = Math.max(0, a[i] - b[i]);
        }
        return d;
    }
}
