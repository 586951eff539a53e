package vn.vanthu.web;

import java.util.function.BooleanSupplier;

/**
 * Whether the client of the request this thread serves is still there: the web server sets the check for the
 * time of each request ({@link ClientProbe}), and {@code limits.WorkBudget} asks it while it waits for the work, so that work nobody waits for
 * any more is cancelled and its slot freed. Without a check (work outside a request) the client counts as there.
 *
 * <pre>{@code
 * try (ClientWatch w = ClientWatch.watching(probe::gone)) {
 *     handler.handle(ctx);   // a WorkBudget.run inside stops when probe.gone() turns true
 * }
 * }</pre>
 */
public final class ClientWatch implements AutoCloseable {
    private static final ThreadLocal<BooleanSupplier> GONE = new ThreadLocal<>();

    private ClientWatch() {}

    /** Until {@link #close}, {@code gone} tells whether this thread's client has left. */
    public static ClientWatch watching(BooleanSupplier gone) {
        GONE.set(gone);
        return new ClientWatch();
    }

    /** True when this thread serves a request whose client has closed the connection. */
    public static boolean clientGone() {
        BooleanSupplier gone = GONE.get();
        return gone != null && gone.getAsBoolean();
    }

    @Override
    public void close() {
        GONE.remove();
    }
}
