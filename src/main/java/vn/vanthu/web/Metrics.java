package vn.vanthu.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latencies by route and status, in Prometheus text format.
 * Latencies are a histogram with fixed buckets (seconds), so several instances can be summed.
 */
final class Metrics {
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private record Key(String method, String route, int status) {}

    private static final class Series {
        final LongAdder count = new LongAdder();
        final LongAdder sumMicros = new LongAdder();
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];

        Series() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }

    private final Map<Key, Series> series = new ConcurrentHashMap<>();

    void record(String method, String route, int status, long nanos) {
        Series s = series.computeIfAbsent(new Key(method, route, status), k -> new Series());
        double seconds = nanos / 1e9;
        s.count.increment();
        s.sumMicros.add(nanos / 1000);
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                s.buckets[i].increment();
            }
        }
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP vanthu_http_requests_total HTTP requests by route and status.\n");
        out.append("# TYPE vanthu_http_requests_total counter\n");
        series.forEach((k, s) -> out.append("vanthu_http_requests_total").append(labels(k, null))
                .append(' ').append(s.count.sum()).append('\n'));
        out.append("# HELP vanthu_http_request_duration_seconds HTTP request latency by route and status.\n");
        out.append("# TYPE vanthu_http_request_duration_seconds histogram\n");
        series.forEach((k, s) -> {
            String name = "vanthu_http_request_duration_seconds";
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append(name).append("_bucket").append(labels(k, Double.toString(BUCKETS[i])))
                        .append(' ').append(s.buckets[i].sum()).append('\n');
            }
            out.append(name).append("_bucket").append(labels(k, "+Inf")).append(' ').append(s.count.sum()).append('\n');
            out.append(name).append("_sum").append(labels(k, null)).append(' ')
                    .append(s.sumMicros.sum() / 1e6).append('\n');
            out.append(name).append("_count").append(labels(k, null)).append(' ').append(s.count.sum()).append('\n');
        });
        Runtime rt = Runtime.getRuntime();
        out.append("# TYPE vanthu_jvm_heap_used_bytes gauge\n");
        out.append("vanthu_jvm_heap_used_bytes ").append(rt.totalMemory() - rt.freeMemory()).append('\n');
        return out.toString();
    }

    private static String labels(Key k, String le) {
        String base = "{method=\"" + k.method() + "\",route=\"" + k.route().replace("\"", "") + "\",status=\"" + k.status() + "\"";
        return (le == null ? base : base + ",le=\"" + le + "\"") + "}";
    }
}
