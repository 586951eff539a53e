package vn.vanthu.documents;

import vn.vanthu.store.Database;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;

import java.util.List;

/**
 * Who may fetch stored bytes by their SHA-256: whoever uploaded them, and whoever may see an object that holds
 * them, by that object's own rule: a dispatch (its draft, issued file, edXML or appendix) and an incoming
 * document by their features' rules; a copy by its maker and whoever sees its source dispatch; a dossier's items,
 * seal and reports by every user (every user reads dossiers); a digitization's result by its maker and the roles
 * that read digitizations (clerk, auditor, admin); a stored validation's file and report by its requester and
 * auditors. Auditors, who check what is stored (a restored backup, the bytes after a crash), read any other bytes
 * too, except those a dispatch or incoming document hidden from them holds (a secret one). Anyone else is told
 * nothing: the hash is answered 404 like one never stored.
 *
 * <pre>{@code
 * DocumentAccess access = new DocumentAccess(db, dispatches::sees, incoming::sees);
 * if (!access.sees(caller, sha256)) { throw ApiException.notFound("Document " + sha256); }
 * }</pre>
 */
public final class DocumentAccess {
    /** A feature's rule for one of its objects, by id: false also when it does not exist. */
    @FunctionalInterface
    public interface Rule {
        boolean sees(User caller, String objectId);
    }

    private final DocumentReferencesDao dao;
    private final Rule dispatches;
    private final Rule incoming;

    public DocumentAccess(Database db, Rule dispatches, Rule incoming) {
        this.dao = new DocumentReferencesDao(db);
        this.dispatches = dispatches;
        this.incoming = incoming;
    }

    public boolean sees(User caller, String sha256) {
        List<DocumentReferencesDao.Reference> refs = dao.references(sha256);
        if (refs.stream().anyMatch(r -> sees(caller, r))) {
            return true;
        }
        return caller.has(Role.AUDITOR) && refs.stream().noneMatch(DocumentAccess::heldByRuledObject);
    }

    /** Held by a dispatch (a copy's source too) or an incoming document: their rules decide alone. */
    private static boolean heldByRuledObject(DocumentReferencesDao.Reference r) {
        return switch (r.kind()) {
            case DISPATCH, INCOMING -> true;
            case COPY -> r.objectId() != null;
            default -> false;
        };
    }

    private boolean sees(User caller, DocumentReferencesDao.Reference r) {
        boolean owner = caller.id().equals(r.ownerId());
        return switch (r.kind()) {
            case UPLOAD -> owner;
            case DISPATCH -> dispatches.sees(caller, r.objectId());
            case COPY -> owner || (r.objectId() != null && dispatches.sees(caller, r.objectId()));
            case DOSSIER -> true;
            case DIGITIZATION -> owner || caller.has(Role.CLERK) || caller.has(Role.AUDITOR) || caller.has(Role.ADMIN);
            case INCOMING -> incoming.sees(caller, r.objectId());
            case VALIDATION -> owner || caller.has(Role.AUDITOR);
        };
    }
}
