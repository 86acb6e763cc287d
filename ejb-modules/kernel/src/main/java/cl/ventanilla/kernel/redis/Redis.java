package cl.ventanilla.kernel.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The one Redis client of an application instance. Redis makes Ventanilla faster (caches, counters)
 * and carries live events between instances, but it is never required: when it is not configured
 * ({@code REDIS_HOST} unset) or does not answer, {@link #call} returns empty and the caller takes its
 * fallback path. Timeouts are short so an outage costs milliseconds, not seconds.
 */
@ApplicationScoped
public class Redis {

    private static final Logger LOG = Logger.getLogger(Redis.class.getName());
    private static final int TIMEOUT_MILLIS = 500;

    @Inject
    @ConfigProperty(name = "redis.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "redis.port", defaultValue = "6379")
    int port;

    @Inject
    @ConfigProperty(name = "redis.password")
    Optional<String> password;

    private JedisPooled client;
    private volatile boolean lastCallFailed;

    @PostConstruct
    void connect() {
        Optional<String> configuredHost = host.filter(h -> !h.isBlank());
        if (configuredHost.isEmpty()) {
            LOG.info("Redis no configurado (REDIS_HOST vacío): se usan los caminos sin caché.");
            return;
        }
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                .clientName("ventanilla");
        password.filter(p -> !p.isBlank()).ifPresent(config::password);
        client = new JedisPooled(new HostAndPort(configuredHost.get(), port), config.build());
        LOG.info(() -> "Redis configurado en " + configuredHost.get() + ":" + port);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /**
     * A connection of its own, outside the pool, for a subscriber that blocks reading it. While
     * subscribed, a read that waits longer than {@code silenceLimit} fails, so a subscriber that pings
     * more often than that notices a connection that died without a word. The caller closes it. Empty
     * when Redis is not configured; throws a {@code JedisException} when Redis does not answer.
     *
     * @param clientName how {@code CLIENT LIST} names the connection (no spaces)
     */
    public Optional<Jedis> dedicatedConnection(String clientName, Duration silenceLimit) {
        Optional<String> configuredHost = host.filter(h -> !h.isBlank());
        if (configuredHost.isEmpty()) {
            return Optional.empty();
        }
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                .blockingSocketTimeoutMillis(Math.toIntExact(silenceLimit.toMillis()))
                .clientName(clientName);
        password.filter(p -> !p.isBlank()).ifPresent(config::password);
        Jedis jedis = new Jedis(new HostAndPort(configuredHost.get(), port), config.build());
        jedis.connect();
        return Optional.of(jedis);
    }

    /** Whether this instance was told to use Redis at all. */
    public boolean isConfigured() {
        return client != null;
    }

    /** Whether Redis answers a PING right now. */
    public boolean isAvailable() {
        return call(jedis -> jedis.ping()).map("PONG"::equalsIgnoreCase).orElse(false);
    }

    /** Where this instance looks for Redis, for health reports; empty when not configured. */
    public Optional<String> address() {
        return isConfigured() ? host.map(h -> h + ":" + port) : Optional.empty();
    }

    /**
     * Runs a Redis operation; empty when Redis is not configured or failed, so the caller falls back.
     * Failures are logged once per outage, not once per call.
     */
    public <T> Optional<T> call(Function<JedisPooled, T> operation) {
        if (client == null) {
            return Optional.empty();
        }
        try {
            T result = operation.apply(client);
            if (lastCallFailed) {
                lastCallFailed = false;
                LOG.info("Redis volvió a responder.");
            }
            return Optional.ofNullable(result);
        } catch (JedisException e) {
            if (!lastCallFailed) {
                lastCallFailed = true;
                LOG.log(Level.WARNING, "Redis no responde; se sigue sin caché: {0}", e.getMessage());
            }
            return Optional.empty();
        }
    }
}
