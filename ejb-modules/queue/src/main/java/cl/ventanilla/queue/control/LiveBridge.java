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
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPubSub;

/**
 * The one bridge of live queue events between application instances. A message is delivered to this
 * instance's screens and published on the Redis channel {@value #CHANNEL}; a subscriber thread delivers
 * the messages of the other instances to this instance's screens. Without Redis (not configured, or
 * down) the screens of this instance still get its own events; the subscriber reconnects with a
 * backoff when Redis comes back.
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

    private static final Logger LOG = Logger.getLogger(LiveBridge.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Redis redis;

    @Inject
    DisplayChannels channels;

    @Inject
    QueueSettings settings;

    private ExecutorService outbox;
    private Thread subscriber;
    private volatile boolean running;
    private volatile Duration retry = FIRST_RETRY;
    private volatile JedisPubSub listener;

    @PostConstruct
    void start() {
        running = true;
        outbox = Executors.newSingleThreadExecutor(threads);
        if (redis.isConfigured()) {
            subscriber = threads.newThread(this::listen);
            subscriber.setName("ventanilla-cola-suscriptor");
            subscriber.start();
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

    /** Delivers the message to this instance's screens and publishes it to the others, off the caller's thread. */
    public void send(LiveMessage message) {
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
                .ifPresent(envelope -> channels.deliver(envelope.unitId(), json));
    }

    // Subscribing blocks until Redis drops the connection or stop() unsubscribes; then wait and retry.
    private void listen() {
        while (running) {
            JedisPubSub attempt = new JedisPubSub() {
                @Override
                public void onSubscribe(String channel, int subscribedChannels) {
                    retry = FIRST_RETRY;
                    LOG.info(() -> "Escuchando eventos de cola de otras instancias en " + channel);
                }

                @Override
                public void onMessage(String channel, String json) {
                    received(json);
                }
            };
            listener = attempt;
            try {
                redis.call(jedis -> {
                    jedis.subscribe(attempt, CHANNEL);
                    return Boolean.TRUE;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "La suscripción a " + CHANNEL + " falló", e);
            }
            if (!running) {
                return;
            }
            try {
                Thread.sleep(retry.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        }
    }
}
