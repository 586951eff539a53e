package vn.vanthu.web;

/**
 * What a user may do; a user may hold several roles. A HANDLER handles the incoming documents assigned to them.
 * A PARTNER is another agency's vanthu delivering to the exchange inbox: it is no "any user" and sees nothing else.
 */
public enum Role {
    OFFICIAL, CLERK, AUDITOR, ADMIN, HANDLER, PARTNER;

    /** The roles a person can be given (a PARTNER account comes only with its organ in the directory). */
    public static final java.util.List<Role> PEOPLE = java.util.List.of(OFFICIAL, CLERK, AUDITOR, ADMIN, HANDLER);
}
