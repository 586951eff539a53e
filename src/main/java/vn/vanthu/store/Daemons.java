package vn.vanthu.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Background threads that never keep the JVM alive: named so a thread dump tells whose they are.
 *
 * <pre>{@code ScheduledExecutorService s = Daemons.every("orphan-sweeper", Duration.ofHours(1), Duration.ofHours(1), this::sweep);}</pre>
 */
public final class Daemons {
    private Daemons() {}

    /** Daemon threads, each named {@code name}. */
    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> named(prefix + "-" + n.incrementAndGet()).newThread(r);
    }

    /** One daemon thread that runs {@code task} after {@code first}, then {@code every} after each run ends. */
    public static ScheduledExecutorService every(String name, Duration first, Duration every, Runnable task) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(named(name));
        s.scheduleWithFixedDelay(task, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }
}
