package cl.ventanilla.queue.control;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * The one bridge of live queue events between application instances. A message is delivered to this
 * instance's screens and published on the Redis channel {@value #CHANNEL}; a subscriber thread delivers
 * the messages of the other instances to this instance's screens. Without Redis (not configured, or
 * down) the screens of this instance still get its own events; the subscriber reconnects with a
 * backoff when Redis comes back.
 *
 * <p>A subscription can die without a word (Redis restarted behind a proxy, a NAT forgetting an idle
 * connection): the subscriber would wait for messages forever. So it pings through its own connection
 * every {@link #PING_EVERY} and that connection's reads give up after {@link #SILENCE_LIMIT} without
 * any reply; the subscriber then reconnects. A lost subscription is logged once when it is lost and
 * once when it is back, not at every retry.
 *
 * <p>Messages leave the caller's thread on one serial thread: the desk does not wait for Redis, and a
 * screen receives a ticket's events in the order they happened.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveBridge {

    public static final String CHANNEL = "ventanilla:cola";

    /** Names this instance in its messages, so it ignores them when Redis echoes them back. */
    public static final String INSTANCE = UUID.randomUUID().toString();

    /** How Redis's {@code CLIENT LIST} names this instance's subscriber. */
    public static final String CLIENT_NAME = "ventanilla-cola-" + INSTANCE;

    private static final Logger LOG = Logger.getLogger(LiveBridge.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /** How often the subscriber asks Redis for a PONG. */
    static final Duration PING_EVERY = Duration.ofSeconds(30);
    /** How long the subscriber's connection may stay silent before it counts as dead: a missed PONG. */
    static final Duration SILENCE_LIMIT = PING_EVERY.plusSeconds(15);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Redis redis;

    @Inject
    DisplayChannels channels;

    @Inject
    LobbySnapshots snapshots;

    @Inject
    QueueSettings settings;

    private ExecutorService outbox;
    private ScheduledExecutorService pinger;
    private Thread subscriber;
    private volatile boolean running;
    private final Backoff backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
    private volatile JedisPubSub listener;
    private volatile Jedis connection;
    private volatile boolean lost;
    private final AtomicLong subscriptions = new AtomicLong();

    @PostConstruct
    void start() {
        running = true;
        outbox = Executors.newSingleThreadExecutor(threads);
        if (redis.isConfigured()) {
            subscriber = threads.newThread(this::listen);
            subscriber.setName("ventanilla-cola-suscriptor");
            subscriber.start();
            pinger = Executors.newSingleThreadScheduledExecutor(threads);
            pinger.scheduleWithFixedDelay(this::ping, PING_EVERY.toSeconds(), PING_EVERY.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
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
        try {
            outbox.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Delivers the message to this instance's screens and publishes it to the others, off the caller's
     * thread; the unit's lobby snapshot is dropped at once, before the caller answers.
     */
    public void send(LiveMessage message) {
        snapshots.changed(message.unitId());
        try {
            outbox.execute(() -> {
                String json = named(message).toJson(INSTANCE);
                channels.deliver(message.unitId(), json);
                redis.call(jedis -> jedis.publish(CHANNEL, json));
            });
        } catch (RejectedExecutionException shuttingDown) {
            LOG.log(Level.FINE, "Evento no enviado: la aplicación se está deteniendo");
        }
    }

    // The screens show the service's name; a failed lookup must not cost the call its announcement.
    private LiveMessage named(LiveMessage message) {
        if (message.serviceId() == null) {
            return message;
        }
        try {
            return settings.findService(message.serviceId()).map(s -> message.withServiceName(s.name()))
                    .orElse(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No se pudo leer el nombre del servicio {0}: {1}",
                    new Object[] {message.serviceId(), e.getMessage()});
            return message;
        }
    }

    void received(String json) {
        LiveMessage.envelopeOf(json)
                .filter(envelope -> !INSTANCE.equals(envelope.instance()))
                .ifPresent(envelope -> {
                    // dropped before the screens hear of the change and read the snapshot again
                    snapshots.changed(envelope.unitId());
                    channels.deliver(envelope.unitId(), json);
                });
    }

    /** How many times the subscriber has subscribed since start-up: 1 while the first subscription lasts. */
    public long subscriptions() {
        return subscriptions.get();
    }

    /** Whether the subscriber listens to the other instances right now. */
    public boolean listening() {
        JedisPubSub current = listener;
        return current != null && current.isSubscribed();
    }

    // The PONG comes back through the subscription's own connection and keeps its reads from timing out.
    private void ping() {
        JedisPubSub current = listener;
        if (current == null || !current.isSubscribed()) {
            return;
        }
        try {
            current.ping();
        } catch (RuntimeException deadConnection) {
            // the subscriber's read fails too and reconnects; nothing to do here
            LOG.log(Level.FINE, "PING de la suscripción fallido", deadConnection);
        }
    }

    // Subscribing blocks until the connection fails, stays silent too long, or stop() unsubscribes; then
    // wait and retry.
    private void listen() {
        while (running) {
            try {
                redis.dedicatedConnection(CLIENT_NAME, SILENCE_LIMIT).ifPresent(this::subscribe);
            } catch (RuntimeException e) {
                if (running && !lost) {
                    lost = true;
                    LOG.log(Level.WARNING, "Se perdió la suscripción a {0}; se reintenta en segundo plano: {1}",
                            new Object[] {CHANNEL, e.getMessage()});
                }
            }
            if (!running) {
                return;
            }
            try {
                Thread.sleep(backoff.next().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void subscribe(Jedis jedis) {
        JedisPubSub attempt = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int subscribedChannels) {
                backoff.reset();
                subscriptions.incrementAndGet();
                if (lost) {
                    lost = false;
                    LOG.info(() -> "Suscripción a " + channel + " recuperada");
                } else {
                    LOG.info(() -> "Escuchando eventos de cola de otras instancias en " + channel);
                }
            }

            @Override
            public void onMessage(String channel, String json) {
                received(json);
            }
        };
        connection = jedis;
        listener = attempt;
        try (jedis) {
            jedis.subscribe(attempt, CHANNEL);
        } finally {
            connection = null;
        }
        if (running) {
            // Redis closed the subscription without an error (a CLIENT KILL, a restart): still lost
            throw new IllegalStateException("Redis cerró la suscripción");
        }
    }
}
