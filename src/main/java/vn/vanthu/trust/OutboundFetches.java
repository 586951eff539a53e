package vn.vanthu.trust;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of outbound fetches by kind and outcome (fetched, refused, failed) and the bytes and time spent, in
 * Prometheus text format for {@code /metrics}.
 *
 * <pre>{@code String lines = fetches.render();   // vanthu_outbound_fetches_total{kind="CRL",outcome="refused"} 3}</pre>
 */
public final class OutboundFetches {
    private enum Outcome { FETCHED, REFUSED, FAILED }

    private final Map<OutboundPolicy.Kind, Map<Outcome, LongAdder>> counts = new EnumMap<>(OutboundPolicy.Kind.class);
    private final LongAdder bytes = new LongAdder();
    private final LongAdder millis = new LongAdder();

    public OutboundFetches() {
        for (OutboundPolicy.Kind k : OutboundPolicy.Kind.values()) {
            Map<Outcome, LongAdder> m = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                m.put(o, new LongAdder());
            }
            counts.put(k, m);
        }
    }

    void fetched(OutboundPolicy.Kind kind, long size, long ms) {
        counts.get(kind).get(Outcome.FETCHED).increment();
        bytes.add(size);
        millis.add(ms);
    }

    void refused(OutboundPolicy.Kind kind) {
        counts.get(kind).get(Outcome.REFUSED).increment();
    }

    void failed(OutboundPolicy.Kind kind) {
        counts.get(kind).get(Outcome.FAILED).increment();
    }

    public long count(OutboundPolicy.Kind kind, String outcome) {
        return counts.get(kind).get(Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT))).sum();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP vanthu_outbound_fetches_total Outbound fetches (CRL, OCSP, certificates, timestamps) by outcome.\n");
        out.append("# TYPE vanthu_outbound_fetches_total counter\n");
        counts.forEach((k, m) -> m.forEach((o, n) -> out.append("vanthu_outbound_fetches_total{kind=\"").append(k)
                .append("\",outcome=\"").append(o.name().toLowerCase(java.util.Locale.ROOT)).append("\"} ")
                .append(n.sum()).append('\n')));
        out.append("# TYPE vanthu_outbound_fetch_bytes_total counter\nvanthu_outbound_fetch_bytes_total ")
                .append(bytes.sum()).append('\n');
        out.append("# TYPE vanthu_outbound_fetch_seconds_total counter\nvanthu_outbound_fetch_seconds_total ")
                .append(millis.sum() / 1000.0).append('\n');
        return out.toString();
    }
}
