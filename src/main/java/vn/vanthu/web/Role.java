package vn.vanthu.web;

/** What a user may do; a user may hold several roles. */
public enum Role { OFFICIAL, CLERK, AUDITOR, ADMIN }
