package vn.vanthu.validation;

import java.time.Clock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.vanthu.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Hashes;
import vn.vanthu.web.Json;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every validation in one row of {@code validations}: the summary answered to the caller, who asked and
 * when, and the ETSI validation report XML with its SHA-256 (re-checked on every read).
 *
 * <pre>{@code store.save(outcome, user.id()); Optional<Stored> s = store.find(id);}</pre>
 */
public final class ValidationStore {
    /** One stored validation. {@code summary} is the report as answered (raw reports removed). */
    public record Stored(long seq, String id, OffsetDateTime requestedAt, String requestedBy, JsonNode summary,
                         String etsiReportSha256) {}

    /** A page of stored validations, newest first. */
    public record Page(List<Stored> items, Long nextCursor) {}

    private static final Logger log = LoggerFactory.getLogger(ValidationStore.class);
    private final ValidationDao dao;
    private final Clock clock;

    public ValidationStore(Database db, Clock clock) {
        this.dao = new ValidationDao(db);
        this.clock = clock;
    }

    public void save(ValidationService.Outcome outcome, String userId) {
        ValidationReport r = outcome.report().withReports(Map.of());
        String etsiSha = Hashes.sha256Hex(outcome.etsiReport());
        byte[] summary;
        try {
            summary = Json.MAPPER.writeValueAsBytes(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        dao.insert(r, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), userId, truncate(r.documentName(), 500), summary,
                outcome.etsiReport(), etsiSha);
    }

    public Optional<Stored> find(String id) {
        return dao.find(id);
    }

    public Page list(int limit, Long cursor) {
        List<Stored> rows = dao.list(limit + 1, cursor);
        Long next = rows.size() > limit ? rows.get(limit - 1).seq() : null;
        return new Page(rows.subList(0, Math.min(limit, rows.size())), next);
    }

    /** The ETSI report XML, re-verified against its hash: a row whose report no longer matches is never served. */
    public String etsiReport(Stored s) {
        byte[] xml = dao.etsiReport(s.id());
        if (!Hashes.sha256Hex(xml).equals(s.etsiReportSha256())) {
            log.error("Stored ETSI report of validation {} fails its SHA-256 check", s.id());
            throw new ApiException(500, "STORED_REPORT_CORRUPTED",
                    "The stored report of validation " + s.id() + " failed its integrity check and was not served", null);
        }
        return new String(xml, StandardCharsets.UTF_8);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static ObjectNode withRequester(Stored s) {
        ObjectNode node = ((ObjectNode) s.summary().deepCopy());
        node.remove("reports");
        node.put("requestedBy", s.requestedBy());
        node.put("requestedAt", s.requestedAt().toString());
        return node;
    }
}
