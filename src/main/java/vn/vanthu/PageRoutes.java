package vn.vanthu;

import vn.vanthu.digitization.DigitizationPagesController;
import vn.vanthu.dispatch.CopyPagesController;
import vn.vanthu.documents.ThumbnailController;
import vn.vanthu.dispatch.NumberingPagesController;
import vn.vanthu.dossier.CatalogueController;
import vn.vanthu.dossier.CataloguePagesController;
import vn.vanthu.dossier.DossierController;
import vn.vanthu.dossier.DossierPagesController;
import vn.vanthu.dossier.IncomingFilingController;
import vn.vanthu.exchange.AnswerPagesController;
import vn.vanthu.exchange.OrganPagesController;
import vn.vanthu.figures.FiguresController;
import vn.vanthu.figures.FiguresPagesController;
import vn.vanthu.keys.KeyPagesController;
import vn.vanthu.trust.TrustController;
import vn.vanthu.audit.AuditPagesController;
import vn.vanthu.dispatch.DispatchPagesController;
import vn.vanthu.incoming.IncomingPagesController;
import vn.vanthu.pages.AdminPagesController;
import vn.vanthu.pages.SignInController;
import vn.vanthu.validation.ValidationPagesController;
import vn.vanthu.users.PasswordController;
import vn.vanthu.web.ApiRoute;
import vn.vanthu.web.Role;
import java.util.Set;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static vn.vanthu.web.Role.ADMIN;
import static vn.vanthu.web.Role.AUDITOR;
import static vn.vanthu.web.Role.CLERK;
import static vn.vanthu.web.Role.HANDLER;
import static vn.vanthu.web.Role.OFFICIAL;
import static vn.vanthu.web.ApiRoute.ANY_USER;
import static vn.vanthu.web.ApiRoute.PUBLIC;
import static vn.vanthu.web.ApiRoute.Body.FORM;
import static vn.vanthu.web.ApiRoute.Body.JSON;
import static vn.vanthu.web.ApiRoute.Body.MULTIPART;
import static vn.vanthu.web.ApiRoute.Body.NONE;

/** The pages for people: HTML answers, a session cookie (or a bearer token), a CSRF token in every form. */
final class PageRoutes {
    private PageRoutes() {}

    /**
     * More pages for people: dossiers and the catalogue, the administrator's keys, digitization, copies, pictures,
     * the figures.
     */
    public record WorkPages(DossierPagesController dossiers, CataloguePagesController catalogue, KeyPagesController keys,
                            DigitizationPagesController digitization, CopyPagesController copies,
                            ThumbnailController pictures, FiguresPagesController figures,
                            AnswerPagesController answers, IncomingFilingController incomingFiling) {}

    /** The controllers of the pages for people. */
    public record Pages(SignInController signIn, AdminPagesController admin, ValidationPagesController validation,
                        AuditPagesController audit, DispatchPagesController dispatches,
                        IncomingPagesController incoming, PasswordController passwords) {}

    /** The administrator's pages of what the API alone managed: partner organs, numbering series, trust anchors. */
    public record AdminPages(OrganPagesController organs, NumberingPagesController numbering) {}

    /** The pages for people (HTML; a session cookie or a bearer token; every form carries the CSRF token). */
    private static void declarePages(Routes r, Pages p) {
        String t = ApiRoute.PAGES;
        r.add(GET, "/", PUBLIC, t, "Start page: the sign-in form, or the first page of the signed-in user's roles", NONE, p.signIn()::home);
        r.add(GET, "/signin", PUBLIC, t, "Sign-in form (username, password)", NONE, p.signIn()::signInForm);
        r.add(POST, "/signin", PUBLIC, t, "Sign in {username, password} → session cookie; 5 wrong passwords lock the account for 15 minutes", FORM, p.signIn()::signIn, SignInController.SIGN_IN);
        r.add(POST, "/signout", ANY_USER, t, "Sign out (ends the session)", FORM, p.signIn()::signOut, SignInController.SIGN_OUT);
        r.add(GET, "/password", ANY_USER, t, "Change-password form", NONE, p.signIn()::passwordForm);
        r.add(POST, "/password", ANY_USER, t, "Change one's password {current, password, confirm}", FORM, p.signIn()::changePassword, SignInController.CHANGE_PASSWORD);
        r.add(POST, "/api/v1/users/{id}/password", Set.of(ADMIN), "users", "Set a user's first password {password}: to be changed at the first sign-in to the pages; ends their sessions", JSON, p.passwords()::set, PasswordController.SET);
        r.add(GET, "/assets/app.css", PUBLIC, t, "The pages' style sheet", NONE, p.signIn()::css);
        r.add(GET, "/validate", Set.of(AUDITOR, CLERK, OFFICIAL), t, "Validation form (file, original*)", NONE, p.validation()::form);
        r.add(POST, "/validate", Set.of(AUDITOR, CLERK, OFFICIAL), t, "Validate a file: each signature's verdict (data-indication) in plain words", MULTIPART, p.validation()::validate, ValidationPagesController.VALIDATE);
        r.add(GET, "/validations", Set.of(AUDITOR), t, "Validation history (table)", NONE, p.validation()::history);
        r.add(GET, "/validations/{id}/report.pdf", Set.of(AUDITOR), t, "A stored validation's sealed PDF report", NONE, p.validation()::reportPdf);
        r.add(GET, "/audit", Set.of(AUDITOR, ADMIN), t, "Audit trail (table; filters userId, action, object; verify=true checks the hash chain)", NONE, p.audit()::list);
        r.add(GET, "/dispatches", ANY_USER, t, "Outgoing dispatches by status (table; ?status=SIGNED: drafts waiting to be issued, with the issue form for clerks)", NONE, p.dispatches()::list);
        r.add(POST, "/dispatches/{id}/issue", Set.of(CLERK), t, "Number, date and seal a signed dispatch {keyId, pin}", FORM, p.dispatches()::issue, DispatchPagesController.KEY_AND_PIN);
        r.add(GET, "/dispatches/{id}/seal-preview.png", Set.of(CLERK), t, "The page of a signed dispatch where the seal will go, its box drawn (PNG, at most 420×594; X-Signature-Box as for a draft's preview)", NONE, p.dispatches()::sealPreview);
        r.add(GET, "/drafts", Set.of(OFFICIAL), t, "Drafts waiting for my signature (table, sign form)", NONE, p.dispatches()::drafts);
        r.add(POST, "/drafts/{id}/sign", Set.of(OFFICIAL), t, "The named official signs a draft {keyId, pin}", FORM, p.dispatches()::sign, DispatchPagesController.KEY_AND_PIN);
        r.add(GET, "/drafts/{id}/preview.png", ANY_USER, t, "The page of a draft where the official's signature will land, the box drawn on it (PNG, at most 420×594; X-Signature-Box: page x y width height in points from the top-left), for whoever may read the draft", NONE, p.dispatches()::preview);
        r.add(GET, "/registers/outgoing", Set.of(CLERK, AUDITOR, ADMIN), t, "Outgoing register (table; filters year, q; format=pdf printable)", NONE, p.dispatches()::register);
        r.add(GET, "/incoming/new", Set.of(CLERK), t, "Receive form for an incoming document", NONE, p.incoming()::receiveForm);
        r.add(POST, "/incoming", Set.of(CLERK), t, "Receive an incoming document (file and metadata; register now?)", MULTIPART, p.incoming()::receive, IncomingPagesController.RECEIVE);
        r.add(GET, "/incoming", ANY_USER, t, "Incoming documents by status (table; register and direct forms by role)", NONE, p.incoming()::list);
        r.add(POST, "/incoming/{id}/register", Set.of(CLERK), t, "Register a received document (next incoming number)", FORM, p.incoming()::register, IncomingPagesController.REGISTER);
        r.add(GET, "/directions", Set.of(OFFICIAL), t, "Registered incoming documents waiting for my direction (table, direct form)", NONE, p.incoming()::directions);
        r.add(POST, "/incoming/{id}/direct", Set.of(OFFICIAL), t, "Direct the handling {leadUserId, leadUnit?, cooperatingUserIds*, deadline, comment}", FORM, p.incoming()::direct, IncomingPagesController.DIRECT);
        r.add(GET, "/handling", Set.of(HANDLER, OFFICIAL), t, "My incoming documents, nearest deadline first (table; progress and complete forms)", NONE, p.incoming()::mine);
        r.add(POST, "/incoming/{id}/progress", Set.of(HANDLER, OFFICIAL), t, "Mark progress {note?}", FORM, p.incoming()::progress, IncomingPagesController.PROGRESS);
        r.add(POST, "/incoming/{id}/complete", Set.of(HANDLER, OFFICIAL), t, "Complete {result, dispatchId?, note}", FORM, p.incoming()::complete, IncomingPagesController.COMPLETE);
        r.add(GET, "/registers/incoming", Set.of(CLERK, AUDITOR, ADMIN), t, "Incoming register (table; filters year, q, secret for clerks; format=pdf printable)", NONE, p.incoming()::incomingRegister);
        r.add(GET, "/admin/users", Set.of(ADMIN), t, "Users (table) and the new-user form", NONE, p.admin()::users);
        r.add(POST, "/admin/users", Set.of(ADMIN), t, "Create a user {name, displayName, roles, password?}", FORM, p.admin()::create, AdminPagesController.CREATE_USER);
        r.add(POST, "/admin/users/{id}/password", Set.of(ADMIN), t, "Set a first password {password}: to be changed at the next sign-in", FORM, p.admin()::setPassword, AdminPagesController.SET_PASSWORD);
        r.add(POST, "/admin/users/{id}/disabled", Set.of(ADMIN), t, "Disable or enable a user {disabled}", FORM, p.admin()::disable, AdminPagesController.DISABLE);
        r.add(POST, "/admin/users/{id}/tokens", Set.of(ADMIN), t, "Issue a bearer token {label} (shown once)", FORM, p.admin()::issueToken, AdminPagesController.TOKEN);
    }

    /** Pages of dossiers and the catalogue (HTML, like {@link #declarePages}). */
    private static void declareWorkPages(Routes r, WorkPages p, DossierController api) {
        String t = ApiRoute.PAGES;
        DossierPagesController d = p.dossiers();
        r.add(GET, "/dossiers", ANY_USER, t, "Dossiers (table; filters year, status): all with the submission reminder for clerks, admins and auditors, one's own for others", NONE, d::list);
        r.add(POST, "/dossiers", Set.of(CLERK, OFFICIAL), t, "Open a dossier from a catalogue row {catalogueSymbol, year}", FORM, d::open, DossierPagesController.OPEN);
        r.add(GET, "/dossiers/{id}", ANY_USER, t, "A dossier: items, history, and the file, close, renew and submit forms by role", NONE, d::dossier);
        r.add(POST, "/dossiers/{id}/documents", Set.of(CLERK, OFFICIAL), t, "File an issued dispatch {dispatchId} or an upload {file, kind, numberSymbol, documentDate, issuingOrgan, documentType, subject}", MULTIPART, d::file, DossierPagesController.FILE);
        r.add(POST, "/dossiers/{id}/close", Set.of(CLERK), t, "Close and seal the dossier {keyId, pin}", FORM, d::close, DossierPagesController.CLOSE);
        r.add(GET, "/dossiers/{id}/package", ANY_USER, t, "Download the sealed archival package (ZIP)", NONE, api::packageZip);
        r.add(POST, "/dossiers/{id}/renew", Set.of(CLERK, ADMIN), t, "Add an archive timestamp to the package now", FORM, d::renew, DossierPagesController.NO_FIELDS);
        r.add(POST, "/dossiers/{id}/submit", Set.of(CLERK), t, "Submit a closed dossier to the agency archive", FORM, d::submit, DossierPagesController.NO_FIELDS);
        r.add(GET, "/admin/keys", Set.of(ADMIN), t, "Signing keys (table), the forms registering a PKCS#12 or a PKCS#11 key, deletion", NONE, p.keys()::list);
        r.add(POST, "/admin/keys", Set.of(ADMIN), t, "Register a PKCS#12 key {file, owner, id?, alias?, pin}; the PIN is not stored", MULTIPART, p.keys()::register, KeyPagesController.REGISTER);
        r.add(POST, "/admin/keys/pkcs11", Set.of(ADMIN), t, "Register a PKCS#11 token key {id?, owner, library, slot|tokenLabel, alias, pin?}; the PIN is not stored", FORM, p.keys()::registerPkcs11, KeyPagesController.PKCS11);
        r.add(POST, "/admin/keys/{id}/delete", Set.of(ADMIN), t, "Delete a key registration once confirmed {confirm=yes}", FORM, p.keys()::delete, KeyPagesController.DELETE);
        DigitizationPagesController g = p.digitization();
        r.add(GET, "/digitizations/new", Set.of(CLERK), t, "Digitization form: scans and what the paper says", NONE, g::form);
        r.add(POST, "/digitizations", Set.of(CLERK), t, "Digitize {scan*, paperPages, numberSymbol?, documentDate?, issuingOrgan?, documentType?, subject?} → its page", MULTIPART, g::create, DigitizationPagesController.CREATE);
        r.add(GET, "/digitizations/{id}", Set.of(CLERK, AUDITOR, ADMIN), t, "A digitization: its job's progress (the page reloads while it runs), metadata, suggestions, the result", NONE, g::show);
        r.add(POST, "/digitizations/{id}/suggestions/accept", Set.of(CLERK), t, "Accept the ticked suggestions {fields*}", FORM, g::accept, DigitizationPagesController.ACCEPT);
        r.add(GET, "/digitizations/{id}/file", Set.of(CLERK, AUDITOR, ADMIN), t, "The searchable PDF/A", NONE, g::file);
        r.add(GET, "/copies/new", Set.of(CLERK), t, "Copy form: SY, SL or TrS of an issued dispatch, a scan or a sao y, with the seal", NONE, p.copies()::form);
        r.add(GET, "/pictures/{file}", ANY_USER, t, "A picture (PNG, at most 200×283) of page 1 of a stored PDF: /pictures/{sha256}.png", NONE, p.pictures()::png);
        r.add(POST, "/copies", Set.of(CLERK), t, "Make a sealed copy {form, source? | file? | copyNumber?, pages?, keyId, pin} → the PDF to save", MULTIPART, p.copies()::create, CopyPagesController.CREATE);
    }

    /** The catalogue's page: the table, its approval, the clerk's edit form and the agency head's approval form. */
    private static void declareCataloguePages(Routes r, CataloguePagesController p, CatalogueController api) {
        String t = ApiRoute.PAGES;
        r.add(GET, "/catalogue", ANY_USER, t, "The year's dossier catalogue (table; ?year=; open a dossier from a row for clerks and officials), its approval and approved versions; the edit form for clerks and administrators, the approval form for an agency head", NONE, p::show);
        r.add(POST, "/catalogue", Set.of(CLERK, ADMIN), t, "Replace the year's catalogue {year, numeral.i, heading.i, symbol.i, title.i, retention.i, responsibleUserId.i, notes.i, remove.i}, as PUT /api/v1/catalogues/{year}", FORM, p::save, CataloguePagesController.EDIT);
        r.add(POST, "/catalogue/approve", Set.of(OFFICIAL), t, "An agency head approves the year's catalogue {year, decisionNumber, decisionDate, place, position, keyId, pin}, as POST /api/v1/catalogues/{year}/approve", FORM, p::approve, CataloguePagesController.APPROVE);
        r.add(GET, "/catalogue/{year}/print", ANY_USER, t, "The printable catalogue (?format=pdf), as the API answers it: the signed approved PDF while approved, else the draft", NONE, api::get);
        r.add(GET, "/catalogue/{year}/approvals/{version}/file", ANY_USER, t, "The PDF of one approved version, as the approver signed it", NONE, api::approvalFile);
    }

    /** The handler's answer (a new draft named as the answer of the document they lead) and filing into a dossier. */
    private static void declareHandlingPages(Routes r, AnswerPagesController a, IncomingFilingController f) {
        String t = ApiRoute.PAGES;
        r.add(GET, "/handling/{id}/file", Set.of(HANDLER, OFFICIAL), t, "Form filing an incoming document I lead or cooperate on into one of my open dossiers", NONE, f::form);
        r.add(POST, "/handling/{id}/file", Set.of(HANDLER, OFFICIAL), t, "File the incoming document into my open dossier {dossierId}: its file as an INCOMING item with its metadata", FORM, f::file, IncomingFilingController.FORM);
        r.add(GET, "/handling/{id}/answer", Set.of(HANDLER, OFFICIAL), t, "Answer form of an incoming document I lead: subject, type, signing official, recipients, the PDF draft", NONE, a::form);
        r.add(POST, "/handling/{id}/answer", Set.of(HANDLER, OFFICIAL), t, "Create the answering draft {file, documentType, subject, signerUserId, signerPosition, signerName?, recipients, draftingUnit?, priority?, secret?, dueDate?}, named as the answer", MULTIPART, a::create, AnswerPagesController.FORM);
    }

    /** The figures page, its chart and its downloads (by the API's handler), for the API's roles. */
    private static void declareFigurePages(Routes r, FiguresPagesController p, FiguresController api) {
        String t = ApiRoute.PAGES;
        Set<Role> roles = Set.of(CLERK, AUDITOR, ADMIN, OFFICIAL);
        r.add(GET, "/figures", roles, t, "The figures: form (year or from/to, period, unit), the headline percentages as a bar chart, tables per unit and period (counts and percentages)", NONE, p::page);
        r.add(GET, "/figures/chart.png", roles, t, "The bar chart of the headline percentages (PNG; the page's query)", NONE, p::chart);
        r.add(GET, "/figures/download", roles, t, "The figures as CSV or as the sealed PDF (format=csv|pdf and the page's query), as the API answers them", NONE, api::get);
    }

    /** The administrator's pages of partner organs, numbering series and trust anchors (HTML, like {@link #declarePages}). */
    private static void declareAdminPages(Routes r, AdminPages p, TrustController trust) {
        String t = ApiRoute.PAGES;
        OrganPagesController o = p.organs();
        r.add(GET, "/admin/organs", Set.of(ADMIN), t, "Partner organs (table: certificate and anchor facts, never an inbox token) and the form adding one; ?edit={organId} fills the form to replace one", NONE, o::list);
        r.add(POST, "/admin/organs", Set.of(ADMIN), t, "Add a partner organ {organId, name, inboxUrl, certificate | certificateFile, anchor | anchorFile, inboxToken}", MULTIPART, o::create, OrganPagesController.ORGAN);
        r.add(POST, "/admin/organs/{organId}", Set.of(ADMIN), t, "Replace a partner organ {name, inboxUrl, certificate | certificateFile, anchor | anchorFile, inboxToken?}", MULTIPART, o::update, OrganPagesController.ORGAN);
        r.add(POST, "/admin/organs/{organId}/delete", Set.of(ADMIN), t, "Remove a partner organ (its partner account is disabled)", FORM, o::delete, OrganPagesController.NO_FIELDS);
        r.add(POST, "/admin/organs/{organId}/tokens", Set.of(ADMIN), t, "Issue the partner's bearer token {expiresInDays?} (shown once)", FORM, o::issueToken, OrganPagesController.TOKEN);
        r.add(GET, "/admin/numbering", Set.of(ADMIN), t, "The year's numbering series (?year=; table with the next numbers) and the form changing the layout", NONE, p.numbering()::show);
        r.add(POST, "/admin/numbering", Set.of(ADMIN), t, "Change the year's layout {year, code.i, types.i, legalNormative.i, remove.i, secretCode, secretSuffix}", FORM, p.numbering()::replace, NumberingPagesController.FORM);
        r.add(GET, "/admin/trust", Set.of(ADMIN), t, "Trust anchors and the seal certificate (facts, a badge OK / expiring / expired) and the settings that change them", NONE, trust::page);
    }

    static void declare(Routes r, Routes.Controllers c) {
        declarePages(r, c.pages());
        declareWorkPages(r, c.workPages(), c.dossiers());
        declareCataloguePages(r, c.workPages().catalogue(), c.catalogues());
        declareAdminPages(r, c.adminPages(), c.trust());
        declareFigurePages(r, c.workPages().figures(), c.figures());
        declareHandlingPages(r, c.workPages().answers(), c.workPages().incomingFiling());
    }
}
