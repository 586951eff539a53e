package vn.vanthu.incoming;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.config.AppConfig;
import vn.vanthu.dispatch.NumberSeries;
import vn.vanthu.dispatch.SeriesKind;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.validation.ValidationService;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Receiving and registering incoming documents (Decree 30 Art. 21-22): every signature validated on arrival and
 * its verdict kept, a document returned with a reason, or registered under the next incoming number of the year
 * (one series for paper and electronic documents, secret ones in their own; gapless across instances through
 * {@link NumberSeries}). Secret documents are seen only by clerks, the directing official and the assignees.
 *
 * <pre>{@code
 * Incoming d = service.receive(clerk, origin, Arrival.upload(validation, pdf, "cv.pdf", "application/pdf", meta, false));
 * d = service.register(clerk, origin, d.id());   // d.registration().number() == 1 on the year's first
 * }</pre>
 */
public final class IncomingService {
    private final IncomingDao dao;
    private final ResponseForDao responseFor;
    private final DocumentStore store;
    private final ValidationService validation;
    private final NumberSeries numbers;
    private final String agency;
    private final Clock clock;

    IncomingService(IncomingDao dao, ResponseForDao responseFor, DocumentStore store, ValidationService validation,
                    NumberSeries numbers, AppConfig.Agency agency, Clock clock) {
        this.dao = dao;
        this.responseFor = responseFor;
        this.store = store;
        this.validation = validation;
        this.numbers = numbers;
        this.agency = agency.abbreviation();
        this.clock = clock;
    }

    ValidationService validation() {
        return validation;
    }

    OffsetDateTime now() {
        return VietnamTime.now(clock);
    }

    Clock clock() {
        return clock;
    }

    /** Keeps what arrived (files, verdicts, metadata) as RECEIVED; arrival time is now. A message kept already: 409. */
    public Incoming receive(User caller, RequestOrigin origin, Arrival a) {
        if (a.senderDocumentId() != null && dao.holdsMessage(a.senderOrganId(), a.senderDocumentId())) {
            throw ApiException.conflict("ALREADY_RECEIVED", "This message (DocumentId " + a.senderDocumentId()
                    + ") was received already");
        }
        List<Incoming.File> files = new ArrayList<>();
        for (Arrival.Content c : a.files()) {
            String sha = store.put(new ByteArrayInputStream(c.bytes()), c.mediaType()).sha256();
            files.add(new Incoming.File(c.ordinal(), c.name(), c.mediaType(), sha));
        }
        var d = new Incoming(UUID.randomUUID().toString(), a.origin(), Incoming.Status.RECEIVED, a.metadata(),
                a.origin() == Incoming.Origin.PAPER, a.senderOrganId(), a.senderDocumentId(), caller.id(), now(),
                null, null, null, null);
        dao.insert(d, files, a.verdicts(), a.responseFor(), AuditLog.Entry.ofChange(origin, "INCOMING_RECEIVE", d.id(), d.origin().name()));
        return d;
    }

    /**
     * An edXML message delivered by the exchange from a partner the caller has checked (sender, addressee, and the
     * seal against the partner's pinned certificate, held by {@code sealedBy}): kept as RECEIVED like one a clerk
     * uploads, the seal's verdict TOTAL_PASSED by {@code sealedBy}, the attachments' signatures validated;
     * 409 ALREADY_RECEIVED when kept already.
     */
    public Incoming receiveMessage(User partner, RequestOrigin origin, byte[] xml, String sealedBy) {
        return receive(partner, origin, Arrival.exchange(validation, xml, "edxml.xml", sealedBy));
    }

    /** The document a sender's message became, if it is kept (returned ones included). */
    public java.util.Optional<Incoming> message(String senderOrganId, String senderDocumentId) {
        return dao.findMessage(senderOrganId, senderDocumentId);
    }

    /**
     * The sender recalls the document (exchange status 13): returned, and the recall accepted (15), unless it was
     * handled already: then false, and the sender is told the recall is refused (16).
     */
    public boolean recall(User partner, RequestOrigin origin, String id, String reason) {
        String why = IncomingInput.optional("reason", reason, IncomingInput.TEXT);
        String text = "Thu hồi theo đề nghị của nơi gửi" + (why == null ? "" : ": " + why);
        return dao.recall(id, text, now(), partner.id(), AuditLog.Entry.ofChange(origin, "INCOMING_RECALL", id, text));
    }

    /** RECEIVED → REGISTERED with the next number of its register; 409 for a returned or registered document. */
    public Incoming register(User caller, RequestOrigin origin, String id) {
        Incoming d = visible(caller, id);
        if (d.status() != Incoming.Status.RECEIVED) {
            throw ApiException.conflict(d.status() == Incoming.Status.RETURNED ? "RETURNED" : "ALREADY_REGISTERED",
                    d.status() == Incoming.Status.RETURNED ? "A returned document cannot be registered"
                            : "The document is registered already");
        }
        NumberSeries.Reservation r = numbers.reserve(agency, d.metadata().secret() ? SeriesKind.SECRET_IN : SeriesKind.INCOMING);
        try {
            dao.register(id, r, IncomingRegisterDao.words(d.metadata()), now(), caller.id(), AuditLog.Entry.ofChange(origin, "INCOMING_REGISTER", id,
                    (d.metadata().secret() ? "secret " : "") + r.value()));
        } catch (RuntimeException e) {
            numbers.release(r);
            throw e;
        }
        return get(id);
    }

    /** RECEIVED → RETURNED with the reason told to the sender (a failed verdict, or the wrong recipient). */
    public Incoming giveBack(User caller, RequestOrigin origin, String id, String reason) {
        visible(caller, id);
        String why = IncomingInput.required("reason", reason, IncomingInput.TEXT);
        dao.markReturned(id, why, now(), caller.id(), AuditLog.Entry.ofChange(origin, "INCOMING_RETURN", id, why));
        return get(id);
    }

    /** The document if the caller may see it; 404 otherwise (a secret document's existence is not told). */
    public Incoming visible(User caller, String id) {
        Incoming d = get(id);
        if (!maySee(caller, d)) {
            throw ApiException.notFound("Incoming document " + id);
        }
        return d;
    }

    /** Whether incoming document {@code id} exists and the caller may see it (for the files it references). */
    public boolean sees(User caller, String id) {
        return dao.find(id).map(d -> maySee(caller, d)).orElse(false);
    }

    Incoming get(String id) {
        return dao.find(id).orElseThrow(() -> ApiException.notFound("Incoming document " + id));
    }

    static boolean maySee(User caller, Incoming d) {
        return !d.metadata().secret() || caller.has(Role.CLERK) || d.assignedTo(caller.id())
                || (d.direction() != null && caller.id().equals(d.direction().directedBy()));
    }

    static IncomingDao.Viewer viewer(User caller) {
        return new IncomingDao.Viewer(caller.id(), caller.has(Role.CLERK));
    }

    /** A page of what the caller sees, newest first; {@code assignee} limits it to one lead or cooperating user. */
    public List<Incoming> list(User caller, Incoming.Status status, String assignee, int limit, long offset) {
        return dao.list(viewer(caller), status == null ? null : status.name(), assignee, limit, offset);
    }

    public List<Incoming.File> files(String id) {
        return dao.files(id);
    }

    public List<Incoming.Verdict> verdicts(String id) {
        return dao.verdicts(id);
    }

    /** The document this one answers ({@code organId}, {@code documentId}, our {@code dispatchId} or null), if any. */
    public java.util.Optional<java.util.Map<String, Object>> responseFor(String id) {
        return responseFor.find(id);
    }

    public List<Incoming.Event> history(String id) {
        return dao.history(id);
    }

    /** A file of the document, in a temporary file the caller deletes. */
    public Path file(User caller, String id, int ordinal) {
        visible(caller, id);
        Incoming.File f = dao.files(id).stream().filter(x -> x.ordinal() == ordinal).findFirst()
                .orElseThrow(() -> ApiException.notFound("File " + ordinal + " of incoming document " + id));
        return store.copyToTempFile(f.sha256());
    }
}
