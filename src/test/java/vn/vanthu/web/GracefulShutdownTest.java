package vn.vanthu.web;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GracefulShutdownTest {

    /** A multipart upload that trickles in over about two seconds. */
    private static HttpRequest.BodyPublisher slowUpload(String boundary) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return HttpRequest.BodyPublishers.fromPublisher(subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            int step;
            boolean done;

            @Override
            public synchronized void request(long n) {
                // The subscriber may call request() again from inside onNext(): take the step before emitting it.
                for (long i = 0; i < n && !done; i++) {
                    int current = step++;
                    if (current > 0) {
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (current == 0) {
                        subscriber.onNext(ByteBuffer.wrap(head.getBytes()));
                    } else if (current <= 10) {
                        subscriber.onNext(ByteBuffer.wrap(new byte[1000]));
                    } else {
                        done = true;
                        subscriber.onNext(ByteBuffer.wrap(tail.getBytes()));
                        subscriber.onComplete();
                    }
                }
            }

            @Override
            public void cancel() {
                done = true;
            }
        }));
    }

    @Test
    void stopping_lets_the_request_in_flight_finish_then_closes_the_database() throws Exception {
        TestServer s = TestServer.start(Databases.Kind.H2);
        String boundary = "slowboundary123";
        HttpRequest req = s.request("/api/v1/documents", "clerk")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(slowUpload(boundary)).build();
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                .sendAsync(req, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(600);
        assertFalse(inFlight.isDone());
        long started = System.nanoTime();
        s.close();   // what the SIGTERM hook calls
        HttpResponse<String> r = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(System.nanoTime() - started > 500_000_000L, "stop waited for the request");
        assertFalse(s.app().database().isUsable(), "the database is closed after stop");
    }
}
