package vn.vanthu.web;

/**
 * A signed-in browser: its user, the CSRF token its forms must send back, and whether the user must change a
 * password an administrator set before doing anything else.
 */
public record PageSession(String id, User user, String csrfToken, boolean mustChangePassword) {}
