package vn.vanthu.dossier;

import vn.vanthu.store.DocumentStore;
import vn.vanthu.validation.ValidationReport;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the files an archival package holds besides the documents, as E-ARK CSIP lays them out: the dossier
 * and document metadata (Appendix VI / Circular 05/2025 fields) under {@code metadata/descriptive/}, PREMIS 3
 * events under {@code metadata/preservation/}, the validation reports, the table of contents under
 * {@code documentation/}, and {@code METS.xml} listing every file with its SHA-256. Each file goes to the
 * document store; the answer is the package's file list in ZIP order (the seal comes later).
 */
final class PackageContents {
    static final String METS_NS = "http://www.loc.gov/METS/";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    static final String PREMIS_NS = "http://www.loc.gov/premis/v3";
    static final String VANTHU_NS = "urn:vanthu:dossier:1";
    private static final String XML = "application/xml";

    /** What closing knows: the dossier, its items with their package names, the reports, who closed and how. */
    record Closed(Dossier dossier, List<Dossier.Item> items, List<String> dataNames, Map<String, ValidationReport> reports,
                  List<Dossier.Event> history, String agencyName, DossierXml.Names names, String closedBy, OffsetDateTime closedAt,
                  String forcedReason, String sealSubject, String endDate, byte[] tableOfContents) {}

    private final DocumentStore store;

    PackageContents(DocumentStore store) {
        this.store = store;
    }

    List<PackageEntry> write(Closed c) {
        List<PackageEntry> files = new ArrayList<>();
        files.add(put("metadata/descriptive/dossier.xml", dossierXml(c), XML));
        files.add(put("metadata/descriptive/documents.xml", documentsXml(c), XML));
        files.add(put("metadata/preservation/premis.xml", premisXml(c), XML));
        for (int i = 0; i < c.items().size(); i++) {
            Dossier.Item item = c.items().get(i);
            if (item.reportSha256() != null) {
                files.add(entry(reportName(c, i), item.reportSha256(), XML));
            }
        }
        files.add(put("documentation/muc-luc-van-ban.pdf", c.tableOfContents(), "application/pdf"));
        for (int i = 0; i < c.items().size(); i++) {
            Dossier.Item item = c.items().get(i);
            files.add(new PackageEntry(PackageEntry.DATA + c.dataNames().get(i), item.sha256(), item.size(), item.mediaType()));
        }
        List<PackageEntry> all = new ArrayList<>();
        all.add(put(PackageEntry.METS, metsXml(c, files), XML));
        all.addAll(files);
        return all;
    }

    static String reportName(Closed c, int i) {
        String data = c.dataNames().get(i);
        return "metadata/preservation/validation/" + data.substring(0, Math.min(4, data.length())) + "-report.xml";
    }

    private PackageEntry put(String name, byte[] bytes, String mediaType) {
        var doc = store.put(new ByteArrayInputStream(bytes), mediaType);
        return new PackageEntry(name, doc.sha256(), doc.size(), mediaType);
    }

    private PackageEntry entry(String name, String sha, String mediaType) {
        var doc = store.find(sha).orElseThrow();
        return new PackageEntry(name, sha, doc.size(), mediaType);
    }

    private static byte[] dossierXml(Closed c) {
        XmlOut x = new XmlOut(VANTHU_NS, "Dossier");
        DossierXml.dossier(x, c.dossier(), c.items(), c.agencyName(), c.names(), c.closedAt(), c.closedBy(), c.forcedReason());
        return x.finish();
    }

    private static byte[] documentsXml(Closed c) {
        XmlOut x = new XmlOut(VANTHU_NS, "Documents");
        DossierXml.documents(x, c.dossier(), c.items(), c.dataNames());
        return x.finish();
    }

    private static byte[] premisXml(Closed c) {
        XmlOut x = new XmlOut(PREMIS_NS, "premis", "xsi", "http://www.w3.org/2001/XMLSchema-instance").attr("version", "3.0");
        for (int i = 0; i < c.items().size(); i++) {
            Dossier.Item it = c.items().get(i);
            x.open("object").attr("xsi", "http://www.w3.org/2001/XMLSchema-instance", "type", "file")
                    .open("objectIdentifier").leaf("objectIdentifierType", "local")
                    .leaf("objectIdentifierValue", PackageEntry.DATA + c.dataNames().get(i)).close()
                    .open("objectCharacteristics").open("fixity").leaf("messageDigestAlgorithm", "SHA-256")
                    .leaf("messageDigest", it.sha256()).close().leaf("size", it.size())
                    .open("format").open("formatDesignation").leaf("formatName", it.mediaType()).close().close()
                    .close().leaf("originalName", it.fileName()).close();
        }
        c.history().stream().filter(e -> e.action().equals("CREATED")).findFirst().ifPresent(e ->
                event(x, "creation", e.at(), "Dossier opened: " + c.dossier().fileCode(), null, e.userId(), null));
        for (int i = 0; i < c.items().size(); i++) {
            ValidationReport r = c.reports().get(c.items().get(i).id());
            String object = PackageEntry.DATA + c.dataNames().get(i);
            if (r == null) {
                continue;
            }
            for (ValidationReport.Signature s : r.signatures()) {
                OffsetDateTime when = (s.bestSignatureTime() != null ? s.bestSignatureTime() : s.claimedSigningTime())
                        .atOffset(java.time.ZoneOffset.UTC);
                event(x, "digital signature generation", when, s.format() + " signature by " + s.signedBy(), null, null, object);
            }
            event(x, "digital signature validation", c.closedAt(), "ETSI EN 319 102-1 validation at closing",
                    Verdict.text(Verdict.of(r)), c.closedBy(), object);
        }
        event(x, "information package creation", c.closedAt(), c.forcedReason() == null ? "Dossier closed"
                : "Dossier closed despite failing items: " + c.forcedReason(), "CLOSED", c.closedBy(), null);
        event(x, "digital signature generation", c.closedAt(), "Package sealed (XAdES-BASELINE-LTA) by " + c.sealSubject(),
                null, c.closedBy(), PackageEntry.METS);
        x.open("agent").open("agentIdentifier").leaf("agentIdentifierType", "local").leaf("agentIdentifierValue", "agency")
                .close().leaf("agentName", c.agencyName()).leaf("agentType", "organization").close();
        x.open("agent").open("agentIdentifier").leaf("agentIdentifierType", "local").leaf("agentIdentifierValue", "vanthu")
                .close().leaf("agentName", "vanthu").leaf("agentType", "software").close();
        x.open("agent").open("agentIdentifier").leaf("agentIdentifierType", "certificate")
                .leaf("agentIdentifierValue", c.sealSubject()).close().leaf("agentName", "Agency seal").leaf("agentType", "organization").close();
        return x.finish();
    }

    private static void event(XmlOut x, String type, OffsetDateTime at, String detail, String outcome, String user, String object) {
        x.open("event").open("eventIdentifier").leaf("eventIdentifierType", "UUID")
                .leaf("eventIdentifierValue", UUID.randomUUID().toString()).close()
                .leaf("eventType", type).leaf("eventDateTime", iso(at))
                .open("eventDetailInformation").leaf("eventDetail", detail).close();
        if (outcome != null) {
            x.open("eventOutcomeInformation").leaf("eventOutcome", outcome).close();
        }
        x.open("linkingAgentIdentifier").leaf("linkingAgentIdentifierType", "local")
                .leaf("linkingAgentIdentifierValue", user == null ? "agency" : user).close();
        if (object != null) {
            x.open("linkingObjectIdentifier").leaf("linkingObjectIdentifierType", "local")
                    .leaf("linkingObjectIdentifierValue", object).close();
        }
        x.close();
    }

    private static byte[] metsXml(Closed c, List<PackageEntry> files) {
        Dossier d = c.dossier();
        XmlOut x = new XmlOut(METS_NS, "mets", "xlink", XLINK, "csip", CSIP)
                .attr("OBJID", d.fileCode()).attr("LABEL", d.title()).attr("TYPE", "Mixed")
                .attr("csip", CSIP, "CONTENTINFORMATIONTYPE", "MIXED")
                .attr("PROFILE", "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml");
        x.open("metsHdr").attr("CREATEDATE", iso(c.closedAt())).attr("RECORDSTATUS", "NEW")
                .attr("csip", CSIP, "OAISPACKAGETYPE", "AIP")
                .open("agent").attr("ROLE", "CREATOR").attr("TYPE", "ORGANIZATION").leaf("name", c.agencyName()).close()
                .open("agent").attr("ROLE", "CREATOR").attr("TYPE", "OTHER").attr("OTHERTYPE", "SOFTWARE").leaf("name", "vanthu").close()
                .close();
        x.open("dmdSec").attr("ID", "dmd-dossier").attr("CREATED", iso(c.closedAt()));
        mdRef(x, files.get(0));
        x.close().open("dmdSec").attr("ID", "dmd-documents").attr("CREATED", iso(c.closedAt()));
        mdRef(x, files.get(1));
        x.close().open("amdSec").open("digiprovMD").attr("ID", "premis").attr("STATUS", "CURRENT");
        mdRef(x, files.get(2));
        x.close().close().open("fileSec").attr("ID", "filesec");
        group(x, files, "Preservation/Validation", "metadata/preservation/validation/");
        group(x, files, "Documentation", "documentation/");
        group(x, files, "Representations/rep1/Data", PackageEntry.DATA);
        x.close().open("structMap").attr("TYPE", "PHYSICAL").attr("LABEL", "CSIP")
                .open("div").attr("LABEL", d.fileCode())
                .open("div").attr("LABEL", "Metadata").attr("DMDID", "dmd-dossier dmd-documents").attr("ADMID", "premis").close();
        for (String[] g : new String[][] {{"Documentation", "documentation/"}, {"Representations/rep1", PackageEntry.DATA}}) {
            x.open("div").attr("LABEL", g[0]);
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i).name().startsWith(g[1])) {
                    x.open("fptr").attr("FILEID", "file-" + (i + 1)).close();
                }
            }
            x.close();
        }
        return x.finish();
    }

    private static void group(XmlOut x, List<PackageEntry> files, String use, String prefix) {
        x.open("fileGrp").attr("USE", use);
        for (int i = 0; i < files.size(); i++) {
            PackageEntry f = files.get(i);
            if (f.name().startsWith(prefix)) {
                x.open("file").attr("ID", "file-" + (i + 1)).attr("MIMETYPE", f.mediaType()).attr("SIZE", f.size())
                        .attr("CHECKSUM", f.sha256()).attr("CHECKSUMTYPE", "SHA-256")
                        .open("FLocat").attr("LOCTYPE", "URL").attr("xlink", XLINK, "type", "simple")
                        .attr("xlink", XLINK, "href", f.name()).close().close();
            }
        }
        x.close();
    }

    private static void mdRef(XmlOut x, PackageEntry f) {
        x.open("mdRef").attr("LOCTYPE", "URL").attr("MDTYPE", "OTHER").attr("xlink", XLINK, "type", "simple")
                .attr("xlink", XLINK, "href", f.name()).attr("MIMETYPE", f.mediaType()).attr("SIZE", f.size())
                .attr("CHECKSUM", f.sha256()).attr("CHECKSUMTYPE", "SHA-256").close();
    }

    static String iso(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
