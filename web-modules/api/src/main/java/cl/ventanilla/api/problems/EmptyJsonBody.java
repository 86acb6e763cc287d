package cl.ventanilla.api.problems;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * A JSON request without a body (or with only white space) is a request without a payload, not
 * unreadable JSON: JSON-B would fail on the missing value and the caller would be told "could not read".
 * The payload is then {@code null}, so an endpoint whose body is optional ({@code …/finish}) does its
 * work, and one that needs a body says which with its own Bean Validation or domain message.
 */
@Provider
public class EmptyJsonBody implements ReaderInterceptor {

    /** How much white space is looked through before a body counts as present. */
    private static final int LOOK_AHEAD = 8192;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        PushbackInputStream body = new PushbackInputStream(context.getInputStream(), LOOK_AHEAD);
        byte[] seen = new byte[LOOK_AHEAD];
        int count = 0;
        int next = body.read();
        while (next != -1 && Character.isWhitespace(next) && count < LOOK_AHEAD - 1) {
            seen[count++] = (byte) next;
            next = body.read();
        }
        if (next == -1) {
            return null;
        }
        seen[count++] = (byte) next;
        body.unread(seen, 0, count);
        context.setInputStream(body);
        return context.proceed();
    }
}
