package vn.vanthu.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Jdbi;
import vn.vanthu.store.Database;
import vn.vanthu.web.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Rows of the jobs table (V30). A finished job is never written again: every update checks the state. */
final class JobDao {
    private static final String COLUMNS = "id, kind, state, done_count, total_count, errors, created_by, created_at, heartbeat_at";
    private static final String UNFINISHED = "state IN ('QUEUED', 'RUNNING')";

    private final Jdbi jdbi;

    JobDao(Database db) {
        this.jdbi = db.jdbi();
    }

    void insert(Job j) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO jobs (" + COLUMNS + ") VALUES (:id, :k, :s, :d, :t, :e, :cb, :ca, :hb)")
                .bind("id", j.id()).bind("k", j.kind()).bind("s", j.state().name()).bind("d", j.done())
                .bind("t", j.total()).bind("e", json(j.errors())).bind("cb", j.createdBy())
                .bind("ca", j.createdAt()).bind("hb", j.heartbeatAt()).execute());
    }

    Optional<Job> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    /** QUEUED → RUNNING; false when the job had already ended (failed as interrupted). */
    boolean running(String id, OffsetDateTime now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET state = 'RUNNING', heartbeat_at = :hb "
                + "WHERE id = :id AND state = 'QUEUED'").bind("id", id).bind("hb", now).execute()) == 1;
    }

    void progress(String id, int done, OffsetDateTime now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET done_count = :d, heartbeat_at = :hb WHERE id = :id AND "
                + UNFINISHED).bind("id", id).bind("d", done).bind("hb", now).execute());
    }

    /** Ends an unfinished job; false when it had already ended. */
    boolean finish(String id, Job.State state, Integer done, List<Job.Error> errors, OffsetDateTime now) {
        String setDone = done == null ? "" : ", done_count = :d";
        return jdbi.withHandle(h -> {
            var u = h.createUpdate("UPDATE jobs SET state = :s, errors = :e, heartbeat_at = :hb" + setDone
                    + " WHERE id = :id AND " + UNFINISHED).bind("id", id).bind("s", state.name())
                    .bind("e", json(errors)).bind("hb", now);
            if (done != null) {
                u.bind("d", done);
            }
            return u.execute() == 1;
        });
    }

    /** This instance still holds these jobs. */
    void heartbeat(Collection<String> ids, OffsetDateTime now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET heartbeat_at = :hb WHERE id IN (<ids>) AND " + UNFINISHED)
                .bindList("ids", List.copyOf(ids)).bind("hb", now).execute());
    }

    private static Job row(ResultSet rs) throws SQLException {
        return new Job(rs.getString(1), rs.getString(2), Job.State.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5),
                errors(rs.getString(6)), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                rs.getObject(9, OffsetDateTime.class));
    }

    private static String json(List<Job.Error> errors) {
        try {
            return Json.MAPPER.writeValueAsString(errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Job.Error> errors(String text) {
        try {
            return Json.MAPPER.readValue(text, new TypeReference<List<Job.Error>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
