package vn.vanthu.digitization;

import vn.vanthu.error.ApiException;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.User;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Bulk digitization of a paper dossier: a ZIP of scans and a CSV with one row per document. Everything is checked
 * before the job starts (the archive, the CSV, that rows and scans match one to one, every scan against the rules,
 * the pages of all documents within the limit of one digitization); then one job OCRs every document, and they
 * are recorded together when all have succeeded. With a dossier, they are then filed into it together, with
 * each row's metadata and the origin DIGITIZED, or (the dossier closed meanwhile) none is and the job fails.
 *
 * <pre>{@code Batch b = batches.submit(clerk, zipFile, csvText, dossierId);   // 422 naming the row, file and page}</pre>
 */
public final class Batches {
    private final DigitizationService service;
    private final Supplier<DossierFiling> filing;

    Batches(DigitizationService service, Supplier<DossierFiling> filing) {
        this.service = service;
        this.filing = filing;
    }

    /**
     * Checks and starts the batch; with a {@code dossierId} (null: none) the dossier is checked first (it must be
     * OPEN and the caller allowed to file into it) and the documents are filed into it when the job has digitized
     * them all.
     */
    public DigitizationService.Batch submit(User user, Path zip, String csv, String dossierId) {
        List<DocumentList.Row> rows = DocumentList.parse(csv, ScanArchive.MAX_ENTRIES);
        List<PaperMetadata> metadata = new ArrayList<>();
        int pages = 0;
        for (DocumentList.Row row : rows) {
            PaperMetadata m = forRow(row, () -> row.metadata().validated(service.maxPages()));
            metadata.add(m);
            pages += m.paperPages();
        }
        if (pages > service.maxPages()) {
            throw DocumentList.refused("BATCH_TOO_MANY_PAGES", "The documents have " + pages + " pages together, more "
                    + "than the " + service.maxPages() + " one digitization job may have (VANTHU_DIGITIZATION_MAX_PAGES)");
        }
        DigitizationWork.Target target = null;
        if (dossierId != null) {
            DossierFiling f = filing.get();
            f.check(user, dossierId, metadata);
            target = new DigitizationWork.Target(f, user, dossierId);
        }
        try (ScanArchive archive = ScanArchive.open(zip)) {
            requireOneToOne(rows, archive);
            List<DigitizationService.Prepared> prepared = new ArrayList<>();
            try {
                for (int i = 0; i < rows.size(); i++) {
                    DocumentList.Row row = rows.get(i);
                    PaperMetadata m = metadata.get(i);
                    prepared.add(forRow(row, () -> service.prepare(label(row), m, List.of(archive.file(row.file()).orElseThrow()))));
                }
                return service.start(user, prepared, target);
            } catch (RuntimeException e) {
                prepared.forEach(p -> TempFiles.delete(p.input()));
                throw e;
            }
        }
    }

    private static void requireOneToOne(List<DocumentList.Row> rows, ScanArchive archive) {
        Set<String> named = new HashSet<>();
        for (DocumentList.Row row : rows) {
            if (row.file() == null || row.file().isEmpty() || archive.file(row.file()).isEmpty()) {
                throw mismatch("Line " + row.line() + " of the CSV names '" + row.file() + "', which the ZIP does not hold");
            }
            if (!named.add(row.file())) {
                throw mismatch("Line " + row.line() + " of the CSV names '" + row.file() + "' again; each scan is one document");
            }
        }
        for (String name : archive.names()) {
            if (!named.contains(name)) {
                throw mismatch("The ZIP holds '" + name + "', which no line of the CSV names");
            }
        }
    }

    private static ApiException mismatch(String message) {
        return DocumentList.refused("CSV_ROWS_DO_NOT_MATCH_SCANS", message);
    }

    private static String label(DocumentList.Row row) {
        return "Line " + row.line() + " of the CSV (" + row.file() + "): ";
    }

    /** Runs a step for one row; its refusal is told as the row's (422, the row's line and file in details). */
    private static <T> T forRow(DocumentList.Row row, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiException e) {
            if (e.status() >= 500) {
                throw e;
            }
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("line", row.line());
            where.put("file", row.file());
            if (e.details() instanceof Map<?, ?> inner) {
                inner.forEach((k, v) -> where.put(String.valueOf(k), v));
            }
            throw ApiException.unprocessable(e.code(), label(row) + e.getMessage(), e.field()).withDetails(where);
        }
    }
}
