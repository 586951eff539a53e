package vn.vanthu.incoming;

import java.util.Collection;
import java.util.Map;

/**
 * Which outgoing dispatch has been named as the answer of each incoming document (the exchange keeps these,
 * built before this feature), for the handler's page: "answered by draft …", and the dispatch offered when
 * completing with the result ANSWERED.
 *
 * <pre>{@code Map<String, String> dispatchByIncoming = answers.answers(List.of(incomingId));}</pre>
 */
public interface AnswerLookup {
    /** No answers known (a build without the exchange). */
    AnswerLookup NONE = ids -> Map.of();

    /** The dispatch id answering each of these incoming documents that has one (the latest named). */
    Map<String, String> answers(Collection<String> incomingIds);
}
