package vn.vanthu.dispatch;

import vn.vanthu.time.VietnamTime;
import vn.vanthu.config.AppConfig;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of dispatches: summary, detail (with history and Appendix VI metadata), issue answer, register row. */
final class DispatchViews {

    private DispatchViews() {}

    static Map<String, Object> summary(Dispatch d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("status", d.status().name());
        m.put("documentType", d.type().code());
        m.put("subject", d.subject());
        m.put("signerPosition", d.signerPosition());
        m.put("signerName", d.signerName());
        m.put("signerUserId", d.signerUserId());
        m.put("recipients", d.recipients());
        m.put("draftingUnit", d.draftingUnit());
        m.put("priority", d.priority());
        m.put("secret", d.secret());
        m.put("dueDate", d.dueDate());
        m.put("pageAmount", d.pageAmount());
        m.put("fileName", d.fileName());
        m.put("sha256", d.currentSha256());
        m.put("createdBy", d.createdBy());
        m.put("createdAt", vn(d.createdAt()));
        if (d.issued() != null) {
            m.putAll(issued(d));
        }
        return m;
    }

    static Map<String, Object> detail(Dispatch d, List<Dispatch.Event> history, List<Dispatch.Attachment> attachments,
                                      AppConfig.Agency agency, Optional<FiledDao.Filed> filed) {
        Map<String, Object> m = summary(d);
        m.put("attachments", attachments.stream().map(a -> Map.of("id", a.id(), "ordinal", a.ordinal(),
                "fileName", a.fileName(), "sha256", a.sha256())).toList());
        m.put("history", history.stream().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", vn(e.at()));
            x.put("userId", e.userId());
            x.put("action", e.action());
            x.put("details", e.details());
            return x;
        }).toList());
        if (d.issued() != null) {
            m.put("metadata", metadata(d, agency, attachments.size(), filed));
        }
        return m;
    }

    /** The answered incoming document: our id for it and how its sender identified it. */
    static Map<String, Object> responseFor(EdXmlSender.ResponseFor rf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("incomingId", rf.incomingId());
        m.put("organId", rf.organId());
        m.put("documentId", rf.documentId());
        m.put("code", rf.code());
        m.put("promulgationDate", rf.promulgationDate());
        return m;
    }

    static Map<String, Object> issued(Dispatch d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", d.issued().number());
        m.put("codeNumber", d.issued().codeNumber());
        m.put("codeNotation", d.issued().codeNotation());
        m.put("issuedDate", d.issued().issuedDate());
        m.put("documentId", d.issued().documentId());
        m.put("issuedAt", vn(d.issued().issuedAt()));
        return m;
    }

    /** Appendix VI metadata of an outgoing document. */
    static Map<String, Object> metadata(Dispatch d, AppConfig.Agency agency, int attachments, Optional<FiledDao.Filed> filed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("FileCode", filed.map(FiledDao.Filed::fileCode).orElse(null));
        m.put("DocOrdinal", filed.map(FiledDao.Filed::docOrdinal).orElse(null));
        m.put("TypeName", d.type().vietnameseName());
        m.put("CodeNumber", d.issued().codeNumber());
        m.put("CodeNotation", d.issued().codeNotation());
        m.put("IssuedDate", d.issued().issuedDate());
        m.put("OrganName", agency.name());
        m.put("Subject", d.subject());
        m.put("Language", "Tiếng Việt");
        m.put("PageAmount", d.pageAmount());
        m.put("Description", attachments == 0 ? null : attachments + " phụ lục kèm theo");
        m.put("SignerInfo", Map.of("Position", d.signerPosition(), "FullName", d.signerName()));
        m.put("To", d.recipients());
        m.put("Priority", d.priority());
        m.put("IssuedAmount", d.recipients().size() + 1);
        m.put("DueDate", d.dueDate());
        m.put("DocumentId", d.issued().documentId());
        return m;
    }

    /** One row of the outgoing register (Decree 30 Appendix IV). */
    static Map<String, Object> registerRow(Dispatch d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("number", d.issued().number());
        m.put("issuedDate", d.issued().issuedDate());
        m.put("typeAndSubject", d.type().vietnameseName() + ": " + d.subject());
        m.put("signer", d.signerPosition() + " " + d.signerName());
        m.put("recipients", String.join("; ", d.recipients()));
        m.put("fileCopyKeeper", d.draftingUnit() == null ? "VT" : "VT; " + d.draftingUnit());
        m.put("copies", d.recipients().size() + 1);
        m.put("sentDate", d.issued().issuedDate());
        m.put("receipt", null);
        m.put("notes", d.secret() ? "Mật" : null);
        return m;
    }

    static String vn(OffsetDateTime t) {
        return t == null ? null : VietnamTime.at(t.toInstant()).toString();
    }
}
