package vn.vanthu.limits;

import vn.vanthu.error.ApiException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A wall-clock budget for expensive work on one upload (validation, signing), proportional to its size: the
 * work runs in a worker thread and the caller waits at most the budget, then answers 422 {@code TOO_COMPLEX}.
 * DSS and Santuario do not look at interrupts, so the worker is interrupted but may run on for a while; the
 * caller's slot is freed all the same, so slow files cannot hold every slot. Expensive shapes are refused up
 * front (see {@link XmlDepth}, {@link DerDepth}); the budget is the net under what slips through. When every
 * slot stays taken for a whole budget the caller gets 503 {@code SERVICE_BUSY} instead of waiting on.
 *
 * <pre>{@code
 * WorkBudget budget = new WorkBudget(4, 5.0, 30.0, "validation");
 * Reports r = budget.run(bytes.length, () -> validator.validateDocument(policy));
 * }</pre>
 */
public final class WorkBudget {
    private static final long MB = 1024 * 1024;
    private final Semaphore slots;
    private final double secondsPerMb;
    private final double minimumSeconds;
    private final ExecutorService workers;

    /** {@code slots} pieces of work at once; each may take max(minimum, secondsPerMb × size in MB) seconds. */
    public WorkBudget(int slots, double secondsPerMb, double minimumSeconds, String name) {
        this.slots = new Semaphore(slots, true);
        this.secondsPerMb = secondsPerMb;
        this.minimumSeconds = minimumSeconds;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
            Future<T> f = workers.submit(work);
            try {
                return f.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                throw ApiException.unprocessable("TOO_COMPLEX", "The file needs more work than this service spends on a file of its size ("
                        + budget.toMillis() / 1000.0 + " s); it was not processed", "file");
            } catch (InterruptedException e) {
                f.cancel(true);   // the request is abandoned: so is its work
                Thread.currentThread().interrupt();
                throw busy();
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
        } finally {
            slots.release();
        }
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

    private static ApiException busy() {
        return new ApiException(503, "SERVICE_BUSY", "Every slot for this work is taken; try again shortly", null);
    }
}
