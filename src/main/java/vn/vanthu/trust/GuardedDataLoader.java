package vn.vanthu.trust;

import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one loader through which the service fetches anything from outside (CRL, OCSP, CA certificates through
 * AIA, timestamps): the URL must pass the {@link OutboundPolicy} first; then connect, read and total time are
 * bounded, the answer is read up to its kind's size cap, and redirects are never followed. Each fetch is logged
 * (host, kind, bytes, ms) and counted in {@link OutboundFetches}. A refusal or failure is a
 * {@link DSSExternalResourceException}, which DSS treats as "this source has no answer".
 *
 * <pre>{@code new OnlineCRLSource(new GuardedDataLoader(OutboundPolicy.Kind.CRL, policy, fetches));}</pre>
 */
final class GuardedDataLoader implements DataLoader {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(GuardedDataLoader.class);
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vanthu-fetch-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final OutboundPolicy.Kind kind;
    private final transient OutboundPolicy policy;
    private final transient OutboundFetches fetches;
    private final transient HttpClient http;
    private final transient DataLoader ldap;
    private String contentType;

    GuardedDataLoader(OutboundPolicy.Kind kind, OutboundPolicy policy, OutboundFetches fetches, DataLoader ldap) {
        this.kind = kind;
        this.policy = policy;
        this.fetches = fetches;
        this.ldap = ldap;
        this.http = HttpClient.newBuilder().connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();
    }

    @Override
    public byte[] get(String url) {
        return fetch(url, null);
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        DSSExternalResourceException last = null;
        for (String url : urls) {
            try {
                return new DataAndUrl(url, get(url));
            } catch (DSSExternalResourceException e) {
                last = e;
            }
        }
        throw last != null ? last : new DSSExternalResourceException("No URL to fetch");
    }

    @Override
    public byte[] post(String url, byte[] content) {
        return fetch(url, content);
    }

    @Override
    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    private byte[] fetch(String url, byte[] body) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            fetches.refused(kind);
            throw new DSSExternalResourceException("Not fetched: the URL is malformed");
        }
        String why = policy.refusal(uri);
        if (why != null) {
            fetches.refused(kind);
            log.warn("Not fetching {} {} from {}: {}", kind, body == null ? "GET" : "POST", uri.getHost(), why);
            throw new DSSExternalResourceException("Not fetched (" + kind + "): " + why);
        }
        long t0 = System.nanoTime();
        try {
            byte[] answer = "ldap".equalsIgnoreCase(uri.getScheme()) ? ldap.get(url) : http(uri, body);
            if (answer == null || answer.length > kind.maxBytes()) {
                throw new IOException("the answer is empty or larger than " + kind.maxBytes() + " bytes");
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            fetches.fetched(kind, answer.length, ms);
            log.info("Fetched {} from {}: {} bytes in {} ms", kind, uri.getHost(), answer.length, ms);
            return answer;
        } catch (IOException | RuntimeException e) {
            fetches.failed(kind);
            log.warn("Fetching {} from {} failed after {} ms: {}", kind, uri.getHost(),
                    (System.nanoTime() - t0) / 1_000_000, e.getMessage());
            throw new DSSExternalResourceException("Fetching " + kind + " from " + uri.getHost() + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DSSExternalResourceException("Fetching " + kind + " was interrupted");
        }
    }

    private byte[] http(URI uri, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(policy.readTimeout());
        if (body != null) {
            req.POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                req.header("Content-Type", contentType);
            }
        }
        HttpResponse<InputStream> r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            // Closing the stream at the deadline ends a read that drips forever.
            ScheduledFuture<?> deadline = DEADLINES.schedule(() -> closeQuietly(in),
                    policy.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                if (r.statusCode() / 100 != 2) {
                    throw new IOException("HTTP " + r.statusCode());
                }
                return readCapped(in, kind.maxBytes());
            } finally {
                deadline.cancel(false);
            }
        }
    }

    private static byte[] readCapped(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + (long) n > max) {
                throw new IOException("the answer is larger than " + max + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the closed stream
        }
    }
}
