package vn.vanthu.web;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Tells whether the client of a request being handled has closed its connection. Jetty does not read a
 * connection while its request is handled, so it would notice only when the answer is written; this probe
 * watches the socket with a selector of its own instead: readable with no byte to read is the peer's end of
 * stream (or a reset). A byte waiting (a pipelined request) counts as a client still there, and so does any
 * connection that is not a plain socket (then nothing is probed). The selector is opened at the first question
 * only, so requests that never ask pay nothing.
 *
 * <pre>{@code try (ClientProbe p = new ClientProbe(ctx)) { … p.gone() … }}</pre>
 */
final class ClientProbe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClientProbe.class);
    private final Context ctx;
    private Selector selector;
    private SocketChannel channel;
    private boolean unprobed;
    private boolean gone;

    ClientProbe(Context ctx) {
        this.ctx = ctx;
    }

    /** True once the client has closed the connection (asked from the request's own thread). */
    boolean gone() {
        if (gone || unprobed) {
            return gone;
        }
        try {
            if (selector == null && !open()) {
                unprobed = true;
                return false;
            }
            int ready = selector.selectNow();
            selector.selectedKeys().clear();
            gone = !channel.isOpen() || (ready > 0 && channel.socket().getInputStream().available() == 0);
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot probe the connection of request {}", RequestIds.get(ctx), e);
            unprobed = true;
        }
        return gone;
    }

    private boolean open() throws IOException {
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnection().getEndPoint();
        if (!(endPoint instanceof SocketChannelEndPoint socket)) {
            return false;
        }
        channel = socket.getChannel();
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        return true;
    }

    @Override
    public void close() {
        if (selector != null) {
            try {
                selector.close();   // deregisters the channel from this selector only; Jetty's stays
            } catch (IOException e) {
                log.debug("Cannot close a connection probe", e);
            }
        }
    }
}
