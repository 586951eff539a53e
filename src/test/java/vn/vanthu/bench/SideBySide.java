package vn.vanthu.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures two ways of doing the same work on {@value #THREADS} client threads, side by side in one run, so
 * that a noisy machine shifts both figures alike and their ratio stays meaningful.
 *
 * <pre>{@code SideBySide.Result[] r = SideBySide.sideBySide(400, rawDss::call, service::call);}</pre>
 */
public final class SideBySide {
    static final int THREADS = 2;
    static final int ROUNDS = 3;

    private SideBySide() {}

    public record Result(double opsPerSecond, double medianMs) {}

    /**
     * Raw DSS and the service in {@value #ROUNDS} alternating rounds of {@code n} each, summed, after a round of
     * each that is not counted: the JIT keeps speeding DSS up for several rounds, so one round of each, one after
     * the other, favours whichever ran last, and the first favours the service (raw DSS warmed DSS up for it).
     */
    public static Result[] sideBySide(int n, Callable<?> raw, Callable<?> service) throws Exception {
        Result[][] rounds = new Result[ROUNDS][];
        for (int r = -1; r < ROUNDS; r++) {
            Result[] round = {measure(n, raw), measure(n, service)};
            System.out.printf("  round %s: raw %.1f/s, service %.1f/s%n", r < 0 ? "0 (warm-up, not counted)" : r + 1,
                    round[0].opsPerSecond(), round[1].opsPerSecond());
            if (r >= 0) {
                rounds[r] = round;
            }
        }
        return new Result[] {total(rounds, 0), total(rounds, 1)};
    }

    /** Throughput over all rounds (operations / time), and the mean of the rounds' medians. */
    private static Result total(Result[][] rounds, int side) {
        double seconds = 0;
        double medians = 0;
        for (Result[] r : rounds) {
            seconds += 1 / r[side].opsPerSecond();
            medians += r[side].medianMs();
        }
        return new Result(rounds.length / seconds, medians / rounds.length);
    }

    public static Result measure(int n, Callable<?> op) throws Exception {
        for (int i = 0; i < Math.max(5, n / 5); i++) {
            op.call();
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    double[] ms = new double[n / THREADS];
                    for (int i = 0; i < ms.length; i++) {
                        long s = System.nanoTime();
                        op.call();
                        ms[i] = (System.nanoTime() - s) / 1e6;
                    }
                    return ms;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<double[]> f : futures) {
                Arrays.stream(f.get()).forEach(all::add);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            all.sort(Double::compare);
            return new Result(all.size() / seconds, all.get(all.size() / 2));
        } finally {
            pool.shutdown();
        }
    }

    public static void row(String name, Result r, Result reference) {
        String ratio = reference == null ? "" : String.format("%.0f%%", 100 * r.opsPerSecond() / reference.opsPerSecond());
        System.out.printf("%-52s %10.1f %10.1f %8s%n", name, r.opsPerSecond(), r.medianMs(), ratio);
    }
}
