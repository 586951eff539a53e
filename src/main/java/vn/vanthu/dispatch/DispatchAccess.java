package vn.vanthu.dispatch;

import vn.vanthu.config.ConfigException;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who sees and who may add to which dispatch. The creator and the named signer always see their own. A draft
 * (not yet issued) is seen by clerks and auditors besides; a secret dispatch only by the roles of
 * {@code VANTHU_SECRET_ROLES}. A dispatch the caller may not see is answered 404, as if it did not exist
 * (its existence is not told); a visible dispatch the caller may not change is answered 403.
 *
 * <pre>{@code Dispatch d = access.visible(caller, dao.find(id)...); access.mayAttach(caller, d);}</pre>
 */
final class DispatchAccess {
    private static final Set<Role> DRAFT_READERS = EnumSet.of(Role.CLERK, Role.AUDITOR);

    /** The same rule as SQL parameters, for lists: the caller, whether drafts and secret ones show. */
    record Filter(String userId, boolean drafts, boolean secrets) {}

    private final Set<Role> secretRoles;

    DispatchAccess(Set<Role> secretRoles) {
        this.secretRoles = secretRoles.isEmpty() ? Set.of() : EnumSet.copyOf(secretRoles);
    }

    /** From the role names of {@code VANTHU_SECRET_ROLES}; an unknown role stops start-up. */
    static DispatchAccess of(List<String> roleNames) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("Invalid value for VANTHU_SECRET_ROLES (secret.roles): unknown role " + name);
            }
        }
        return new DispatchAccess(roles);
    }

    boolean sees(User caller, Dispatch d) {
        if (own(caller, d)) {
            return true;
        }
        if (d.secret() && !seesSecrets(caller)) {
            return false;
        }
        return d.status() == Dispatch.Status.ISSUED || seesDrafts(caller);
    }

    /** The dispatch, or 404 when the caller may not see it. */
    Dispatch visible(User caller, Dispatch d) {
        if (!sees(caller, d)) {
            throw ApiException.notFound("Dispatch " + d.id());
        }
        return d;
    }

    /** Appendices: the creator or a clerk (403 for anyone else who sees the dispatch). */
    void mayAttach(User caller, Dispatch d) {
        visible(caller, d);
        if (!caller.id().equals(d.createdBy()) && !caller.has(Role.CLERK)) {
            throw ApiException.forbidden("NOT_ALLOWED", "Only the dispatch's creator or a clerk may add an appendix");
        }
    }

    Filter filter(User caller) {
        return new Filter(caller.id(), seesDrafts(caller), seesSecrets(caller));
    }

    private static boolean own(User caller, Dispatch d) {
        return caller.id().equals(d.createdBy()) || caller.id().equals(d.signerUserId());
    }

    private static boolean seesDrafts(User caller) {
        return !Collections.disjoint(caller.roles(), DRAFT_READERS);
    }

    private boolean seesSecrets(User caller) {
        return !Collections.disjoint(caller.roles(), secretRoles);
    }
}
