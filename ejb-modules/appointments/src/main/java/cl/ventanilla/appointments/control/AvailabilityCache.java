package cl.ventanilla.appointments.control;

import cl.ventanilla.appointments.entity.OpeningHours;
import cl.ventanilla.kernel.redis.Redis;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The facts of each service's day kept in Redis for {@link #TTL_SECONDS} seconds, so that the booking
 * calendar of many citizens costs one computation. Every change of places drops the day when its
 * transaction ends; a configuration change (a station deactivated, new hours) shows within the TTL.
 * Redis down means every question goes to the database: the same answers, slower. The keys carry the
 * database's name and identity, so installations (or test runs, or a database restored under the same
 * name) sharing a Redis never read each other's entries.
 */
@ApplicationScoped
public class AvailabilityCache {

    static final int TTL_SECONDS = 30;

    @Inject
    Redis redis;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    private volatile String namespace;

    /** The cached facts of the days asked for that Redis has; the others are missing from the map. */
    public Map<LocalDate, DayPlan.Facts> get(UUID serviceId, List<LocalDate> days) {
        if (days.isEmpty()) {
            return Map.of();
        }
        String[] keys = days.stream().map(d -> key(serviceId, d)).toArray(String[]::new);
        List<String> values = redis.call(jedis -> jedis.mget(keys)).orElse(List.of());
        Map<LocalDate, DayPlan.Facts> found = new HashMap<>();
        for (int i = 0; i < values.size() && i < days.size(); i++) {
            if (values.get(i) != null) {
                try {
                    found.put(days.get(i), decode(values.get(i)));
                } catch (RuntimeException unreadable) {
                    // an entry of another version of the application: computed again
                }
            }
        }
        return found;
    }

    public void put(UUID serviceId, Map<LocalDate, DayPlan.Facts> facts) {
        if (facts.isEmpty() || !redis.isConfigured()) {
            return;
        }
        redis.call(jedis -> {
            try (var pipeline = jedis.pipelined()) {
                facts.forEach((day, f) -> pipeline.setex(key(serviceId, day), TTL_SECONDS, encode(f)));
                pipeline.sync();
            }
            return Boolean.TRUE;
        });
    }

    /** Drops the days, whether their transaction committed or rolled back (a rollback may follow a read). */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) SlotsChanged change) {
        invalidate(change.serviceId(), change.from(), change.to());
    }

    public void invalidate(UUID serviceId, LocalDate from, LocalDate to) {
        String[] keys = from.datesUntil(to.plusDays(1)).map(d -> key(serviceId, d)).toArray(String[]::new);
        if (keys.length > 0) {
            redis.call(jedis -> jedis.del(keys));
        }
    }

    String key(UUID serviceId, LocalDate day) {
        return "ventanilla:" + namespace() + ":agenda:" + serviceId + ":" + day;
    }

    /** Keys of this installation's other per-installation counters (attempts per IP). */
    public String namespaced(String suffix) {
        return "ventanilla:" + namespace() + ":" + suffix;
    }

    private String namespace() {
        String known = namespace;
        if (known == null) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT current_database() || '-' || oid FROM pg_database WHERE datname = current_database()")) {
                rs.next();
                known = rs.getString(1);
                namespace = known;
            } catch (SQLException e) {
                throw new IllegalStateException("the database does not answer", e);
            }
        }
        return known;
    }

    static String encode(DayPlan.Facts facts) {
        String hours = facts.hours().stream().map(h -> h.opens() + "-" + h.closes()).collect(Collectors.joining(","));
        String taken = facts.taken().entrySet().stream()
                .map(e -> e.getKey().getEpochSecond() + "=" + e.getValue()).collect(Collectors.joining(","));
        return "1|" + (facts.closed() ? 1 : 0) + "|" + facts.capacity() + "|" + hours + "|" + taken;
    }

    static DayPlan.Facts decode(String text) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != 5 || !parts[0].equals("1")) {
            throw new IllegalArgumentException("unknown cache entry " + text);
        }
        List<OpeningHours> hours = new ArrayList<>();
        if (!parts[3].isEmpty()) {
            for (String range : parts[3].split(",")) {
                String[] ends = range.split("-");
                hours.add(new OpeningHours(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
            }
        }
        Map<Instant, Integer> taken = new LinkedHashMap<>();
        if (!parts[4].isEmpty()) {
            for (String entry : parts[4].split(",")) {
                String[] kv = entry.split("=");
                taken.put(Instant.ofEpochSecond(Long.parseLong(kv[0])), Integer.parseInt(kv[1]));
            }
        }
        return new DayPlan.Facts(hours, parts[1].equals("1"), Integer.parseInt(parts[2]), taken);
    }
}
