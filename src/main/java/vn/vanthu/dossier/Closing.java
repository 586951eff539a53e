package vn.vanthu.dossier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.KeyInfo;
import vn.vanthu.keys.KeyService;
import vn.vanthu.keys.UnlockedKey;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.web.Role;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;
import vn.vanthu.validation.ValidationReport;
import vn.vanthu.validation.ValidationService;
import vn.vanthu.web.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closes a dossier: validates every signed item again and keeps its ETSI report, refuses (409, naming the
 * items) when one fails unless forced with a reason, then, with the seal unlocked, writes the table of contents
 * and the package files, seals them with the agency seal at level LTA, and marks the dossier CLOSED. The package's file list is stored as a
 * small manifest; {@link PackageZip} streams the ZIP from it.
 *
 * <pre>{@code Dossier closed = closing.close(clerk, id, "seal", pin, false, null);}</pre>
 */
public final class Closing {
    private static final Logger log = LoggerFactory.getLogger(Closing.class);
    static final ObjectMapper JSON = Json.MAPPER;

    private final DossierService dossiers;
    private final DossierDao dao;
    private final DocumentStore store;
    private final KeyService keys;
    private final ValidationService validation;
    private final PackageSeal seal;
    private final PackageContents contents;

    Closing(DossierService dossiers, DossierDao dao, DocumentStore store, KeyService keys, ValidationService validation,
            vn.vanthu.signing.SigningService signing) {
        this.dossiers = dossiers;
        this.dao = dao;
        this.store = store;
        this.keys = keys;
        this.validation = validation;
        this.seal = new PackageSeal(signing, store);
        this.contents = new PackageContents(store);
    }

    public Dossier close(User caller, RequestOrigin origin, String id, String keyId, String pin, boolean force,
                         String reason) {
        Dossier d = dossiers.get(id);
        if (!d.isOpen()) {
            throw ApiException.conflict("DOSSIER_NOT_OPEN", "Dossier " + id + " is already " + d.status());
        }
        requireCloser(caller, d);
        String forcedReason = force ? reason(reason) : null;
        List<Dossier.Item> items = dossiers.items(id);
        if (items.isEmpty()) {
            throw ApiException.conflict("DOSSIER_EMPTY", "An empty dossier cannot be closed; file its documents first");
        }
        // Validation first, without the key: a shared seal (often on an HSM) is held only for the sealing itself.
        long t0 = System.nanoTime();
        Map<String, ValidationReport> reports = new LinkedHashMap<>();
        List<Dossier.Item> checked = validate(items, reports);
        List<Dossier.Item> failing = checked.stream()
                .filter(i -> i.signaturesCount() > 0 && (i.verdict() == null || !i.verdict().passed())).toList();
        if (!failing.isEmpty() && !force) {
            throw refusal(failing);
        }
        long t1 = System.nanoTime();
        try (UnlockedKey key = keys.unlock(caller, keyId, pin)) {
            if (!KeyInfo.AGENCY_SEAL.equals(key.info().owner())) {
                throw ApiException.unprocessable("NOT_A_SEAL", "A dossier is sealed with the agency seal, not a personal key", "keyId");
            }
            long t2 = System.nanoTime();
            OffsetDateTime now = dossiers.now();
            String endDate = checked.stream().map(Dossier.Item::documentDate).max(String::compareTo).orElseThrow();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < checked.size(); i++) {
                names.add(SafeNames.numbered(i + 1, checked.get(i).fileName()));
            }
            var closed = new PackageContents.Closed(d, checked, names, reports, dossiers.history(id),
                    dossiers.agency().name(), dossiers.names(d, caller.id()), caller.id(), now, forcedReason, key.chain().get(0).getSubjectX500Principal().getName(),
                    endDate, TableOfContents.pdf(d, checked, dossiers.agency().name()));
            List<PackageEntry> entries = contents.write(closed);
            long t3 = System.nanoTime();
            byte[] sealXml = seal.seal(entries, key);
            long t4 = System.nanoTime();
            String sealSha = store.put(new ByteArrayInputStream(sealXml), "application/xml").sha256();
            String manifest = store.put(new ByteArrayInputStream(manifest(entries)), "application/json").sha256();
            dao.markClosed(d, checked, endDate, forcedReason, sealSha, manifest, PackageSeal.newestStampExpiry(sealXml),
                    caller.id(), AuditLog.Entry.ofChange(origin, "DOSSIER_CLOSE", d.id(),
                            forcedReason == null ? d.fileCode() : "forced: " + forcedReason));
            log.info("Closed dossier {} ({} items, {} signed, {} package files) in {} ms: validation {} ms, key {} ms, "
                            + "table of contents and metadata {} ms, seal {} ms, recording {} ms", d.fileCode(), checked.size(),
                    reports.size(), entries.size(), ms(t0, System.nanoTime()), ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4),
                    ms(t4, System.nanoTime()));
            return dossiers.get(id);
        }
    }

    /** Validates the signed items, one per CPU at a time; unsigned ones keep what filing found. */
    private List<Dossier.Item> validate(List<Dossier.Item> items, Map<String, ValidationReport> reports) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<Checked>> futures = new ArrayList<>();
            for (Dossier.Item item : items) {
                futures.add(item.signaturesCount() == 0 ? null : pool.submit(() -> check(item)));
            }
            List<Dossier.Item> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (futures.get(i) == null) {
                    out.add(items.get(i));
                    continue;
                }
                Checked c = futures.get(i).get();
                reports.put(c.item().id(), c.report());
                out.add(c.item());
            }
            return out;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Closing was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private record Checked(Dossier.Item item, ValidationReport report) {}

    private Checked check(Dossier.Item i) {
        var outcome = validation.validate(new ValidationService.Request(i.fileName(), store.readAllBytes(i.sha256()),
                List.of(), null, Set.of(), null));
        String report = store.put(new ByteArrayInputStream(outcome.etsiReport()), "application/xml").sha256();
        ValidationReport r = outcome.report();
        return new Checked(new Dossier.Item(i.id(), i.dossierId(), i.kind(), i.dispatchId(), i.sha256(), i.fileName(),
                i.mediaType(), i.size(), i.pageCount(), i.numberSymbol(), i.documentDate(), i.issuingOrgan(),
                i.documentType(), i.subject(), r.signaturesCount(), Verdict.of(r), report, i.filedBy(), i.filedAt()), r);
    }

    private static ApiException refusal(List<Dossier.Item> failing) {
        List<Map<String, Object>> list = failing.stream().map(i -> Map.<String, Object>of("itemId", i.id(),
                "fileName", i.fileName(), "verdict", String.valueOf(Verdict.text(i.verdict())))).toList();
        StringBuilder names = new StringBuilder();
        for (Dossier.Item i : failing) {
            names.append(names.length() == 0 ? "" : "; ").append(i.fileName()).append(" (").append(Verdict.text(i.verdict())).append(')');
        }
        return ApiException.conflict("ITEMS_FAIL_VALIDATION", failing.size() + " item(s) fail validation: " + names
                + ". Remove them, or close with force=true and a reason.").withDetails(Map.of("failingItems", list));
    }

    /** Closing is for a clerk: the responsible user when that is a clerk, else any clerk. */
    private void requireCloser(User caller, Dossier d) {
        boolean responsibleIsClerk = dossiers.userHas(d.responsibleUserId(), Role.CLERK);
        if (responsibleIsClerk && !caller.id().equals(d.responsibleUserId())) {
            throw ApiException.forbidden("NOT_RESPONSIBLE", "Only the dossier's responsible clerk may close it");
        }
    }

    /** The longest reason of a forced close (the column holds 1000). */
    static final int REASON = 1000;

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("REASON_REQUIRED", "Closing with force=true needs a reason, which is recorded", "reason");
        }
        if (reason.length() > REASON) {
            throw ApiException.badRequest("TOO_LONG", "reason may have at most " + REASON + " characters", "reason");
        }
        return reason.trim();
    }

    static byte[] manifest(List<PackageEntry> entries) {
        try {
            return JSON.writeValueAsBytes(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<PackageEntry> manifest(byte[] json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
