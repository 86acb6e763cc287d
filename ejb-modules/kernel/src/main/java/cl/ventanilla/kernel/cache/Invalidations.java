package cl.ventanilla.kernel.cache;

import cl.ventanilla.kernel.redis.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Tells every instance of the cluster that data some instance holds in memory changed, so each drops
 * its copy: {@link #announce} fires {@link Invalidated} on this instance at once and publishes it on the
 * Redis channel {@value #CHANNEL}; a subscriber thread fires the other instances' messages here.
 *
 * <p>Redis is never required. While the subscription is down ({@link #listening()} false) a message of
 * another instance may be missed, so read models then keep their copy only briefly or read the database;
 * when the subscription comes back, {@link Invalidated#EVERYTHING} drops every copy, because messages
 * may have been missed meanwhile. Announce only after the change committed (observe with
 * {@code TransactionPhase.AFTER_SUCCESS}): an instance reading before the commit would keep the old data.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Invalidations {

    public static final String CHANNEL = "ventanilla:invalidaciones";

    /** Names this instance in its messages, so it ignores them when Redis echoes them back. */
    static final String INSTANCE = UUID.randomUUID().toString();

    private static final Logger LOG = Logger.getLogger(Invalidations.class.getName());
    private static final Duration PING_EVERY = Duration.ofSeconds(30);
    private static final Duration SILENCE_LIMIT = PING_EVERY.plusSeconds(15);
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long LAST_RETRY_MILLIS = 30_000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Redis redis;

    @Inject
    Event<Invalidated> invalidated;

    // read on every request by the read models; a call through the singleton's container would suspend the
    // caller's transaction each time, so the answer is kept where a plain read finds it
    private static volatile boolean subscribed;

    private ExecutorService outbox;
    private ScheduledExecutorService pinger;
    private Thread subscriber;
    private volatile boolean running;
    private volatile JedisPubSub listener;
    private volatile Jedis connection;

    @PostConstruct
    void start() {
        running = true;
        outbox = Executors.newSingleThreadExecutor(threads);
        if (redis.isConfigured()) {
            subscriber = threads.newThread(this::listen);
            subscriber.setName("ventanilla-invalidaciones");
            subscriber.start();
            pinger = Executors.newSingleThreadScheduledExecutor(threads);
            pinger.scheduleWithFixedDelay(this::ping, PING_EVERY.toSeconds(), PING_EVERY.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        subscribed = false;
        JedisPubSub current = listener;
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (RuntimeException alreadyGone) {
                LOG.log(Level.FINE, "Suscripción ya cerrada", alreadyGone);
            }
        }
        if (pinger != null) {
            pinger.shutdownNow();
        }
        Jedis open = connection;
        if (open != null) {
            open.close();
        }
        if (subscriber != null) {
            subscriber.interrupt();
        }
        outbox.shutdown();
    }

    /**
     * Drops {@code topic} (the one {@code key}, or all of it when null) from the read models of this
     * instance now and of the others as soon as Redis carries the message. Call after the commit.
     */
    public void announce(String topic, String key) {
        if (topic.contains("|") || (key != null && key.contains("|"))) {
            throw new IllegalArgumentException("topics and keys have no '|'");
        }
        invalidated.fire(new Invalidated(topic, Optional.ofNullable(key)));
        try {
            String message = INSTANCE + "|" + topic + "|" + (key == null ? "" : key);
            outbox.execute(() -> redis.call(jedis -> jedis.publish(CHANNEL, message)));
        } catch (RejectedExecutionException shuttingDown) {
            LOG.log(Level.FINE, "Invalidación no publicada: la aplicación se está deteniendo");
        }
    }

    /** Whether this instance hears the others' announcements right now. */
    public static boolean listening() {
        return subscribed;
    }

    void received(String message) {
        String[] parts = message.split("\\|", -1);
        if (parts.length == 3 && !INSTANCE.equals(parts[0])) {
            invalidated.fire(new Invalidated(parts[1], parts[2].isEmpty() ? Optional.empty() : Optional.of(parts[2])));
        }
    }

    private void ping() {
        JedisPubSub current = listener;
        if (current != null && current.isSubscribed()) {
            try {
                current.ping();
            } catch (RuntimeException deadConnection) {
                LOG.log(Level.FINE, "PING de la suscripción fallido", deadConnection);
            }
        }
    }

    private void listen() {
        long wait = FIRST_RETRY_MILLIS;
        boolean lost = false;
        while (running) {
            try {
                Optional<Jedis> jedis = redis.dedicatedConnection("ventanilla-invalidaciones-" + INSTANCE, SILENCE_LIMIT);
                if (jedis.isEmpty()) {
                    return;
                }
                subscribe(jedis.get());
                wait = FIRST_RETRY_MILLIS;
            } catch (RuntimeException e) {
                if (running && !lost) {
                    lost = true;
                    LOG.log(Level.WARNING, "Se perdió la suscripción a {0}; las cachés se leen de la base de datos "
                            + "mientras tanto: {1}", new Object[] {CHANNEL, e.getMessage()});
                }
            }
            if (!running) {
                return;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = Math.min(LAST_RETRY_MILLIS, wait * 2);
        }
    }

    private void subscribe(Jedis jedis) {
        JedisPubSub attempt = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int subscribedChannels) {
                subscribed = true;
                // messages may have been missed while nobody listened: every copy is dropped
                invalidated.fire(new Invalidated(Invalidated.EVERYTHING, Optional.empty()));
                LOG.info(() -> "Escuchando invalidaciones de otras instancias en " + channel);
            }

            @Override
            public void onMessage(String channel, String message) {
                received(message);
            }
        };
        connection = jedis;
        listener = attempt;
        try (jedis) {
            jedis.subscribe(attempt, CHANNEL);
        } finally {
            subscribed = false;
            connection = null;
        }
        if (running) {
            throw new IllegalStateException("Redis cerró la suscripción");
        }
    }
}
