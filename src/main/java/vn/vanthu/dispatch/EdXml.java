package vn.vanthu.dispatch;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.vanthu.config.AppConfig;

import java.util.Base64;
import java.util.List;

import static vn.vanthu.dispatch.EdXmlDom.el;
import static vn.vanthu.dispatch.EdXmlDom.text;

/**
 * An issued dispatch as an edXML message (QCVN 102:2016/BTTTT): {@code edXML/edXMLEnvelope/{edXMLHeader,
 * edXMLBody}} with the MessageHeader fields, the manifest of attachments, and the PDF and appendices in base64
 * under {@code AttachmentEncoded}. Unsigned here; {@link Issuing} seals it with an enveloped XML signature.
 *
 * <pre>{@code byte[] xml = EdXml.message(dispatch, sender, List.of(new EdXml.File("cv.pdf", pdfBytes)));}</pre>
 */
final class EdXml {
    private static final java.util.regex.Pattern COMPETENCE = java.util.regex.Pattern.compile("(KT|TM|TL|TUQ|Q)\\.\\s");

    /** A file carried by the message. */
    record File(String name, byte[] bytes) {}

    private EdXml() {}

    static byte[] message(Dispatch d, EdXmlSender sender, List<File> files) {
        Document doc = EdXmlDom.newDocument();
        Element root = el(doc, doc, "edXML");
        Element envelope = el(doc, root, "edXMLEnvelope");
        Element head = el(doc, envelope, "edXMLHeader");
        Element header = el(doc, head, "MessageHeader");
        from(doc, header, sender);
        for (String r : d.recipients()) {
            Element to = el(doc, header, "To");
            var organ = sender.directory().find(r);
            text(doc, to, "OrganId", organ.map(OrganDirectory.Addressee::organId).orElse(""));
            text(doc, to, "OrganName", organ.map(OrganDirectory.Addressee::organName).orElse(r));
        }
        Dispatch.Issued i = d.issued();
        text(doc, header, "DocumentId", i.documentId());
        Element code = el(doc, header, "Code");
        text(doc, code, "CodeNumber", i.codeNumber());
        text(doc, code, "CodeNotation", i.codeNotation());
        Element promulgation = el(doc, header, "PromulgationInfo");
        text(doc, promulgation, "Place", sender.contacts().place());
        text(doc, promulgation, "PromulgationDate", i.issuedDate());
        Element type = el(doc, header, "DocumentType");
        text(doc, type, "Type", d.type().code());
        text(doc, type, "TypeName", d.type().vietnameseName());
        text(doc, header, "Subject", d.subject());
        text(doc, header, "Content", d.subject());
        signer(doc, header, d);
        text(doc, header, "DueDate", d.dueDate() == null ? "" : d.dueDate());
        Element places = el(doc, header, "ToPlaces");
        d.recipients().forEach(r -> text(doc, places, "Place", r));
        Element other = el(doc, header, "OtherInfo");
        text(doc, other, "Priority", priorityCode(d.priority()));
        text(doc, other, "SphereOfPromulgation", d.secret() ? "Mật" : "");
        text(doc, other, "SteeringType", "0");
        text(doc, other, "PromulgationAmount", String.valueOf(d.recipients().size()));
        text(doc, other, "PageAmount", String.valueOf(d.pageAmount()));
        Element appendixes = el(doc, other, "Appendixes");
        files.stream().skip(1).forEach(a -> text(doc, appendixes, "Appendix", a.name()));
        sender.responses().find(d.id()).ifPresent(rf -> {
            Element e = el(doc, header, "ResponseFor");
            text(doc, e, "OrganId", rf.organId());
            text(doc, e, "Code", rf.code());
            text(doc, e, "PromulgationDate", rf.promulgationDate());
            text(doc, e, "DocumentId", rf.documentId());
        });
        Element trace = el(doc, el(doc, head, "TraceHeaderList"), "TraceHeader");
        text(doc, trace, "OrganId", sender.agency().organId());
        text(doc, trace, "Timestamp", i.issuedAt().toString());
        Element manifest = el(doc, el(doc, envelope, "edXMLBody"), "edXMLManifest");
        Element encoded = el(doc, root, "AttachmentEncoded");
        int n = 0;
        for (File file : files) {
            String id = "attachment-" + (++n);
            Element ref = el(doc, manifest, "Reference");
            text(doc, ref, "ContentId", id);
            text(doc, ref, "AttachmentName", file.name());
            text(doc, ref, "ContentType", "application/pdf");
            Element a = el(doc, encoded, "Attachment");
            text(doc, a, "ContentId", id);
            text(doc, a, "AttachmentName", file.name());
            text(doc, a, "ContentType", "application/pdf");
            text(doc, a, "Value", Base64.getEncoder().encodeToString(file.bytes()));
        }
        return EdXmlDom.bytes(doc);
    }

    private static void from(Document doc, Element header, EdXmlSender sender) {
        Element from = el(doc, header, "From");
        text(doc, from, "OrganId", sender.agency().organId());
        text(doc, from, "OrganName", sender.agency().name());
        text(doc, from, "OrganizationInCharge", sender.contacts().inCharge());
        text(doc, from, "OrganAdd", sender.contacts().address());
        text(doc, from, "Email", sender.contacts().email());
        text(doc, from, "Telephone", sender.contacts().telephone());
        text(doc, from, "Fax", sender.contacts().fax());
        text(doc, from, "Website", sender.contacts().website());
    }

    /** The signer block's lines: a competence prefix ("KT. GIÁM ĐỐC") above the position ("PHÓ GIÁM ĐỐC"). */
    private static void signer(Document doc, Element header, Dispatch d) {
        Element signer = el(doc, header, "SignerInfo");
        String[] lines = d.signerPosition().strip().split("\\s*\\R\\s*", 2);
        boolean competence = lines.length == 2 && COMPETENCE.matcher(lines[0]).lookingAt();
        text(doc, signer, "Competence", competence ? lines[0] : "");
        text(doc, signer, "Position", competence ? lines[1] : d.signerPosition().strip());
        text(doc, signer, "FullName", d.signerName());
    }

    /** QCVN 102's priority codes: 0 ordinary, 1 urgent (khẩn), 2 very urgent (thượng khẩn), 3 express (hỏa tốc), 4 express at a set time. */
    static String priorityCode(String priority) {
        return switch (priority == null ? "NORMAL" : priority) {
            case "URGENT" -> "1";
            case "VERY_URGENT" -> "2";
            case "EXPRESS" -> "3";
            case "EMERGENCY" -> "4";
            default -> "0";
        };
    }
}
