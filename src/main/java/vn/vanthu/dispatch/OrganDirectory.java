package vn.vanthu.dispatch;

import java.util.Optional;

/**
 * The partner organs an issued dispatch can be addressed to electronically: a recipient as the drafter wrote it
 * (an organ id or an organ's name) resolved to the organ's identifier, for the edXML {@code To/OrganId}. The
 * exchange feature holds the directory; dispatch only asks.
 *
 * <pre>{@code directory.find("Sở Nội vụ tỉnh Thái Bình").map(OrganDirectory.Addressee::organId)}</pre>
 */
@FunctionalInterface
public interface OrganDirectory {
    /** No directory: every recipient is sent by other means. */
    OrganDirectory NONE = recipient -> Optional.empty();

    /** A partner organ: its identifier and its name as the directory holds it. */
    record Addressee(String organId, String organName) {}

    Optional<Addressee> find(String recipient);

    /**
     * Which of {@code recipients} the directory holds (each as written); a directory backed by a database answers
     * in one query, so that a page of the register costs the same whatever its recipients.
     */
    default java.util.Set<String> held(java.util.Collection<String> recipients) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String r : recipients) {
            if (find(r).isPresent()) {
                out.add(r);
            }
        }
        return out;
    }
}
