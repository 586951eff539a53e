package vn.vanthu.web;

/**
 * Where the web layer records what a state-changing request did (the audit feature implements it), so that
 * {@code web} needs no feature.
 */
@FunctionalInterface
public interface RequestAudit {
    void record(String userId, String action, String object, String outcome, String requestId, String details);
}
