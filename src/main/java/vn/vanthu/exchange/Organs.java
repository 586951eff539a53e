package vn.vanthu.exchange;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.dispatch.OrganDirectory;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.users.UserService;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The directory of partner organs (ADMIN): who they are, where their inbox is, which seal certificate and anchor
 * their messages must verify against, the token they issued us, and the local PARTNER account (one per organ)
 * whose bearer tokens they present to our inbox. It also answers dispatch's {@link OrganDirectory} questions.
 *
 * <pre>{@code
 * Organ b = organs.create(origin, new OrganInput("000.00.01.H56", "Sở Nội vụ", "https://…/api/v1/exchange/inbox", pem, anchorPem, token));
 * UserService.IssuedToken forB = organs.issueToken(origin, b.organId(), 3650);   // B's vanthu sends with it
 * }</pre>
 */
public final class Organs implements OrganDirectory {
    private final OrganDao dao;
    private final UserService users;
    private final Clock clock;

    Organs(OrganDao dao, UserService users, Clock clock) {
        this.dao = dao;
        this.users = users;
        this.clock = clock;
    }

    /** Built early in the wiring: dispatch asks it while issuing. */
    public static Organs create(Database db, UserService users, Clock clock) {
        return new Organs(new OrganDao(db), users, clock);
    }

    Organ create(RequestOrigin origin, OrganInput input) {
        OrganInput in = input.checked(true);
        PartnerCertificates.checked(in.certificate(), in.anchor(), clock);
        if (dao.find(in.organId()).isPresent()) {
            throw ApiException.conflict("ORGAN_EXISTS", "The directory holds organ " + in.organId() + " already");
        }
        String account = "partner-" + in.organId().toLowerCase(Locale.ROOT);
        User partner = users.findByName(account).orElseGet(() -> users.create(origin, account,
                "Partner organ " + in.organId(), Set.of(Role.PARTNER)));
        if (partner.disabled()) {
            users.setDisabled(origin, partner.id(), false);
        }
        dao.insert(in, partner.id(), VietnamTime.now(clock), AuditLog.Entry.ofChange(origin, "ORGAN_CREATE", in.organId(), in.inboxUrl()));
        return get(in.organId());
    }

    Organ update(RequestOrigin origin, String organId, OrganInput input) {
        OrganInput in = input.checked(false);
        PartnerCertificates.checked(in.certificate(), in.anchor(), clock);
        if (!dao.update(organId, in, VietnamTime.now(clock), AuditLog.Entry.ofChange(origin, "ORGAN_UPDATE", organId,
                in.inboxUrl() + (in.inboxToken() == null ? "" : ", new inbox token")))) {
            throw ApiException.notFound("Organ " + organId);
        }
        return get(organId);
    }

    /** Removes the organ; its partner account is disabled, so its tokens stop working at once. */
    void delete(RequestOrigin origin, String organId) {
        Organ o = get(organId);
        if (!dao.delete(organId, AuditLog.Entry.ofChange(origin, "ORGAN_DELETE", organId, o.name()))) {
            throw ApiException.notFound("Organ " + organId);
        }
        users.setDisabled(origin, o.partnerUserId(), true);
    }

    /** A bearer token for the organ's partner account (shown once): the partner's vanthu delivers to us with it. */
    UserService.IssuedToken issueToken(RequestOrigin origin, String organId, Integer expiresInDays) {
        Organ o = get(organId);
        return users.issueToken(origin, o.partnerUserId(), "exchange inbox of " + organId, expiresInDays);
    }

    List<Organ> list() {
        return dao.list();
    }

    Organ get(String organId) {
        return dao.find(organId).orElseThrow(() -> ApiException.notFound("Organ " + organId));
    }

    Optional<Organ> organ(String organId) {
        return dao.find(organId);
    }

    /** The organ a PARTNER caller delivers for; 403 when its account belongs to no organ any more. */
    Organ partner(User caller) {
        return dao.byPartnerUser(caller.id()).orElseThrow(() -> ApiException.forbidden("UNKNOWN_PARTNER",
                "This account belongs to no organ of the directory"));
    }

    /** The organ's seal certificate, checked against its anchor now (422 when it no longer chains or expired). */
    X509Certificate sealCertificate(Organ o) {
        return PartnerCertificates.checked(o.certificate(), o.anchor(), clock);
    }

    Optional<String> inboxToken(String organId) {
        return dao.inboxToken(organId);
    }

    @Override
    public Optional<Addressee> find(String recipient) {
        return dao.resolve(recipient).map(o -> new Addressee(o.organId(), o.name()));
    }

    @Override
    public java.util.Set<String> held(java.util.Collection<String> recipients) {
        java.util.Set<String> stripped = new java.util.HashSet<>();
        for (String r : recipients) {
            stripped.add(r == null ? "" : r.strip());
        }
        java.util.Set<String> known = dao.held(stripped);
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String r : recipients) {
            String k = r == null ? "" : r.strip();
            if (known.contains(k) || known.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                out.add(r);
            }
        }
        return out;
    }
}
