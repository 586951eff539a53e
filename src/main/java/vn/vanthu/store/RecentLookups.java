package vn.vanthu.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * What the database answered about a key in the last {@link #RECHECK}, so that a client sending request after
 * request is looked up once a second, not once a request. Only answers still {@code usable} are held (an unknown
 * key is looked up every time), at most {@value #LIMIT} of them. A change made on this instance {@link #forget}s
 * at once; another instance on the same database is seen within {@link #RECHECK}.
 *
 * <pre>{@code
 * RecentLookups<String, Holder> recent = new RecentLookups<>((h, now) -> now.isBefore(h.expiresAt()));
 * Optional<Holder> h = recent.find(hash, now, () -> dao.byToken(hash, now));
 * recent.forget();   // after a revocation
 * }</pre>
 */
public final class RecentLookups<K, V> {
    public static final Duration RECHECK = Duration.ofSeconds(1);
    static final int LIMIT = 4096;

    private record Found<V>(V value, Instant at) {}

    private final Map<K, Found<V>> found = new ConcurrentHashMap<>();
    /** Moves at each forget, so that a lookup that read the database before it is not kept after it. */
    private final AtomicLong forgotten = new AtomicLong();
    private final BiPredicate<V, Instant> usable;

    /** {@code usable}: whether an answer may be given at a moment (a token not yet expired, a key not locked). */
    public RecentLookups(BiPredicate<V, Instant> usable) {
        this.usable = usable;
    }

    /** The answer for {@code key}: the database's of the last second, or else {@code lookup}'s. */
    public Optional<V> find(K key, Instant now, Supplier<Optional<V>> lookup) {
        Found<V> f = found.get(key);
        if (f != null && !now.isBefore(f.at()) && now.isBefore(f.at().plus(RECHECK)) && usable.test(f.value(), now)) {
            return Optional.of(f.value());
        }
        long before = forgotten.get();
        Optional<V> value = lookup.get();
        if (value.isEmpty() || !usable.test(value.get(), now)) {
            found.remove(key);
            return value;
        }
        if (found.size() >= LIMIT) {
            found.clear();
        }
        found.put(key, new Found<>(value.get(), now));
        if (forgotten.get() != before) {
            found.remove(key);   // a change came in meanwhile: what was read may be older than it
        }
        return value;
    }

    /** {@code key} is looked up again on its next use. */
    public void forget(K key) {
        forgotten.incrementAndGet();
        found.remove(key);
    }

    /** Every key is looked up again on its next use. */
    public void forget() {
        forgotten.incrementAndGet();
        found.clear();
    }
}
