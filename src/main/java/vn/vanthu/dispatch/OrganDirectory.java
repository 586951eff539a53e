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
}
