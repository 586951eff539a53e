package vn.vanthu.jobs;

import vn.vanthu.store.Database;

import java.time.Clock;

/**
 * Background jobs, built once: the {@link Jobs} runner other features hand their long work to, and its controller.
 *
 * <pre>{@code JobsFeature jobs = JobsFeature.create(db, clock); … jobs.service().close();}</pre>
 */
public record JobsFeature(Jobs service, JobController controller) {
    public static JobsFeature create(Database db, Clock clock) {
        Jobs jobs = new Jobs(db, clock);
        return new JobsFeature(jobs, new JobController(jobs));
    }
}
