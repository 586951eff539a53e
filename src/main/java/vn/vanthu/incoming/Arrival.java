package vn.vanthu.incoming;

import vn.vanthu.error.ApiException;
import vn.vanthu.validation.Indication;
import vn.vanthu.validation.ValidationReport;
import vn.vanthu.validation.ValidationService;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What arrived, read and checked before it is kept: the metadata (given by the clerk, or read from the edXML
 * header), the files, and the verdict of every signature in every file (authenticity and integrity, Decree 30
 * Art. 21.2.a). A signature that fails is a verdict like any other, never an error: the clerk then returns it.
 *
 * <pre>{@code Arrival a = Arrival.upload(validation, pdf, "cv.pdf", "application/pdf", metadata, false);}</pre>
 */
record Arrival(Incoming.Origin origin, Incoming.Metadata metadata, String senderOrganId, String senderDocumentId,
               List<Content> files, List<Incoming.Verdict> verdicts, ResponseFor responseFor) {

    /** The document this one answers, as the edXML's ResponseFor names it: the organ that issued it and its DocumentId. */
    record ResponseFor(String organId, String documentId) {}

    /** A file's bytes as they came, and its ordinal (0: the edXML message). */
    record Content(int ordinal, String name, String mediaType, byte[] bytes) {}

    /** A PDF or any signed file with the clerk's metadata; a scanned paper document when {@code scanned}. */
    static Arrival upload(ValidationService validation, byte[] bytes, String name, String mediaType,
                          Incoming.Metadata metadata, boolean scanned) {
        List<Content> files = List.of(new Content(1, name(name, "document"), mediaType(mediaType), bytes));
        return new Arrival(scanned ? Incoming.Origin.PAPER : Incoming.Origin.UPLOAD, metadata, null, null, files,
                verdicts(validation, files), null);
    }

    /** An edXML message: the header gives the metadata, the message and each attachment are validated. */
    static Arrival exchange(ValidationService validation, byte[] xml, String name) {
        return exchange(validation, xml, name, null);
    }

    /**
     * An edXML message whose seal the caller has verified already against the sender's pinned certificate
     * ({@code sealedBy}, its holder's name, or null when it has not): that verdict is kept for the message, which is
     * not validated a second time; each attachment is validated.
     */
    static Arrival exchange(ValidationService validation, byte[] xml, String name, String sealedBy) {
        EdXmlReader.Message m = EdXmlReader.read(xml);
        String number = m.field("Code/CodeNumber");
        String notation = m.field("Code/CodeNotation");
        String numberSymbol = number == null ? notation : notation == null ? number : number + "/" + notation;
        String type = m.field("DocumentType/TypeName") != null ? m.field("DocumentType/TypeName") : m.field("DocumentType/Type");
        String sphere = m.field("OtherInfo/SphereOfPromulgation");
        var metadata = new Incoming.Metadata(
                IncomingInput.required("From/OrganName", m.field("From/OrganName"), IncomingInput.ORGAN),
                IncomingInput.required("Code", numberSymbol, IncomingInput.NUMBER_SYMBOL),
                IncomingInput.date("PromulgationInfo/PromulgationDate", m.field("PromulgationInfo/PromulgationDate"), true),
                IncomingInput.required("DocumentType", type, IncomingInput.TYPE),
                IncomingInput.required("Subject", m.field("Subject"), IncomingInput.SUBJECT),
                urgency(m.field("OtherInfo/Priority")),
                sphere != null && sphere.toLowerCase(Locale.ROOT).contains("mật"));
        List<Content> files = new ArrayList<>();
        files.add(new Content(0, name(name, "edxml.xml"), "application/xml", xml));
        int n = 0;
        for (EdXmlReader.Attachment a : m.attachments()) {
            files.add(new Content(++n, name(a.name(), "attachment-" + n), mediaType(a.contentType()), a.bytes()));
        }
        List<Incoming.Verdict> verdicts = new ArrayList<>();
        if (sealedBy != null) {
            verdicts.add(new Incoming.Verdict(0, Indication.TOTAL_PASSED, null, limit(sealedBy)));
        }
        verdicts.addAll(verdicts(validation, sealedBy == null ? files : files.subList(1, files.size())));
        return new Arrival(Incoming.Origin.EXCHANGE, metadata,
                IncomingInput.optional("From/OrganId", m.field("From/OrganId"), 50),
                IncomingInput.optional("DocumentId", m.field("DocumentId"), 200), files, verdicts, responseFor(m));
    }

    /** ResponseFor names both the organ and the document, or is absent; one without the other is refused. */
    private static ResponseFor responseFor(EdXmlReader.Message m) {
        String organ = IncomingInput.optional("ResponseFor/OrganId", m.field("ResponseFor/OrganId"), 50);
        String document = IncomingInput.optional("ResponseFor/DocumentId", m.field("ResponseFor/DocumentId"), 200);
        if (organ == null && document == null) {
            return null;
        }
        if (organ == null || document == null) {
            throw ApiException.unprocessable("INVALID_EDXML", "ResponseFor needs both OrganId and DocumentId", "file");
        }
        return new ResponseFor(organ, document);
    }

    /** The priorities the exchange writes (names, or QCVN's digits 0-4) as an urgency; unknown ones are NORMAL. */
    static Incoming.Urgency urgency(String priority) {
        if (priority == null) {
            return Incoming.Urgency.NORMAL;
        }
        return switch (priority.trim().toUpperCase(Locale.ROOT)) {
            case "URGENT", "1" -> Incoming.Urgency.URGENT;
            case "VERY_URGENT", "2" -> Incoming.Urgency.VERY_URGENT;
            case "FLASH", "EXPRESS", "EMERGENCY", "3", "4" -> Incoming.Urgency.FLASH;
            default -> Incoming.Urgency.NORMAL;
        };
    }

    private static List<Incoming.Verdict> verdicts(ValidationService validation, List<Content> files) {
        List<Incoming.Verdict> out = new ArrayList<>();
        for (Content f : files) {
            if (!ValidationService.maySign(f.bytes())) {
                continue;
            }
            try {
                ValidationReport r = validation.validate(new ValidationService.Request(f.name(), f.bytes(), List.of(),
                        null, Set.of(), null)).report();
                for (ValidationReport.Signature s : r.signatures()) {
                    out.add(new Incoming.Verdict(f.ordinal(), Indication.of(s.indication()), s.subIndication(), limit(s.signedBy())));
                }
            } catch (ApiException e) {
                // Looks signed but no validator reads it: authenticity is not established, so it may be returned.
                out.add(new Incoming.Verdict(f.ordinal(), Indication.INDETERMINATE, "FORMAT_FAILURE", null));
            }
        }
        return out;
    }

    private static String name(String name, String fallback) {
        String n = name == null ? "" : name.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
        if (n.isEmpty()) {
            return fallback;
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static String mediaType(String type) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        return t.matches("[a-z0-9.+-]{1,40}/[a-z0-9.+-]{1,50}") ? t : "application/octet-stream";
    }

    private static String limit(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
