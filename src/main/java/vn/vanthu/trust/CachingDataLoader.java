package vn.vanthu.trust;

import eu.europa.esig.dss.spi.client.http.DataLoader;
import vn.vanthu.store.Hashes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps fetched revocation data (CRL and certificate GETs, OCSP POSTs keyed by URL and request) for the
 * configured lifetime ({@code revocation.cache.minutes}; 0 = no cache), so a busy validator does not ask
 * the CA again for every document. Bounded: past {@value #MAX_ENTRIES} entries the oldest half is dropped.
 *
 * <pre>{@code DataLoader cached = new CachingDataLoader(loader, Duration.ofMinutes(60));}</pre>
 */
final class CachingDataLoader implements DataLoader {
    private static final long serialVersionUID = 1L;
    static final int MAX_ENTRIES = 2_000;

    private record Entry(byte[] data, Instant expires) {}

    private final DataLoader next;
    private final Duration lifetime;
    private final transient Clock clock;
    private final transient ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    CachingDataLoader(DataLoader next, Duration lifetime, Clock clock) {
        this.next = next;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public byte[] get(String url) {
        return cached("GET " + url, () -> next.get(url));
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        for (String url : urls) {
            Entry e = fresh("GET " + url);
            if (e != null) {
                return new DataAndUrl(url, e.data());
            }
        }
        DataAndUrl d = next.get(urls);
        if (d != null && d.getData() != null) {
            put("GET " + d.getUrlString(), d.getData());
        }
        return d;
    }

    @Override
    public byte[] post(String url, byte[] content) {
        return cached("POST " + url + " " + Hashes.sha256Hex(content), () -> next.post(url, content));
    }

    @Override
    public void setContentType(String contentType) {
        next.setContentType(contentType);
    }

    int size() {
        return cache.size();
    }

    private byte[] cached(String key, java.util.function.Supplier<byte[]> load) {
        Entry e = fresh(key);
        if (e != null) {
            return e.data();
        }
        byte[] data = load.get();
        if (data != null && data.length > 0) {
            put(key, data);
        }
        return data;
    }

    private Entry fresh(String key) {
        if (lifetime.isZero()) {
            return null;
        }
        Entry e = cache.get(key);
        return e != null && e.expires().isAfter(clock.instant()) ? e : null;
    }

    private void put(String key, byte[] data) {
        if (lifetime.isZero()) {
            return;
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue(
                            java.util.Comparator.comparing(Entry::expires)))
                    .limit(MAX_ENTRIES / 2).map(java.util.Map.Entry::getKey).toList().forEach(cache::remove);
        }
        cache.put(key, new Entry(data, clock.instant().plus(lifetime)));
    }
}
