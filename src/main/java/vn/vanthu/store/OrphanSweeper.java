package vn.vanthu.store;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Deletes stored bytes that nothing references and that were last stored ({@code touched_at}) over an hour ago:
 * an upload never used, the draft a signature replaced, the files of a request killed between storing its
 * bytes and committing the row that references them. The hour lets a request that just stored bytes commit its
 * reference; storing the same bytes again touches them, so a document about to be referenced is never swept.
 *
 * <p>Every column that holds a document's SHA-256 is listed in {@link #REFERENCES} (a test compares it with the
 * migrations). A sealed dossier's package manifest also lists documents by their hash inside its bytes.
 *
 * <pre>{@code
 * OrphanSweeper sweeper = new OrphanSweeper(db, store, clock).start(Duration.ofHours(1));
 * int deleted = sweeper.sweep();   // also on its own, every interval
 * }</pre>
 */
public final class OrphanSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);
    public static final Duration MIN_AGE = Duration.ofHours(1);
    private static final int BATCH = 500;
    private static final Pattern SHA256 = Pattern.compile("\\b[0-9a-f]{64}\\b");

    /** "table.column" of every column holding the SHA-256 of a stored document. */
    public static final List<String> REFERENCES = List.of(
            "dispatches.current_sha256", "dispatches.edxml_sha256", "dispatch_attachments.sha256",
            "dispatch_copies.sha256", "dossier_items.sha256", "dossier_items.report_sha256",
            "dossiers.seal_sha256", "dossiers.package_manifest", "digitizations.result_sha256",
            "incoming_files.sha256", "validations.document_sha256", "validations.etsi_report_sha256",
            "catalogue_approvals.pdf_sha256");
    /** Columns naming documents that do not keep them: their rows are deleted with the bytes (who uploaded what). */
    public static final List<String> OWNED = List.of("document_uploads.sha256");
    /** Columns holding JSON that names documents by hash (the two-step preparations' documents). */
    public static final List<String> JSON_REFERENCES = List.of("signing_preparations.documents");

    private static final String UNREFERENCED = REFERENCES.stream()
            .map(r -> "NOT EXISTS (SELECT 1 FROM " + table(r) + " x WHERE x." + column(r) + " = d.sha256)")
            .collect(Collectors.joining(" AND ")) + " AND " + JSON_REFERENCES.stream()
            .map(r -> "NOT EXISTS (SELECT 1 FROM " + table(r) + " x WHERE x." + column(r) + " LIKE '%' || d.sha256 || '%')")
            .collect(Collectors.joining(" AND "));

    private final Database db;
    private final DocumentStore store;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public OrphanSweeper(Database db, DocumentStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    /** Sweeps every {@code interval} (zero: never on its own). */
    public OrphanSweeper start(Duration interval) {
        if (!interval.isZero()) {
            scheduler = Daemons.every("orphan-sweeper", interval, interval, this::sweepQuietly);
        }
        return this;
    }

    private void sweepQuietly() {
        try {
            int n = sweep();
            if (n > 0) {
                log.info("Deleted {} stored documents referenced by nothing", n);
            }
        } catch (RuntimeException e) {
            log.warn("Sweeping unreferenced documents failed: {}", e.toString());
        }
    }

    /** Deletes the unreferenced documents untouched for an hour; returns how many were deleted. */
    public int sweep() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(MIN_AGE);
        int deleted = 0;
        while (true) {
            List<String> candidates = db.withHandle(h -> h.createQuery("SELECT d.sha256 FROM documents d "
                            + "WHERE d.touched_at < :cutoff AND " + UNREFERENCED + " ORDER BY d.sha256")
                    .bind("cutoff", cutoff).setMaxRows(BATCH).mapTo(String.class).list());
            if (candidates.isEmpty()) {
                return deleted;
            }
            Set<String> listed = listedInManifests();
            int before = deleted;
            for (String sha : candidates) {
                if (!listed.contains(sha) && db.inTransaction(h -> deleteIfStillOrphan(h, sha, cutoff))) {
                    deleted++;
                }
            }
            if (candidates.size() < BATCH || deleted == before) {
                return deleted;
            }
        }
    }

    /** Locks the row, checks again (a request may have referenced or stored it meanwhile), deletes chunks then row. */
    private static boolean deleteIfStillOrphan(Handle h, String sha, OffsetDateTime cutoff) {
        boolean orphan = h.createQuery("SELECT d.sha256 FROM documents d WHERE d.sha256 = :s AND d.touched_at < :cutoff AND "
                        + UNREFERENCED + " FOR UPDATE")
                .bind("s", sha).bind("cutoff", cutoff).mapTo(String.class).findOne().isPresent();
        if (!orphan) {
            return false;
        }
        for (String owned : OWNED) {
            h.createUpdate("DELETE FROM " + table(owned) + " WHERE " + column(owned) + " = :s").bind("s", sha).execute();
        }
        h.createUpdate("DELETE FROM document_chunks WHERE sha256 = :s").bind("s", sha).execute();
        h.createUpdate("DELETE FROM documents WHERE sha256 = :s").bind("s", sha).execute();
        return true;
    }

    /** The hashes a sealed dossier's package manifest lists (its bytes name every file of the package). */
    private Set<String> listedInManifests() {
        List<String> manifests = db.withHandle(h -> h.createQuery(
                "SELECT package_manifest FROM dossiers WHERE package_manifest IS NOT NULL").mapTo(String.class).list());
        Set<String> listed = new HashSet<>();
        for (String manifest : manifests) {
            Matcher m = SHA256.matcher(new String(store.readAllBytes(manifest), StandardCharsets.UTF_8));
            while (m.find()) {
                listed.add(m.group());
            }
        }
        return listed;
    }

    private static String table(String ref) {
        return ref.substring(0, ref.indexOf('.'));
    }

    private static String column(String ref) {
        return ref.substring(ref.indexOf('.') + 1);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
