package vn.vanthu.dossier;

import vn.vanthu.time.VietnamTime;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dossier and document metadata of Appendix VI / Circular 05/2025 as XML elements, written into the current
 * element: the package's descriptive metadata files and {@code export.xml} share them. People are named by
 * their name with their id alongside ({@code Creator}, {@code CreatorId}); StartDate and EndDate are the dates of
 * the earliest and the latest document; DocTotal counts documents (an appendix belongs to its document and
 * shares its DocOrdinal).
 *
 * <pre>{@code DossierXml.dossier(x, d, items, agencyName, names, closedAt, closedBy, null);}</pre>
 */
final class DossierXml {
    static final String LANGUAGE = "Tiếng Việt";

    private DossierXml() {}

    /** The names of the people the metadata mentions (the id when a user is unknown). */
    record Names(String creator, String responsible, String closedBy) {}

    static void dossier(XmlOut x, Dossier d, List<Dossier.Item> items, String agencyName, Names names,
                        OffsetDateTime closedAt, String closedBy, String forcedReason) {
        boolean closed = closedAt != null;
        String status = closed && d.status() == Dossier.Status.OPEN ? Dossier.Status.CLOSED.name() : d.status().name();
        x.leaf("FileCode", d.fileCode())
                .leaf("OrganId", d.fileCode().substring(0, d.fileCode().length() - (d.year() + "." + d.symbol()).length() - 1))
                .leaf("OrganName", agencyName)
                .leaf("FileCatalog", d.year()).leaf("FileNotation", d.symbol()).leaf("Title", d.title())
                .leaf("Maintenance", Retention.label(d.retention())).leaf("MaintenanceCode", Retention.code(d.retention()))
                .leaf("Rights", d.rights()).leaf("RightsCode", rightsCode(d))
                .leaf("Creator", names.creator()).leaf("CreatorId", d.createdBy())
                .leaf("Responsible", names.responsible()).leaf("ResponsibleId", d.responsibleUserId())
                .leaf("Language", language(d))
                .leaf("StartDate", startDate(d, items)).leaf("EndDate", endDate(items))
                .leaf("DocTotal", documentCount(items))
                .leaf("PageTotal", items.stream().mapToInt(Dossier.Item::pageCount).sum())
                .leaf("Keyword", d.keyword()).leaf("Description", d.description()).leaf("Category", d.category())
                .leaf("Origin", "01").leaf("Status", status)
                .leaf("ClosedDate", closed ? VietnamTime.at(closedAt.toInstant()).toLocalDate().toString() : null)
                .leaf("ClosedAt", closed ? PackageContents.iso(closedAt) : null)
                .leaf("ClosedBy", closed ? names.closedBy() : null).leaf("ClosedById", closedBy)
                .leaf("ForcedReason", forcedReason);
    }

    /** One Document element per item; {@code paths} are the items' names inside the package, or null. */
    static void documents(XmlOut x, Dossier d, List<Dossier.Item> items, List<String> paths) {
        List<Integer> ordinals = ordinals(items);
        for (int i = 0; i < items.size(); i++) {
            Dossier.Item it = items.get(i);
            x.open("Document").attr("ordinal", i + 1)
                    .leaf("FileCode", d.fileCode()).leaf("DocOrdinal", ordinals.get(i)).leaf("Kind", it.kind())
                    .leaf("Appendix", appendix(it))
                    .leaf("TypeName", it.documentType()).leaf("CodeNumber", codeNumber(it.numberSymbol()))
                    .leaf("CodeNotation", codeNotation(it.numberSymbol())).leaf("IssuedDate", it.documentDate())
                    .leaf("OrganName", it.issuingOrgan()).leaf("Subject", it.subject()).leaf("Language", language(d))
                    .leaf("PageAmount", it.pageCount())
                    .leaf("Keyword", d.keyword() == null || d.keyword().isBlank() ? it.documentType() : d.keyword())
                    .leaf("Mode", rightsCode(d))
                    .leaf("ConfidenceLevel", it.signaturesCount() > 0 && it.verdict() != null && it.verdict().passed() ? "01" : "02")
                    .leaf("Format", it.mediaType())
                    .leaf("InforSign", it.signaturesCount() == 0 ? "Không có chữ ký số"
                            : it.signaturesCount() + " chữ ký số: " + Verdict.text(it.verdict()))
                    .leaf("OriginalName", it.fileName())
                    .leaf("Path", paths == null ? null : PackageEntry.DATA + paths.get(i)).leaf("Sha256", it.sha256())
                    .leaf("Signatures", it.signaturesCount()).leaf("Verdict", Verdict.text(it.verdict()))
                    .close();
        }
    }

    /** An appendix filed with its dispatch: it belongs to that document and is not counted on its own. */
    static boolean appendix(Dossier.Item it) {
        return "APPENDIX".equals(it.kind()) || ("DISPATCH".equals(it.kind()) && "Phụ lục".equals(it.documentType()));
    }

    /**
     * The document ordinal of each item in dossier order: each document counts once; the items of one dispatch
     * (the document and its appendices) share one ordinal.
     */
    static List<Integer> ordinals(List<Dossier.Item> items) {
        Map<String, Integer> byDocument = new LinkedHashMap<>();
        List<Integer> out = new ArrayList<>();
        for (Dossier.Item it : items) {
            String key = it.dispatchId() != null ? "dispatch:" + it.dispatchId() : "item:" + it.id();
            out.add(byDocument.computeIfAbsent(key, k -> byDocument.size() + 1));
        }
        return out;
    }

    static int documentCount(List<Dossier.Item> items) {
        return ordinals(items).stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The earliest document's date; the dossier's start date while it holds none. */
    static String startDate(Dossier d, List<Dossier.Item> items) {
        return items.stream().map(Dossier.Item::documentDate).filter(java.util.Objects::nonNull).min(String::compareTo)
                .orElse(d.startDate());
    }

    static String endDate(List<Dossier.Item> items) {
        return items.stream().map(Dossier.Item::documentDate).filter(java.util.Objects::nonNull).max(String::compareTo).orElse(null);
    }

    /** "Tiếng Việt" for the language code vi (the default), else what the dossier says. */
    static String language(Dossier d) {
        String l = d.language();
        return l == null || l.isBlank() || l.equalsIgnoreCase("vi") || l.equalsIgnoreCase("vie") ? LANGUAGE : l;
    }

    private static String rightsCode(Dossier d) {
        return switch (d.rights()) {
            case "PUBLIC" -> "01";
            case "CONDITIONAL" -> "02";
            default -> "03";
        };
    }

    private static String codeNumber(String numberSymbol) {
        return numberSymbol == null || !numberSymbol.contains("/") ? numberSymbol : numberSymbol.substring(0, numberSymbol.indexOf('/'));
    }

    private static String codeNotation(String numberSymbol) {
        return numberSymbol == null || !numberSymbol.contains("/") ? null : numberSymbol.substring(numberSymbol.indexOf('/') + 1);
    }
}
