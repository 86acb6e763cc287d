package cl.ventanilla.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A steady morning through the gateway while something breaks: kiosks issuing walk-in tickets of one
 * service and desks calling and serving them, each request's answer recorded with its time. Bounded:
 * it stops at {@link #stop()} or after {@link #LIMIT}, whichever comes first.
 */
final class QueueLoad implements AutoCloseable {

    static final Duration LIMIT = Duration.ofMinutes(4);

    /** One answer: when it came, what was asked, the status (0 when no answer came), the ticket. */
    record Answer(long atNanos, String kind, int status, String ticketId, String number) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Cluster cluster;
    private final String token;
    private final String service;
    private final String unit;
    private final List<String> stations;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final long startedAt = System.nanoTime();

    private QueueLoad(Cluster cluster, ClusterScenario scenario) {
        this.cluster = cluster;
        this.token = scenario.token();
        this.service = scenario.service();
        this.unit = scenario.unit();
        this.stations = scenario.stations();
    }

    /**
     * Starts {@code kiosks} issuing threads, one desk thread per station of the scenario, and
     * {@code screens} threads reading the unit's public snapshot (an idempotent GET).
     */
    static QueueLoad start(Cluster cluster, ClusterScenario scenario, int kiosks, int screens) {
        QueueLoad load = new QueueLoad(cluster, scenario);
        for (int i = 0; i < kiosks; i++) {
            load.threads.add(started("kiosk-" + i, load::issue));
        }
        for (String station : load.stations) {
            load.threads.add(started("desk-" + station, () -> load.serve(station)));
        }
        for (int i = 0; i < screens; i++) {
            load.threads.add(started("screen-" + i, load::read));
        }
        return load;
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    private void read() {
        while (running()) {
            request("snapshot", "GET", "/api/queue/units/" + unit + "/snapshot", null);
            pause(50);
        }
    }

    private boolean running() {
        return !stopping.get() && System.nanoTime() - startedAt < LIMIT.toNanos();
    }

    private void issue() {
        String body = Json.createObjectBuilder().add("serviceId", service).build().toString();
        while (running()) {
            Answer answer = request("issue", "POST", "/api/queue/tickets", body);
            pause(answer.ok() ? 20 : 100);
        }
    }

    /** A desk: call the next ticket, start and finish it; after a failure, finish what it holds. */
    private void serve(String station) {
        String current = null;
        while (running()) {
            if (current == null) {
                Answer called = request("call", "POST", "/api/queue/stations/" + station + "/call-next", "");
                if (called.status() == 200) {
                    current = called.ticketId();
                } else if (called.status() == 409) {
                    current = held(station); // the desk still holds one: its answer was lost, or an earlier test's
                    pause(100);
                } else {
                    pause(called.status() == 204 ? 50 : 100);
                }
                continue;
            }
            Answer started = request("start", "POST", "/api/queue/tickets/" + current + "/start", "");
            Answer finished = request("finish", "POST", "/api/queue/tickets/" + current + "/finish", "");
            if (finished.ok() || (finished.status() == 409 && started.status() != 0)) {
                current = null; // served (a 409 after a lost answer means it already was)
            } else {
                pause(100);
            }
        }
    }

    private String held(String station) {
        try {
            return ClusterScenario.held(cluster, station);
        } catch (Exception databaseBetweenPrimaries) {
            return null;
        }
    }

    private Answer request(String kind, String method, String path, String body) {
        int status = 0;
        String id = null;
        String number = null;
        try {
            HttpResponse<String> response = body == null || body.isEmpty()
                    ? cluster.send(cluster.uri(path), method, body, "Authorization", "Bearer " + token)
                    : cluster.send(cluster.uri(path), method, body, "Content-Type", "application/json",
                            "Authorization", "Bearer " + token);
            status = response.statusCode();
            if ((status == 200 || status == 201) && !"snapshot".equals(kind)) {
                JsonObject answer = Cluster.json(response.body());
                // the kiosk's answer wraps the ticket with the people ahead and the wait; a desk's is the ticket
                JsonObject ticket = answer.containsKey("ticket") ? answer.getJsonObject("ticket") : answer;
                id = ticket.containsKey("id") ? ticket.getString("id") : null;
                number = ticket.containsKey("number") ? ticket.getString("number") : null;
            }
        } catch (Exception noAnswer) {
            status = 0;
        }
        Answer answer = new Answer(System.nanoTime(), kind, status, id, number);
        answers.add(answer);
        return answer;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    List<Answer> answers(String kind) {
        return answers.stream().filter(a -> a.kind().equals(kind))
                .sorted(Comparator.comparingLong(Answer::atNanos)).toList();
    }

    /** Answers of the kind after the moment that failed: no answer, or a server error. */
    long failedSince(String kind, long nanos) {
        return answers(kind).stream().filter(a -> a.atNanos() > nanos && (a.status() == 0 || a.status() >= 500)).count();
    }

    /** Successful answers of the kind after the moment. */
    long okSince(String kind, long nanos) {
        return answers(kind).stream().filter(a -> a.ok() && a.atNanos() > nanos).count();
    }

    /** The longest time without a successful answer of the kind, between {@code from} and the last one. */
    Duration longestGap(String kind, long from) {
        long previous = from;
        long longest = 0;
        for (Answer answer : answers(kind)) {
            if (answer.ok() && answer.atNanos() > from) {
                longest = Math.max(longest, answer.atNanos() - previous);
                previous = answer.atNanos();
            }
        }
        return Duration.ofNanos(longest);
    }

    /** Status → count for the kind ("0" is no answer at all). */
    Map<Integer, Long> statuses(String kind) {
        return answers(kind).stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
    }

    /** Values that appear more than once among the successful answers of the kind. */
    List<String> repeated(String kind, Function<Answer, String> value) {
        return answers(kind).stream().filter(Answer::ok).map(value).filter(java.util.Objects::nonNull)
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }
}
