package vn.vanthu.dispatch;

import vn.vanthu.config.AppConfig;

import java.util.Optional;

/**
 * What an edXML message says about its sender and addressees, from configuration: the agency (organ id, name,
 * governing body, place, address and contacts) and the directory that gives each recipient its organ id; and,
 * for an answer, the incoming document it answers ({@code ResponseFor}), which the exchange feature keeps.
 *
 * <pre>{@code new EdXmlSender(config.agency(), config.exchange(), directory, ResponseLookup.NONE)}</pre>
 */
public record EdXmlSender(AppConfig.Agency agency, AppConfig.Exchange contacts, OrganDirectory directory,
                          ResponseLookup responses) {

    /** The document an answer refers to (our incoming document), as the sender of that document identified it. */
    public record ResponseFor(String incomingId, String organId, String documentId, String code, String promulgationDate) {}

    /** The document a dispatch (by its id) answers, as the sender of that document identified it. */
    @FunctionalInterface
    public interface ResponseLookup {
        ResponseLookup NONE = id -> Optional.empty();

        Optional<ResponseFor> find(String dispatchId);
    }
}
