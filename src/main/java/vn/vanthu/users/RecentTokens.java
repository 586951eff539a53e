package vn.vanthu.users;

import vn.vanthu.web.User;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Tokens this instance found valid within the last {@link #RECHECK}, by hash, so that a client sending request
 * after request is looked up in the database once a second, not once a request. A token is never held past its
 * expiry. Revoking a token or disabling a user here {@link #forget}s them all at once; another instance on the same
 * database stops accepting them within {@link #RECHECK}. Only tokens found valid are held (an unknown token is
 * looked up every time), at most {@value #LIMIT} of them.
 *
 * <pre>{@code
 * Optional<User> who = recent.find(hash, now, () -> dao.byToken(hash, …));
 * recent.forget();   // after a revocation
 * }</pre>
 */
final class RecentTokens {
    static final Duration RECHECK = Duration.ofSeconds(1);
    static final int LIMIT = 4096;

    /** Who holds a valid token, and until when it is valid. */
    record Holder(User user, Instant expiresAt) {}

    private record Found(Holder holder, Instant at) {}

    private final Map<String, Found> found = new ConcurrentHashMap<>();
    /** Moves at each {@link #forget}, so that a lookup that read the database before it is not kept after it. */
    private final AtomicLong forgotten = new AtomicLong();

    /** The holder of the token with this hash: found within the last second, or else by {@code lookup}. */
    Optional<User> find(String hash, Instant now, Supplier<Optional<Holder>> lookup) {
        Found f = found.get(hash);
        if (f != null && !now.isBefore(f.at()) && now.isBefore(f.at().plus(RECHECK)) && now.isBefore(f.holder().expiresAt())) {
            return Optional.of(f.holder().user());
        }
        long before = forgotten.get();
        Optional<Holder> holder = lookup.get();
        if (holder.isEmpty()) {
            found.remove(hash);
            return Optional.empty();
        }
        if (found.size() >= LIMIT) {
            found.clear();
        }
        found.put(hash, new Found(holder.get(), now));
        if (forgotten.get() != before) {
            found.remove(hash);   // a revocation came in meanwhile: what was read may be older than it
        }
        return holder.map(Holder::user);
    }

    /** Every token is looked up again on its next use (a token was revoked, a user disabled). */
    void forget() {
        forgotten.incrementAndGet();
        found.clear();
    }
}
