package vn.vanthu.trust;

import eu.europa.esig.dss.spi.client.http.DataLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Online revocation answers are reused for revocation.cache.minutes, then fetched again. */
class CachingDataLoaderTest {
    static final class Counting implements DataLoader {
        final AtomicInteger calls = new AtomicInteger();

        @Override public byte[] get(String url) { calls.incrementAndGet(); return url.getBytes(); }
        @Override public DataAndUrl get(List<String> urls) { calls.incrementAndGet(); return new DataAndUrl(urls.get(0), new byte[]{1}); }
        @Override public byte[] post(String url, byte[] content) { calls.incrementAndGet(); return content; }
        @Override public void setContentType(String contentType) { }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void a_crl_fetched_once_is_reused_until_the_lifetime_ends() {
        Counting origin = new Counting();
        MovableClock clock = new MovableClock();
        CachingDataLoader loader = new CachingDataLoader(origin, Duration.ofMinutes(60), clock);
        loader.get("http://ca.example/crl");
        loader.get("http://ca.example/crl");
        assertEquals(1, origin.calls.get());
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        loader.get("http://ca.example/crl");
        assertEquals(2, origin.calls.get());
    }

    @Test
    void ocsp_posts_are_cached_per_request_body() {
        Counting origin = new Counting();
        CachingDataLoader loader = new CachingDataLoader(origin, Duration.ofMinutes(5), new MovableClock());
        assertArrayEquals(new byte[]{1, 2}, loader.post("http://ocsp", new byte[]{1, 2}));
        loader.post("http://ocsp", new byte[]{1, 2});
        loader.post("http://ocsp", new byte[]{3});
        assertEquals(2, origin.calls.get());
    }

    @Test
    void a_zero_lifetime_turns_the_cache_off() {
        Counting origin = new Counting();
        CachingDataLoader loader = new CachingDataLoader(origin, Duration.ZERO, new MovableClock());
        loader.get("http://ca.example/crl");
        loader.get("http://ca.example/crl");
        assertEquals(2, origin.calls.get());
        assertEquals(0, loader.size());
    }
}
