package vn.vanthu.exchange;

import vn.vanthu.trust.OutboundPolicy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts a sealed message to a partner's inbox, and nowhere else: the URL comes from the directory, and the same
 * outbound rules as every other fetch apply (http/https only, an internal address only when the allow-list names
 * it; the development profile allows loopback, where partner instances run side by side). No redirect is followed.
 *
 * <pre>{@code PartnerClient.Answer a = client.post(organ.inboxUrl(), token, sealedXml);   // a.status() == 200}</pre>
 */
final class PartnerClient {
    /** The partner's HTTP answer. */
    record Answer(int status, String body) {}

    private static final int MAX_ANSWER = 64 * 1024;

    private final OutboundPolicy policy;
    private final HttpClient http;

    PartnerClient(OutboundPolicy policy) {
        this.policy = policy;
        this.http = HttpClient.newBuilder().connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The exchange's policy: the configured allow-list (plus loopback in development), always online, 60 s per post. */
    static OutboundPolicy policy(List<String> allow, boolean development) {
        List<String> hosts = new ArrayList<>(allow);
        if (development) {
            hosts.addAll(List.of("localhost", "127.0.0.0/8", "::1"));
        }
        return new OutboundPolicy(true, false, hosts, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    /** The answer, or an IOException naming why nothing could be posted (refused URL, network failure). */
    Answer post(String url, String token, byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        String refusal = policy.refusal(uri);
        if (refusal != null) {
            throw new IOException("The inbox " + url + " may not be reached: " + refusal);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(policy.totalTimeout())
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<java.io.InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream in = r.body()) {
            byte[] answer = in.readNBytes(MAX_ANSWER);   // a partner's answer is small; the rest is not read
            return new Answer(r.statusCode(), new String(answer, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
