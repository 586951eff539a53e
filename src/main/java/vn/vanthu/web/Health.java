package vn.vanthu.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /health}: each named check reports UP or DOWN with details; the service is UP only when all are. Fixed
 * facts about the running service (its profile) stand beside the overall status.
 *
 * <pre>{@code health.fact("profile", "dev").add("database", () -> Health.Check.of(db.isUsable(), Map.of()));}</pre>
 */
public final class Health {
    /** One check's result. */
    public record Check(boolean up, Map<String, Object> details) {
        public static Check of(boolean up, Map<String, Object> details) {
            return new Check(up, details);
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
        boolean allUp = true;
        for (var e : checks.entrySet()) {
            Check c;
            try {
                c = e.getValue().get();
            } catch (RuntimeException ex) {
                c = Check.of(false, Map.of("error", "check failed"));
            }
            allUp &= c.up();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("status", c.up() ? "UP" : "DOWN");
            r.putAll(c.details());
            results.put(e.getKey(), r);
        }
        out.put("status", allUp ? "UP" : "DOWN");
        out.putAll(facts);
        out.put("checks", results);
        return out;
    }
}
