package vn.vanthu.web;

/** What a user may do; a user may hold several roles. A HANDLER handles the incoming documents assigned to them. */
public enum Role { OFFICIAL, CLERK, AUDITOR, ADMIN, HANDLER }
