package vn.vanthu;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import vn.vanthu.audit.AuditController;
import vn.vanthu.backup.BackupController;
import vn.vanthu.digitization.DigitizationController;
import vn.vanthu.digitization.PaperMetadata;
import vn.vanthu.dispatch.CopyController;
import vn.vanthu.dispatch.DispatchController;
import vn.vanthu.dispatch.NumberingController;
import vn.vanthu.documents.DocumentController;
import vn.vanthu.dossier.CatalogueController;
import vn.vanthu.dossier.DossierController;
import vn.vanthu.dossier.NewDossier;
import vn.vanthu.dossier.NewItem;
import vn.vanthu.figures.FiguresController;
import vn.vanthu.exchange.ExchangeController;
import vn.vanthu.exchange.OrganController;
import vn.vanthu.jobs.JobController;
import vn.vanthu.incoming.IncomingController;
import vn.vanthu.keys.KeyController;
import vn.vanthu.pki.PkiController;
import vn.vanthu.signing.SigningController;
import vn.vanthu.trust.TrustController;
import vn.vanthu.web.Role;
import vn.vanthu.users.UserController;
import vn.vanthu.validation.ValidationController;
import vn.vanthu.web.ApiRoute;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static vn.vanthu.web.Role.ADMIN;
import static vn.vanthu.web.Role.AUDITOR;
import static vn.vanthu.web.Role.CLERK;
import static vn.vanthu.web.Role.HANDLER;
import static vn.vanthu.web.Role.OFFICIAL;
import static vn.vanthu.web.Role.PARTNER;
import static vn.vanthu.web.ApiRoute.ANY_USER;
import static vn.vanthu.web.ApiRoute.PUBLIC;
import static vn.vanthu.web.ApiRoute.Body.BINARY;
import static vn.vanthu.web.ApiRoute.Body.JSON;
import static vn.vanthu.web.ApiRoute.Body.MULTIPART;
import static vn.vanthu.web.ApiRoute.Body.NONE;

/**
 * Every endpoint of the service, in one place next to the wiring: path, roles, a summary, the handler. The web
 * layer turns this table into routing, access control and the OpenAPI description.
 */
public final class Routes {
    private final List<ApiRoute> routes = new ArrayList<>();

    /** The controllers the routes call; each feature adds its own. */
    public record Controllers(UserController users, AuditController audit, DocumentController documents,
                              PkiController devPki, KeyController keys, SigningController signing,
                              ValidationController validations, DispatchController dispatches,
                              CopyController copies, CatalogueController catalogues, DossierController dossiers,
                              BackupController backup, JobController jobs, DigitizationController digitizations,
                              IncomingController incoming, NumberingController numbering,
                              FiguresController figures, PageRoutes.Pages pages, OrganController organs,
                              ExchangeController exchange, PageRoutes.WorkPages workPages, TrustController trust,
                              PageRoutes.AdminPages adminPages) {}

    public static List<ApiRoute> declare(Controllers c) {
        Routes r = new Routes();
        r.add(GET, "/api/v1/users/me", ANY_USER, "users", "The caller: id, name, roles", NONE, c.users()::me);
        r.add(GET, "/api/v1/users", Set.of(ADMIN), "users", "List users", NONE, c.users()::list);
        r.add(POST, "/api/v1/users", Set.of(ADMIN), "users", "Create a user {name, displayName, roles}", JSON, c.users()::create, UserController.CREATE);
        r.add(GET, "/api/v1/users/{id}", Set.of(ADMIN), "users", "One user", NONE, c.users()::get);
        r.add(POST, "/api/v1/users/{id}/disable", Set.of(ADMIN), "users", "Disable a user (their tokens stop working)", NONE, c.users()::disable);
        r.add(POST, "/api/v1/users/{id}/enable", Set.of(ADMIN), "users", "Enable a disabled user", NONE, c.users()::enable);
        r.add(POST, "/api/v1/users/{id}/tokens", Set.of(ADMIN), "users", "Issue a bearer token (shown once)", JSON, c.users()::issueToken, UserController.TOKEN);
        r.add(GET, "/api/v1/users/{id}/tokens", Set.of(ADMIN), "users", "A user's tokens (never the secrets)", NONE, c.users()::tokens);
        r.add(DELETE, "/api/v1/users/{id}/tokens/{tokenId}", Set.of(ADMIN), "users", "Revoke a token", NONE, c.users()::revokeToken);

        r.add(GET, "/api/v1/audit", Set.of(AUDITOR, ADMIN), "audit", "Audit events, newest first (filters: from, to, userId, action, object)", NONE, c.audit()::list);
        r.add(GET, "/api/v1/audit/verify", Set.of(AUDITOR, ADMIN), "audit", "Recompute the audit hash chain", NONE, c.audit()::verify);
        r.add(POST, "/api/v1/admin/backup", Set.of(ADMIN), "backup", "Online backup of the embedded H2 database (a ZIP); 409 on PostgreSQL, which pg_dump backs up", NONE, c.backup()::backup);

        r.add(POST, "/api/v1/documents", Set.of(OFFICIAL, CLERK, ADMIN), "documents", "Store a document by its SHA-256", MULTIPART, c.documents()::upload, vn.vanthu.documents.DocumentController.UPLOAD);
        r.add(GET, "/api/v1/documents/{sha256}", ANY_USER, "documents", "Fetch a stored document (integrity re-checked)", NONE, c.documents()::download);

        if (c.devPki() != null) {
            r.add(GET, "/pki/crl/{name}", PUBLIC, "development PKI", "CRL of the development PKI (issuing, root)", NONE, c.devPki()::crl);
            r.add(GET, "/pki/certs/{name}", PUBLIC, "development PKI", "CA certificate of the development PKI", NONE, c.devPki()::certificate);
            r.add(POST, "/pki/ocsp", PUBLIC, "development PKI", "OCSP responder of the development PKI", BINARY, c.devPki()::ocsp);
            r.add(POST, "/pki/tsa", PUBLIC, "development PKI", "RFC 3161 time-stamping of the development PKI", BINARY, c.devPki()::timestamp);
        }
        r.add(GET, "/api/v1/keys", ANY_USER, "keys", "The caller's usable signing keys (ADMIN: all keys)", NONE, c.keys()::list);
        r.add(POST, "/api/v1/keys", Set.of(ADMIN), "keys", "Register a key: multipart (file=.p12, owner, id?, image? PNG, pin, alias?) "
                + "or JSON PKCS#11 {id, owner, library, slot|tokenLabel, alias, pin?}; the PIN is not stored", MULTIPART, c.keys()::register, KeyController.REGISTER);
        r.add(DELETE, "/api/v1/keys/{id}", Set.of(ADMIN), "keys", "Delete a key registration", NONE, c.keys()::delete);
        r.add(POST, "/api/v1/keys/{id}/verify-pin", Set.of(OFFICIAL, CLERK), "keys", "Check a key's PIN {pin} (owner only; counts toward the lockout)", JSON, c.keys()::verifyPin, KeyController.VERIFY_PIN);
        r.add(POST, "/api/v1/signatures", Set.of(OFFICIAL, CLERK), "signing", "Sign with a key the service holds: multipart file(s), format, level, packaging, keyId, pin, visible, reason, location → the signed file", MULTIPART, c.signing()::sign, SigningController.SIGN);
        r.add(POST, "/api/v1/signatures/prepare", Set.of(OFFICIAL, CLERK), "signing", "Two-step signing, step 1: parts as for signing but a PEM 'certificate' chain instead of keyId/pin; answers dataToSign", MULTIPART, c.signing()::prepare, SigningController.PREPARE);
        r.add(POST, "/api/v1/signatures/{preparationId}/complete", Set.of(OFFICIAL, CLERK), "signing", "Two-step signing, step 2: {signatureValue} → the signed file", JSON, c.signing()::complete, vn.vanthu.web.Requests.SIGNATURE);
        r.add(POST, "/api/v1/signatures/extend", Set.of(OFFICIAL, CLERK), "signing", "Augment every signature of a file to level T, LT or LTA (parts file, level, original…)", MULTIPART, c.signing()::extend, SigningController.EXTEND);
        r.add(POST, "/api/v1/validations", Set.of(AUDITOR, CLERK, OFFICIAL), "validation", "Validate a signed file (multipart: file, original*, validationTime, reports, policy)", MULTIPART, c.validations()::validate, ValidationController.FIELDS);
        r.add(GET, "/api/v1/validations", Set.of(AUDITOR), "validation", "Stored validations, newest first", NONE, c.validations()::list);
        r.add(GET, "/api/v1/validations/{id}", Set.of(AUDITOR), "validation", "One stored validation with its ETSI report", NONE, c.validations()::get);
        r.add(GET, "/api/v1/validations/{id}/report.pdf", Set.of(AUDITOR), "validation", "Human-readable validation report, sealed (PAdES)", NONE, c.validations()::reportPdf);
        declareDispatches(r, c.dispatches());
        r.add(POST, "/api/v1/copies", Set.of(CLERK), "dispatches", "Electronic copy (SY, SL, TrS + pages) of an issued dispatch (source), a scan (file) or a digitization (digitizationId), sealed {keyId, pin} → the PDF", MULTIPART, c.copies()::create, CopyController.FIELDS);
        r.add(GET, "/api/v1/catalogues/{year}", ANY_USER, "dossiers", "The year's dossier catalogue (danh mục hồ sơ) as JSON, or ?format=pdf printable", NONE, c.catalogues()::get);
        r.add(PUT, "/api/v1/catalogues/{year}", Set.of(ADMIN, CLERK), "dossiers", "Replace the year's dossier catalogue {headings:[{numeral, title, rows:[{symbol, title, retention, responsibleUserId, notes}]}]}", JSON, c.catalogues()::replace, vn.vanthu.dossier.CatalogueInput.FIELDS);
        declareCatalogueApproval(r, c.catalogues());
        declareDossiers(r, c.dossiers());
        r.add(GET, "/api/v1/jobs/{id}", ANY_USER, "jobs", "A background job (its creator or an admin): state, done, total, errors", NONE, c.jobs()::get);
        r.add(POST, "/api/v1/digitizations", Set.of(CLERK), "digitization", "Digitize a paper document: multipart scan parts (PDF, TIFF, JPEG, PNG) and metadata {numberSymbol, documentDate, issuingOrgan, documentType, subject, paperPages} → 202 {jobId, digitizationId}", MULTIPART, c.digitizations()::create, PaperMetadata.FIELDS);
        r.add(POST, "/api/v1/digitizations/batches", Set.of(CLERK), "digitization", "Digitize a paper dossier in one job: multipart archive (ZIP of scans) and documents (CSV, one row per scan: file, numberSymbol, documentDate, issuingOrgan, documentType, subject, paperPages) and optionally dossierId (an OPEN dossier the caller may file into: the documents are filed there at the end of the job) → 202 {jobId, digitizationIds}", MULTIPART, c.digitizations()::createBatch, vn.vanthu.digitization.DigitizationController.BATCH);
        r.add(GET, "/api/v1/digitizations/{id}", Set.of(CLERK, AUDITOR, ADMIN), "digitization", "A digitization: metadata, state, the suggestions read from page 1", NONE, c.digitizations()::get);
        r.add(POST, "/api/v1/digitizations/{id}/suggestions/accept", Set.of(CLERK), "digitization", "Confirm suggestions read from page 1 {fields: [numberSymbol, documentDate, issuingOrgan]}: they replace those metadata fields", JSON, c.digitizations()::accept, DigitizationController.ACCEPT);
        r.add(GET, "/api/v1/digitizations/{id}/file", Set.of(CLERK, AUDITOR, ADMIN), "digitization", "The searchable PDF/A-2b (409 until its job is DONE)", NONE, c.digitizations()::file);
        declareIncoming(r, c.incoming());
        declareNumbering(r, c.numbering());
        declareFigures(r, c.figures());
        declareExchange(r, c.organs(), c.exchange());
        r.add(GET, "/api/v1/trust-anchors", Set.of(ADMIN, AUDITOR), "validation", "The trust anchors signatures are validated against, and the agency seal's certificate (configuration: VANTHU_TRUST_ANCHORS, VANTHU_REPORT_SEAL_KEYSTORE)", NONE, c.trust()::anchors);
        PageRoutes.declare(r, c);
        return List.copyOf(r.routes);
    }

    private static void declareCatalogueApproval(Routes r, CatalogueController c) {
        r.add(POST, "/api/v1/catalogues/{year}/approve", Set.of(OFFICIAL), "dossiers", "The head of the agency approves the year's catalogue as it is now {decisionNumber, decisionDate, place, position, keyId, pin}: its PDF signed with the approver's key", JSON, c::approve, vn.vanthu.dossier.CatalogueApprovals.FIELDS);
        r.add(GET, "/api/v1/catalogues/{year}/approvals", ANY_USER, "dossiers", "Every approved version of the year's catalogue (current: the one in force)", NONE, c::approvals);
        r.add(GET, "/api/v1/catalogues/{year}/approvals/{version}/file", ANY_USER, "dossiers", "The PDF of one approved version, as the approver signed it", NONE, c::approvalFile);
    }

    private static void declareDossiers(Routes r, DossierController d) {
        r.add(POST, "/api/v1/dossiers", Set.of(CLERK, OFFICIAL), "dossiers", "Open a work dossier {catalogueSymbol | symbol, title, retention, responsibleUserId, rights, category, startDate, keyword, description} → 201 with its fileCode", JSON, d::create, NewDossier.FIELDS);
        r.add(GET, "/api/v1/dossiers", ANY_USER, "dossiers", "List dossiers (filters: year, status; paged)", NONE, d::list);
        r.add(GET, "/api/v1/dossiers/due", Set.of(CLERK, ADMIN, AUDITOR), "dossiers", "Closed dossiers whose submission deadline falls within ?within=30d (or has passed)", NONE, d::due);
        r.add(GET, "/api/v1/dossiers/{id}", ANY_USER, "dossiers", "A dossier: metadata, items in document-date order, history", NONE, d::get);
        r.add(POST, "/api/v1/dossiers/{id}/documents", Set.of(CLERK, OFFICIAL), "dossiers", "File a document while OPEN: JSON {dispatchId} (an issued dispatch) or {digitizationId} (a DONE digitization, origin DIGITIZED), or multipart file + metadata {kind, numberSymbol, documentDate, issuingOrgan, documentType, subject}", MULTIPART, d::file, NewItem.FIELDS);
        r.add(DELETE, "/api/v1/dossiers/{id}/documents/{itemId}", Set.of(CLERK, OFFICIAL), "dossiers", "Remove an item while the dossier is OPEN", NONE, d::removeItem);
        r.add(POST, "/api/v1/dossiers/{id}/close", Set.of(CLERK), "dossiers", "Validate every signed item, build the table of contents and the package, seal it (XAdES-LTA) {keyId, pin, force?, reason?} → CLOSED", JSON, d::close, DossierController.CLOSE);
        r.add(GET, "/api/v1/dossiers/{id}/package", ANY_USER, "dossiers", "The sealed archival package (E-ARK CSIP ZIP)", NONE, d::packageZip);
        r.add(POST, "/api/v1/dossiers/{id}/renew", Set.of(CLERK, ADMIN), "dossiers", "Add an archive timestamp to the sealed package now", NONE, d::renew);
        r.add(GET, "/api/v1/dossiers/{id}/export.pdf", ANY_USER, "dossiers", "Reading copy: the table of contents, then every PDF document in chronological order", NONE, d::exportPdf);
        r.add(GET, "/api/v1/dossiers/{id}/export.xml", ANY_USER, "dossiers", "All dossier and document metadata (Appendix VI fields) and the history, as XML", NONE, d::exportXml);
        r.add(POST, "/api/v1/dossiers/{id}/submit", Set.of(CLERK), "dossiers", "Submit a CLOSED dossier to the agency archive (nộp lưu) → SUBMITTED", NONE, d::submit);
    }

    private static void declareFigures(Routes r, FiguresController f) {
        r.add(GET, "/api/v1/figures", Set.of(CLERK, AUDITOR, ADMIN, OFFICIAL), "figures", "Figures of electronic processing per period and unit, computed from the records (year or from/to, period quarter|year, unit, format json|csv|pdf; the PDF is sealed)", NONE, f::get);
    }

    private static void declareNumbering(Routes r, NumberingController n) {
        r.add(GET, "/api/v1/numbering/{year}", ANY_USER, "dispatches", "The year's numbering series layout {series:[{code, types, legalNormative}], secret:{code, symbolSuffix}} (the default when none was set)", NONE, n::get);
        r.add(PUT, "/api/v1/numbering/{year}", Set.of(ADMIN), "dispatches", "Set the year's numbering series layout as the head decided (422 when two series could give the same number + symbol; 409 once the year has issued)", JSON, n::replace, NumberingController.LAYOUT);
    }

    private static void declareIncoming(Routes r, IncomingController i) {
        r.add(POST, "/api/v1/incoming", Set.of(CLERK), "incoming", "Receive a document: multipart file and metadata {sendingOrgan, numberSymbol, documentDate, documentType, subject, urgency, secret} (or an edXML message alone, or digitizationId instead of the file: a DONE digitization, scanned, its metadata by default), scanned?, register?; every signature is validated and kept → 201 RECEIVED", MULTIPART, i::receive, IncomingController.RECEIVE);
        r.add(GET, "/api/v1/incoming", ANY_USER, "incoming", "List incoming documents the caller may see (filters: status, assignee=me; paged)", NONE, i::list);
        r.add(GET, "/api/v1/incoming/due", Set.of(CLERK, OFFICIAL, AUDITOR, ADMIN, HANDLER), "incoming", "Tracking: submissions overdue, handling due ?within=3d, overdue, done late; per person and unit (a handler: their own assignments)", NONE, i::due);
        r.add(GET, "/api/v1/incoming/{id}", ANY_USER, "incoming", "An incoming document: metadata, signature verdicts, files, direction, handling, history", NONE, i::get);
        r.add(GET, "/api/v1/incoming/{id}/file", ANY_USER, "incoming", "A file that came (?ordinal=1 the document, 0 the edXML message)", NONE, i::file);
        r.add(POST, "/api/v1/incoming/{id}/register", Set.of(CLERK), "incoming", "Give the next incoming number (số đến) of the year → REGISTERED; 409 when returned", NONE, i::register);
        r.add(POST, "/api/v1/incoming/{id}/return", Set.of(CLERK), "incoming", "Return a received document to its sender {reason} → RETURNED", JSON, i::giveBack, IncomingController.RETURN);
        r.add(POST, "/api/v1/incoming/{id}/direct", Set.of(OFFICIAL), "incoming", "Direct the handling {leadUserId, leadUnit?, cooperatingUserIds, deadline, comment} → ASSIGNED", JSON, i::direct, IncomingController.DIRECT);
        r.add(POST, "/api/v1/incoming/{id}/progress", Set.of(HANDLER, OFFICIAL), "incoming", "An assignee marks progress {note?} → IN_PROGRESS", JSON, i::progress, IncomingController.PROGRESS);
        r.add(POST, "/api/v1/incoming/{id}/complete", Set.of(HANDLER, OFFICIAL), "incoming", "The lead completes {result: ANSWERED|FILED|FORWARDED, dispatchId?, note} → DONE", JSON, i::complete, IncomingController.COMPLETE);
        r.add(GET, "/api/v1/registers/incoming", Set.of(CLERK, AUDITOR, ADMIN), "incoming", "The incoming register of a year (format json paged, csv streamed, or pdf; secret=true: the secret register, clerks only)", NONE, i::incomingRegister);
    }

    private static void declareExchange(Routes r, OrganController o, ExchangeController x) {
        r.add(GET, "/api/v1/organs", Set.of(ADMIN), "exchange", "The directory of partner organs (never their inbox tokens)", NONE, o::list);
        r.add(POST, "/api/v1/organs", Set.of(ADMIN), "exchange", "Add a partner organ {organId, name, inboxUrl, certificate (PEM), anchor (PEM), inboxToken} → 201", JSON, o::create, OrganController.ORGAN);
        r.add(GET, "/api/v1/organs/{organId}", Set.of(ADMIN), "exchange", "One partner organ", NONE, o::get);
        r.add(PUT, "/api/v1/organs/{organId}", Set.of(ADMIN), "exchange", "Replace a partner organ's name, inbox, certificate and anchor; inboxToken only when given", JSON, o::update, OrganController.ORGAN);
        r.add(DELETE, "/api/v1/organs/{organId}", Set.of(ADMIN), "exchange", "Remove a partner organ (its partner account is disabled)", NONE, o::delete);
        r.add(POST, "/api/v1/organs/{organId}/tokens", Set.of(ADMIN), "exchange", "Issue the bearer token the partner delivers to our inbox with {expiresInDays?} (shown once)", JSON, o::issueToken, OrganController.TOKEN);
        r.add(PUT, "/api/v1/dispatches/{id}/response-for", Set.of(OFFICIAL, CLERK), "exchange", "Name the incoming document the dispatch answers {incomingId}, before issue: its edXML then carries ResponseFor", JSON, x::responseFor, ExchangeController.ANSWERED);
        r.add(POST, "/api/v1/dispatches/{id}/send", Set.of(CLERK), "exchange", "Queue the issued dispatch for each recipient organ of the directory → 202 {queued, queuedBefore, otherMeans}", NONE, x::send);
        r.add(GET, "/api/v1/dispatches/{id}/deliveries", ANY_USER, "exchange", "Each delivery of the dispatch, its state and the statuses the partner reported; recipients to send by other means", NONE, x::deliveries);
        r.add(POST, "/api/v1/dispatches/{id}/recall", Set.of(CLERK), "exchange", "Recall a sent dispatch {reason}: status 13 to every organ it was sent to → 202", JSON, x::recall, ExchangeController.RECALL);
        r.add(POST, "/api/v1/exchange/inbox", Set.of(PARTNER), "exchange", "A partner delivers a sealed edXML message (application/xml): a document → 01, or a status (02-06, 13, 15, 16)", BINARY, x::inbox);
    }

    private static void declareDispatches(Routes r, DispatchController d) {
        r.add(POST, "/api/v1/dispatches", Set.of(OFFICIAL, CLERK), "dispatches", "Create an outgoing dispatch: multipart file (the PDF draft) and metadata (JSON)", MULTIPART, d::create, DispatchController.CREATE);
        r.add(GET, "/api/v1/dispatches", ANY_USER, "dispatches", "List dispatches (filters: status, year; paged)", NONE, d::list);
        r.add(GET, "/api/v1/dispatches/{id}", ANY_USER, "dispatches", "A dispatch: metadata, status, history of who did what when", NONE, d::get);
        r.add(GET, "/api/v1/dispatches/{id}/file", ANY_USER, "dispatches", "The dispatch's current PDF", NONE, d::file);
        r.add(GET, "/api/v1/dispatches/{id}/edxml", ANY_USER, "dispatches", "The issued dispatch as an edXML message (QCVN 102:2016), sealed with an enveloped XML signature", NONE, d::edxml);
        r.add(POST, "/api/v1/dispatches/{id}/sign", Set.of(OFFICIAL), "dispatches", "The official named as signer signs {keyId, pin, visible?} → SIGNED", JSON, d::sign, DispatchController.SIGN);
        r.add(POST, "/api/v1/dispatches/{id}/sign/prepare", Set.of(OFFICIAL), "dispatches", "Two-step signing by the named official, step 1: {certificate (PEM chain), visible?} → dataToSign", JSON, d::prepare, DispatchController.PREPARE);
        r.add(POST, "/api/v1/dispatches/{id}/sign/{preparationId}/complete", Set.of(OFFICIAL), "dispatches", "Two-step signing, step 2: {signatureValue} → SIGNED", JSON, d::complete, vn.vanthu.web.Requests.SIGNATURE);
        r.add(POST, "/api/v1/dispatches/{id}/attachments", Set.of(OFFICIAL, CLERK), "dispatches", "Add an appendix in a separate PDF (multipart file) while DRAFT or SIGNED", MULTIPART, d::attach, DispatchController.ATTACH);
        r.add(POST, "/api/v1/dispatches/{id}/issue", Set.of(CLERK), "dispatches", "Number, date and seal a signed dispatch {keyId, pin} → ISSUED", JSON, d::issue, DispatchController.ISSUE);
        r.add(GET, "/api/v1/registers/outgoing", Set.of(CLERK, AUDITOR, ADMIN), "dispatches", "The outgoing register of a year (format json paged, csv streamed, or pdf)", NONE, d::outgoingRegister);
    }

    void add(HandlerType method, String path, Set<Role> roles, String tag, String summary,
             ApiRoute.Body body, Handler handler) {
        add(method, path, roles, tag, summary, body, handler, null);
    }

    /** A route whose JSON fields (of the body, or of one multipart part) are declared: checked and documented. */
    void add(HandlerType method, String path, Set<Role> roles, String tag, String summary,
             ApiRoute.Body body, Handler handler, BodySpec fields) {
        routes.add(new ApiRoute(method, path, roles, tag, summary, body, handler, fields));
    }
}
