package vn.vanthu.limits;

import vn.vanthu.error.ApiException;
import vn.vanthu.store.Daemons;
import vn.vanthu.web.ClientWatch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A wall-clock budget for expensive work on one upload (validation, signing), proportional to its size: the
 * work runs in a worker thread and the caller waits at most the budget, then answers 422 {@code TOO_COMPLEX}.
 * DSS and Santuario do not look at interrupts, so the worker is interrupted but may run on for a while; the
 * caller's slot is freed all the same, so slow files cannot hold every slot. Expensive shapes are refused up
 * front (see {@link XmlDepth}, {@link DerDepth}); the budget is the net under what slips through. When every
 * slot stays taken for a whole budget the caller gets 503 {@code SERVICE_BUSY} instead of waiting on. While it
 * waits, the caller looks every {@value #POLL_MS} ms whether its client is still there ({@link ClientWatch}):
 * work nobody waits for is cancelled and its slot freed at once. {@link #render} counts all of it for /metrics.
 *
 * <pre>{@code
 * WorkBudget budget = new WorkBudget(4, 5.0, 30.0, "validation");
 * Reports r = budget.run(bytes.length, () -> validator.validateDocument(policy));
 * }</pre>
 */
public final class WorkBudget {
    private static final long MB = 1024 * 1024;
    static final long POLL_MS = 100;
    private final String name;
    private final int size;
    private final Semaphore slots;
    private final double secondsPerMb;
    private final double minimumSeconds;
    private final ExecutorService workers;
    private final AtomicLong overBudget = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();

    /** {@code slots} pieces of work at once; each may take max(minimum, secondsPerMb × size in MB) seconds. */
    public WorkBudget(int slots, double secondsPerMb, double minimumSeconds, String name) {
        this.name = name;
        this.size = slots;
        this.slots = new Semaphore(slots, true);
        this.secondsPerMb = secondsPerMb;
        this.minimumSeconds = minimumSeconds;
        this.workers = Executors.newCachedThreadPool(Daemons.numbered(name));
    }

    /** The longest work on {@code bytes} bytes may take. */
    public Duration budget(long bytes) {
        double seconds = Math.max(minimumSeconds, secondsPerMb * bytes / MB);
        return Duration.ofNanos((long) Math.min(Long.MAX_VALUE / 2.0, seconds * 1e9));
    }

    /** Runs {@code work} in a slot within the budget of {@code bytes}; its exceptions and errors pass through. */
    public <T> T run(long bytes, Callable<T> work) {
        Duration budget = budget(bytes);
        boolean got;
        try {
            got = slots.tryAcquire(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!got) {
            throw busy();
        }
        try {
            return await(workers.submit(work), budget);
        } finally {
            slots.release();
        }
    }

    private <T> T await(Future<T> f, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                return f.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (deadline - System.nanoTime() <= 0) {
                    f.cancel(true);
                    overBudget.incrementAndGet();
                    throw ApiException.unprocessable("TOO_COMPLEX", "The file needs more work than this service spends on a file of its size ("
                            + budget.toMillis() / 1000.0 + " s); it was not processed", "file");
                }
                if (ClientWatch.clientGone()) {
                    f.cancel(true);   // nobody waits for the answer: the work stops and its slot is free
                    abandoned.incrementAndGet();
                    throw ApiException.badRequest("CLIENT_GONE", "The client closed the connection; the work was stopped", null);
                }
            } catch (InterruptedException e) {
                f.cancel(true);   // the request is abandoned: so is its work
                abandoned.incrementAndGet();
                Thread.currentThread().interrupt();
                throw serviceBusy();
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
        }
    }

    /** Prometheus text for these budgets: slots in use, work cut off (over budget, client gone), callers refused. */
    public static String render(List<WorkBudget> budgets) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP vanthu_work_slots_in_use Expensive work (validation, signing) running now\n")
                .append("# TYPE vanthu_work_slots_in_use gauge\n");
        budgets.forEach(b -> out.append("vanthu_work_slots_in_use{work=\"").append(b.name).append("\"} ")
                .append(b.size - b.slots.availablePermits()).append('\n'));
        out.append("# HELP vanthu_work_cancelled_total Work cut off: past its budget, or its client gone\n")
                .append("# TYPE vanthu_work_cancelled_total counter\n");
        budgets.forEach(b -> out.append("vanthu_work_cancelled_total{work=\"").append(b.name).append("\",reason=\"budget\"} ")
                .append(b.overBudget.get()).append('\n')
                .append("vanthu_work_cancelled_total{work=\"").append(b.name).append("\",reason=\"client_gone\"} ")
                .append(b.abandoned.get()).append('\n'));
        out.append("# HELP vanthu_work_busy_total Callers answered 503 because every slot stayed taken\n")
                .append("# TYPE vanthu_work_busy_total counter\n");
        budgets.forEach(b -> out.append("vanthu_work_busy_total{work=\"").append(b.name).append("\"} ")
                .append(b.busy.get()).append('\n'));
        return out.toString();
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(cause);
    }

    private ApiException busy() {
        busy.incrementAndGet();
        return serviceBusy();
    }

    private static ApiException serviceBusy() {
        return new ApiException(503, "SERVICE_BUSY", "Every slot for this work is taken; try again shortly", null);
    }
}
