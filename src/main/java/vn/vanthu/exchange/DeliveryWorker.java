package vn.vanthu.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.config.AppConfig;
import vn.vanthu.dispatch.EdXmlMessages;
import vn.vanthu.store.Daemons;
import vn.vanthu.store.TempFiles;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.web.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Posts what the outbox holds until each partner acknowledges it. One loop per instance claims up to
 * {@code exchange.in.flight} due rows under a lease (any number of instances share the outbox: a row is leased
 * to one of them at a time, and taken over when a killed one is known dead or its lease runs out), posts them in parallel, and
 * marks each delivered, or due again after a back-off that doubles from 2 s up to {@code exchange.retry.max.seconds},
 * or refused when the partner's answer is final (a 4xx that sending again cannot change).
 *
 * <pre>{@code worker.start();  …  worker.close();   // App starts and stops it}</pre>
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration LEASE = Duration.ofSeconds(90);   // longer than one post may take (60 s)
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);

    private final OutboxDao outbox;
    private final Organs organs;
    private final EdXmlMessages messages;
    private final StatusMessages statuses;
    private final PartnerClient client;
    private final AppConfig.Exchange settings;
    private final String organId;
    private final Clock clock;
    private ExecutorService loop;
    private ExecutorService posts;
    private volatile boolean running;

    DeliveryWorker(OutboxDao outbox, Organs organs, EdXmlMessages messages, StatusMessages statuses,
                   PartnerClient client, AppConfig.Exchange settings, String organId, Clock clock) {
        this.outbox = outbox;
        this.organs = organs;
        this.messages = messages;
        this.statuses = statuses;
        this.client = client;
        this.settings = settings;
        this.organId = organId;
        this.clock = clock;
    }

    /** Starts the loop (unless {@code exchange.poll.millis} is 0); App calls it once the server listens. */
    public synchronized void start() {
        if (running || settings.poll().isZero()) {
            return;
        }
        running = true;
        posts = Executors.newFixedThreadPool(settings.inFlight(), Daemons.named("exchange-post"));
        loop = Executors.newSingleThreadExecutor(Daemons.named("exchange-delivery"));
        loop.submit(this::run);
    }

    private void run() {
        while (running) {
            try {
                if (round() == 0) {
                    Thread.sleep(settings.poll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Delivery round failed; trying again", e);
                sleepQuietly();
            }
        }
    }

    /** One claim and its posts; answers how many rows it handled. */
    int round() throws InterruptedException {
        OffsetDateTime now = VietnamTime.now(clock);
        String token = UUID.randomUUID().toString();
        List<OutboxRow> rows = outbox.claim(token, now, now.plus(LEASE), settings.inFlight());
        List<Future<?>> posting = rows.stream().<Future<?>>map(r -> posts.submit(() -> deliver(r, token))).toList();
        for (Future<?> f : posting) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("A delivery failed unexpectedly", e.getCause());
            }
        }
        return rows.size();
    }

    private void deliver(OutboxRow r, String token) {
        try {
            Organ organ = organs.organ(r.organId()).orElse(null);
            if (organ == null) {
                outbox.failed(r.id(), token, retryAt(r), "The organ " + r.organId() + " is no longer in the directory", false);
                return;
            }
            PartnerClient.Answer a = client.post(organ.inboxUrl(), organs.inboxToken(r.organId()).orElse(null), body(r));
            String code = errorCode(a.body());
            if (a.status() / 100 == 2 || (a.status() == 409 && "ALREADY_RECEIVED".equals(code))) {
                outbox.delivered(r, token, VietnamTime.now(clock), "01", a.status() == 409 ? "Đã nhận (gửi lại)" : "Đã đến");
            } else if (a.status() / 100 == 4 && !retriable(a.status())) {
                outbox.failed(r.id(), token, VietnamTime.now(clock), a.status() + " " + code + ": " + message(a.body()), true);
            } else {
                outbox.failed(r.id(), token, retryAt(r), a.status() + " " + code, false);
            }
        } catch (IOException | RuntimeException e) {
            outbox.failed(r.id(), token, retryAt(r), e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            outbox.failed(r.id(), token, VietnamTime.now(clock), "Interrupted by shutdown", false);   // due again at once
            Thread.currentThread().interrupt();
        }
    }

    private byte[] body(OutboxRow r) throws IOException {
        if (r.kind() == OutboxRow.Kind.STATUS) {
            String issuer = "13".equals(r.statusCode()) ? organId : r.organId();
            return statuses.sealed(issuer, r.documentId(), r.statusCode(), r.description(), r.createdAt());
        }
        Path xml = messages.stored(r.dispatchId()).orElseThrow(() -> new IOException("No stored edXML for " + r.dispatchId()));
        try {
            return Files.readAllBytes(xml);
        } finally {
            TempFiles.delete(xml);
        }
    }

    /** Not being allowed in, a lost inbox, a conflict in progress or a busy partner can change; a bad message cannot. */
    private static boolean retriable(int status) {
        return status == 401 || status == 403 || status == 404 || status == 408 || status == 409 || status == 429;
    }

    private OffsetDateTime retryAt(OutboxRow r) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(20, Math.max(0, r.attempts() - 1));
        long wait = Math.min(base, settings.maxBackoff().toMillis());
        return VietnamTime.now(clock).plus(Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(wait / 5 + 1)));
    }

    private static String errorCode(String body) {
        return error(body).path("code").asText("");
    }

    private static String message(String body) {
        return error(body).path("message").asText("");
    }

    private static JsonNode error(String body) {
        try {
            return Json.MAPPER.readTree(body).path("errors").path(0);
        } catch (IOException | RuntimeException e) {
            return Json.MAPPER.missingNode();
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(Math.max(100, settings.poll().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (loop != null) {
            loop.shutdownNow();
            posts.shutdownNow();
            try {
                loop.awaitTermination(10, TimeUnit.SECONDS);
                posts.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
