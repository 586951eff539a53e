package vn.vanthu.web;

import java.util.Set;

/** A person (or system account) who calls the API. */
public record User(String id, String name, String displayName, Set<Role> roles, boolean disabled) {
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
