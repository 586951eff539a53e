package vn.vanthu.jobs;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A long piece of work as its caller sees it: state, pages (or items) done out of the total, and what went wrong.
 *
 * <pre>{@code Job j = jobs.find(id, user).orElseThrow(); if (j.state() == Job.State.DONE) { … }}</pre>
 */
public record Job(String id, String kind, State state, int done, int total, List<Error> errors, String createdBy,
                  OffsetDateTime createdAt, OffsetDateTime heartbeatAt) {

    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        public boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    /** One failure: a stable code and a message that names the page or item when there is one. */
    public record Error(String code, String message) {}
}
