package cl.ventanilla.lobby;

import cl.ventanilla.queue.control.DisplayChannels;
import cl.ventanilla.queue.control.DisplayChannels.Sink;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The lobby screens' (and virtual tickets') live line: one socket per screen, subscribed to one unit.
 * It only pushes the queue's public messages (numbers, services, stations), so it is open like the
 * snapshot it complements.
 */
@ServerEndpoint("/display-socket/{unitId}")
public class DisplaySocket {

    private static final Logger LOG = Logger.getLogger(DisplaySocket.class.getName());
    private static final String SINK = "ventanilla.sink";
    private static final String UNIT = "ventanilla.unit";
    /** Told to the screen once it is registered: every event from then on reaches it (live-line.js). */
    static final String READY = "{\"kind\":\"ready\"}";

    @Inject
    DisplayChannels channels;

    @OnOpen
    public void open(Session session, @PathParam("unitId") String unitId) throws IOException {
        UUID unit;
        try {
            unit = UUID.fromString(unitId);
        } catch (IllegalArgumentException notAUnit) {
            session.close(new CloseReason(CloseCodes.CANNOT_ACCEPT, "unidad desconocida"));
            return;
        }
        Sink sink = json -> {
            if (!session.isOpen()) {
                throw new IllegalStateException("sesión cerrada");
            }
            session.getAsyncRemote().sendText(json);
        };
        session.getUserProperties().put(SINK, sink);
        session.getUserProperties().put(UNIT, unit);
        channels.register(unit, sink);
        sink.send(READY);
    }

    /** The screen's keep-alive ("ping"); nothing to answer. */
    @OnMessage
    public void message(String text) {
        // the screen pings so proxies keep the connection open; the text itself means nothing
    }

    @OnClose
    public void close(Session session) {
        forget(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "Pantalla con error", failure);
        forget(session);
    }

    private void forget(Session session) {
        if (session.getUserProperties().get(SINK) instanceof Sink sink
                && session.getUserProperties().get(UNIT) instanceof UUID unit) {
            channels.unregister(unit, sink);
        }
    }
}
