package vn.vanthu.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Daemons;
import vn.vanthu.store.Database;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs long work in the background and keeps its progress in the jobs table, where any instance can read it.
 * Work runs one job at a time per instance (OCR already uses a whole core per page). A job does not survive its
 * instance: the instance touches the jobs it holds every 30 s, and a job untouched for two minutes (its instance
 * died) or held at shutdown is FAILED with JOB_INTERRUPTED; the client sends the work again. Resuming was not
 * chosen because the inputs of a job live in temporary files of the instance that took it.
 *
 * <pre>{@code
 * Job job = jobs.create("DIGITIZATION", pages, user.id());
 * jobs.start(job, progress -> { … progress.done(1); … });   // throws JobFailure to fail with a code
 * }</pre>
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration STALE = Duration.ofMinutes(2);
    private static final int MAX_HELD = 100;

    /** What a job does; it reports progress and throws {@link JobFailure} to fail with a code. */
    @FunctionalInterface
    public interface Work {
        void run(Progress progress) throws Exception;
    }

    /** How far the work has come: items (pages) done so far. */
    @FunctionalInterface
    public interface Progress {
        void done(int count);
    }

    private final JobDao dao;
    private final Clock clock;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeat;

    public Jobs(Database db, Clock clock) {
        this.dao = new JobDao(db);
        this.clock = clock;
        this.workers = Executors.newSingleThreadExecutor(Daemons.numbered("vanthu-job"));
        this.heartbeat = Daemons.every("vanthu-job-heartbeat", HEARTBEAT, HEARTBEAT, this::beat);
    }

    /** A new QUEUED job; {@link #start} hands it its work (or {@link #abandon} when it cannot start). */
    public Job create(String kind, int total, String createdBy) {
        if (held.size() >= MAX_HELD) {
            throw new ApiException(503, "TOO_MANY_JOBS", "Too many jobs are waiting; try again in a few minutes", null);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Job job = new Job(UUID.randomUUID().toString(), kind, Job.State.QUEUED, 0, total, List.of(), createdBy, now, now);
        dao.insert(job);
        held.add(job.id());
        return job;
    }

    public void start(Job job, Work work) {
        workers.execute(() -> run(job, work));
    }

    /** Fails a created job that will never start (what was to follow its creation failed). */
    public void abandon(Job job, String code, String message) {
        dao.finish(job.id(), Job.State.FAILED, null, List.of(new Job.Error(code, message)), OffsetDateTime.now(clock));
        held.remove(job.id());
    }

    private void run(Job job, Work work) {
        boolean stopping = false;
        try {
            if (!dao.running(job.id(), OffsetDateTime.now(clock))) {
                return;
            }
            work.run(count -> dao.progress(job.id(), count, OffsetDateTime.now(clock)));
            dao.finish(job.id(), Job.State.DONE, job.total(), List.of(), OffsetDateTime.now(clock));
        } catch (JobFailure f) {
            log.info("Job {} ({}) failed: {} {}", job.id(), job.kind(), f.code(), f.getMessage());
            dao.finish(job.id(), Job.State.FAILED, null, List.of(new Job.Error(f.code(), f.getMessage())), OffsetDateTime.now(clock));
        } catch (InterruptedException e) {
            // Shutting down: close() records the job as interrupted (an interrupted thread must not touch H2's files).
            Thread.currentThread().interrupt();
            stopping = true;
        } catch (Exception e) {
            log.error("Job {} ({}) failed unexpectedly", job.id(), job.kind(), e);
            dao.finish(job.id(), Job.State.FAILED, null, List.of(new Job.Error("JOB_FAILED",
                    "The job failed unexpectedly (job " + job.id() + " in the service log)")), OffsetDateTime.now(clock));
        } finally {
            if (!stopping) {
                held.remove(job.id());
            }
        }
    }

    /** The job, for its creator or an admin (others: empty, as if it did not exist). */
    public Optional<Job> find(String id, User user) {
        return find(id).filter(j -> j.createdBy().equals(user.id()) || user.has(Role.ADMIN));
    }

    /**
     * The job as stored. One whose instance stopped touching it is ended here as FAILED, so that its state is
     * never a RUNNING that no one runs.
     */
    public Optional<Job> find(String id) {
        Optional<Job> found = dao.find(id);
        if (found.isPresent() && !found.get().state().finished() && !held.contains(id)
                && found.get().heartbeatAt().isBefore(OffsetDateTime.now(clock).minus(STALE))) {
            interrupted(id);
            return dao.find(id);
        }
        return found;
    }

    private void interrupted(String id) {
        dao.finish(id, Job.State.FAILED, null, List.of(new Job.Error("JOB_INTERRUPTED",
                "The service stopped before the job ended; send the work again")), OffsetDateTime.now(clock));
    }

    private void beat() {
        try {
            dao.heartbeat(held, OffsetDateTime.now(clock));
        } catch (RuntimeException e) {
            log.warn("Could not touch the running jobs: {}", e.toString());
        }
    }

    /** Stops the work in hand and records every job this instance held as interrupted. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String id : List.copyOf(held)) {
            interrupted(id);
        }
        held.clear();
    }
}
