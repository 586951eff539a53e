package vn.vanthu.web;

/**
 * What a user may do; a user may hold several roles. A HANDLER handles the incoming documents assigned to them.
 * A PARTNER is another agency's vanthu delivering to the exchange inbox: it is no "any user" and sees nothing else.
 */
public enum Role { OFFICIAL, CLERK, AUDITOR, ADMIN, HANDLER, PARTNER }
