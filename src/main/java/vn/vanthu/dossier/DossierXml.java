package vn.vanthu.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The dossier and document metadata of Appendix VI / Circular 05/2025 as XML elements, written into the current
 * element: the package's descriptive metadata files and {@code export.xml} share them.
 */
final class DossierXml {
    private DossierXml() {}

    static void dossier(XmlOut x, Dossier d, List<Dossier.Item> items, String agencyName, String endDate,
                        OffsetDateTime closedAt, String closedBy, String forcedReason) {
        x.leaf("FileCode", d.fileCode())
                .leaf("OrganId", d.fileCode().substring(0, d.fileCode().length() - (d.year() + "." + d.symbol()).length() - 1))
                .leaf("FileCatalog", d.year()).leaf("FileNotation", d.symbol()).leaf("Title", d.title())
                .leaf("Maintenance", Retention.label(d.retention())).leaf("MaintenanceCode", Retention.code(d.retention()))
                .leaf("Rights", d.rights()).leaf("RightsCode", switch (d.rights()) {
                    case "PUBLIC" -> "01";
                    case "CONDITIONAL" -> "02";
                    default -> "03";
                })
                .leaf("Creator", agencyName).leaf("Responsible", d.responsibleUserId()).leaf("Language", d.language())
                .leaf("StartDate", d.startDate()).leaf("EndDate", endDate).leaf("DocTotal", items.size())
                .leaf("PageTotal", items.stream().mapToInt(Dossier.Item::pageCount).sum())
                .leaf("Keyword", d.keyword()).leaf("Description", d.description()).leaf("Category", d.category())
                .leaf("Origin", "01").leaf("Status", d.status())
                .leaf("ClosedAt", closedAt == null ? null : PackageContents.iso(closedAt))
                .leaf("ClosedBy", closedBy).leaf("ForcedReason", forcedReason);
    }

    /** One Document element per item; {@code paths} are the items' names inside the package, or null. */
    static void documents(XmlOut x, Dossier d, List<Dossier.Item> items, List<String> paths) {
        for (int i = 0; i < items.size(); i++) {
            Dossier.Item it = items.get(i);
            x.open("Document").attr("ordinal", i + 1)
                    .leaf("FileCode", d.fileCode()).leaf("DocOrdinal", i + 1).leaf("Kind", it.kind())
                    .leaf("TypeName", it.documentType()).leaf("CodeNumber", codeNumber(it.numberSymbol()))
                    .leaf("CodeNotation", codeNotation(it.numberSymbol())).leaf("IssuedDate", it.documentDate())
                    .leaf("OrganName", it.issuingOrgan()).leaf("Subject", it.subject()).leaf("Language", d.language())
                    .leaf("PageAmount", it.pageCount()).leaf("OriginalName", it.fileName())
                    .leaf("Path", paths == null ? null : PackageEntry.DATA + paths.get(i)).leaf("Sha256", it.sha256())
                    .leaf("Signatures", it.signaturesCount()).leaf("Verdict", Verdict.text(it.verdict()))
                    .close();
        }
    }

    private static String codeNumber(String numberSymbol) {
        return numberSymbol == null || !numberSymbol.contains("/") ? numberSymbol : numberSymbol.substring(0, numberSymbol.indexOf('/'));
    }

    private static String codeNotation(String numberSymbol) {
        return numberSymbol == null || !numberSymbol.contains("/") ? null : numberSymbol.substring(numberSymbol.indexOf('/') + 1);
    }
}
