package vn.vanthu.dossier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of dossiers and their items (Appendix VI names where DOMAIN.md gives them). */
final class DossierViews {
    private DossierViews() {}

    static Map<String, Object> summary(Dossier d, Dossier.Totals totals, java.time.LocalDate deadline) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("fileCode", d.fileCode());
        m.put("year", d.year());
        m.put("symbol", d.symbol());
        m.put("title", d.title());
        m.put("maintenance", d.retention());
        m.put("maintenanceLabel", Retention.label(d.retention()));
        m.put("rights", d.rights());
        m.put("language", DossierXml.language(d));
        m.put("category", d.category().name());
        m.put("startDate", d.startDate());
        m.put("endDate", d.endDate());
        m.put("docTotal", totals.documents());
        m.put("pageTotal", totals.pages());
        m.put("keyword", d.keyword());
        m.put("description", d.description());
        m.put("responsibleUserId", d.responsibleUserId());
        m.put("status", d.status().name());
        m.put("createdBy", d.createdBy());
        m.put("createdAt", d.createdAt());
        m.put("closedAt", d.closedAt());
        m.put("forcedReason", d.forcedReason());
        m.put("submittedAt", d.submittedAt());
        m.put("submissionDeadline", deadline == null ? null : deadline.toString());
        m.put("newestTimestampCertificateExpiry", d.newestStampExpiry());
        return m;
    }

    static Map<String, Object> detail(Dossier d, List<Dossier.Item> items, java.time.LocalDate deadline,
                                      List<Dossier.Event> history) {
        Map<String, Object> m = summary(d, Dossier.Totals.of(items), deadline);
        m.put("items", items.stream().map(DossierViews::item).toList());
        m.put("history", history);
        return m;
    }

    static Map<String, Object> item(Dossier.Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("kind", i.kind());
        m.put("dispatchId", i.dispatchId());
        m.put("fileName", i.fileName());
        m.put("sha256", i.sha256());
        m.put("mediaType", i.mediaType());
        m.put("size", i.size());
        m.put("pageCount", i.pageCount());
        m.put("numberSymbol", i.numberSymbol());
        m.put("documentDate", i.documentDate());
        m.put("issuingOrgan", i.issuingOrgan());
        m.put("documentType", i.documentType());
        m.put("subject", i.subject());
        m.put("signaturesCount", i.signaturesCount());
        m.put("verdict", Verdict.text(i.verdict()));
        m.put("filedBy", i.filedBy());
        m.put("filedAt", i.filedAt());
        return m;
    }
}
