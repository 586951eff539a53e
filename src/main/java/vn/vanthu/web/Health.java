package vn.vanthu.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /health}: each named check reports UP, WARN or DOWN with details. The service is DOWN (HTTP 503) when any
 * check is, WARN (HTTP 200: it works, someone must act soon, e.g. a trust anchor expires within 30 days) when any
 * check warns, else UP. Fixed facts about the running service (its profile) stand beside the overall status.
 *
 * <pre>{@code health.fact("profile", "dev").add("database", () -> Health.Check.of(db.isUsable(), Map.of()));}</pre>
 */
public final class Health {
    /** A check's state, from best to worst. */
    public enum Status { UP, WARN, DOWN }

    /** One check's result. */
    public record Check(Status status, Map<String, Object> details) {
        public static Check of(boolean up, Map<String, Object> details) {
            return new Check(up ? Status.UP : Status.DOWN, details);
        }

        public boolean up() {
            return status != Status.DOWN;
        }
    }

    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Supplier<Check>> checks = new LinkedHashMap<>();

    /** A field of the report that does not change while the service runs, shown after {@code status}. */
    public Health fact(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    public Health add(String name, Supplier<Check> check) {
        checks.put(name, check);
        return this;
    }

    Map<String, Object> report() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        Status overall = Status.UP;
        for (var e : checks.entrySet()) {
            Check c;
            try {
                c = e.getValue().get();
            } catch (RuntimeException ex) {
                c = Check.of(false, Map.of("error", "check failed"));
            }
            overall = c.status().compareTo(overall) > 0 ? c.status() : overall;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("status", c.status().name());
            r.putAll(c.details());
            results.put(e.getKey(), r);
        }
        out.put("status", overall.name());
        out.putAll(facts);
        out.put("checks", results);
        return out;
    }
}
