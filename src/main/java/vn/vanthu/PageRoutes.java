package vn.vanthu;

import vn.vanthu.digitization.DigitizationPagesController;
import vn.vanthu.dispatch.CopyPagesController;
import vn.vanthu.documents.ThumbnailController;
import vn.vanthu.dossier.DossierController;
import vn.vanthu.dossier.DossierPagesController;
import vn.vanthu.keys.KeyPagesController;
import vn.vanthu.audit.AuditPagesController;
import vn.vanthu.dispatch.DispatchPagesController;
import vn.vanthu.incoming.IncomingPagesController;
import vn.vanthu.pages.AdminPagesController;
import vn.vanthu.pages.SignInController;
import vn.vanthu.validation.ValidationPagesController;
import vn.vanthu.users.PasswordController;
import vn.vanthu.web.ApiRoute;
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

    /** More pages for people: dossiers and the catalogue, the administrator's keys, digitization, copies, pictures. */
    public record WorkPages(DossierPagesController dossiers, KeyPagesController keys,
                            DigitizationPagesController digitization, CopyPagesController copies,
                            ThumbnailController pictures) {}

    /** The controllers of the pages for people. */
    public record Pages(SignInController signIn, AdminPagesController admin, ValidationPagesController validation,
                        AuditPagesController audit, DispatchPagesController dispatches,
                        IncomingPagesController incoming, PasswordController passwords) {}

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
        r.add(GET, "/drafts", Set.of(OFFICIAL), t, "Drafts waiting for my signature (table, sign form)", NONE, p.dispatches()::drafts);
        r.add(POST, "/drafts/{id}/sign", Set.of(OFFICIAL), t, "The named official signs a draft {keyId, pin}", FORM, p.dispatches()::sign, DispatchPagesController.KEY_AND_PIN);
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
        r.add(GET, "/catalogue", ANY_USER, t, "The year's dossier catalogue (table; ?year=; open a dossier from a row for clerks and officials)", NONE, d::catalogue);
        r.add(GET, "/dossiers", ANY_USER, t, "Dossiers (table; filters year, status): all with the submission reminder for clerks, admins and auditors, one's own for others", NONE, d::list);
        r.add(POST, "/dossiers", Set.of(CLERK, OFFICIAL), t, "Open a dossier from a catalogue row {catalogueSymbol, year}", FORM, d::open, DossierPagesController.OPEN);
        r.add(GET, "/dossiers/{id}", ANY_USER, t, "A dossier: items, history, and the file, close, renew and submit forms by role", NONE, d::dossier);
        r.add(POST, "/dossiers/{id}/documents", Set.of(CLERK, OFFICIAL), t, "File an issued dispatch {dispatchId} or an upload {file, kind, numberSymbol, documentDate, issuingOrgan, documentType, subject}", MULTIPART, d::file, DossierPagesController.FILE);
        r.add(POST, "/dossiers/{id}/close", Set.of(CLERK), t, "Close and seal the dossier {keyId, pin}", FORM, d::close, DossierPagesController.CLOSE);
        r.add(GET, "/dossiers/{id}/package", ANY_USER, t, "Download the sealed archival package (ZIP)", NONE, api::packageZip);
        r.add(POST, "/dossiers/{id}/renew", Set.of(CLERK, ADMIN), t, "Add an archive timestamp to the package now", FORM, d::renew, DossierPagesController.NO_FIELDS);
        r.add(POST, "/dossiers/{id}/submit", Set.of(CLERK), t, "Submit a closed dossier to the agency archive", FORM, d::submit, DossierPagesController.NO_FIELDS);
        r.add(GET, "/admin/keys", Set.of(ADMIN), t, "Signing keys (table) and the form registering a PKCS#12 key", NONE, p.keys()::list);
        r.add(POST, "/admin/keys", Set.of(ADMIN), t, "Register a PKCS#12 key {file, owner, id?, alias?, pin}; the PIN is not stored", MULTIPART, p.keys()::register, KeyPagesController.REGISTER);
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

    static void declare(Routes r, Pages pages, WorkPages work, DossierController api) {
        declarePages(r, pages);
        declareWorkPages(r, work, api);
    }
}
