package vn.vanthu.jobs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import vn.vanthu.config.AppConfig;
import vn.vanthu.store.Database;
import vn.vanthu.support.Databases;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job runner on its own, on H2 and PostgreSQL: honest states through success, failure, a dead instance, shutdown. */
class JobsTest {
    private static final User CLERK = new User("u-clerk", "clerk", "Clerk", Set.of(Role.CLERK), false);
    private static final User OTHER = new User("u-other", "other", "Other", Set.of(Role.CLERK), false);
    private static final User ADMIN = new User("u-admin", "admin", "Admin", Set.of(Role.ADMIN), false);

    private static Database open(Databases.Kind kind) throws Exception {
        var t = Databases.fresh(kind, Files.createTempDirectory("vanthu-jobs"));
        return Database.open(new AppConfig.Storage(Files.createTempDirectory("vanthu-jobs-data"), t.url(), t.user(),
                t.password(), 4));
    }

    private static Job await(Jobs jobs, String id) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        Job j = jobs.find(id).orElseThrow();
        while (!j.state().finished() && Instant.now().isBefore(end)) {
            Thread.sleep(50);
            j = jobs.find(id).orElseThrow();
        }
        return j;
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void progress_success_failure_and_a_dead_instance_each_leave_an_honest_state(Databases.Kind kind) throws Exception {
        try (Database db = open(kind); Jobs jobs = new Jobs(db, Clock.systemUTC())) {
            Job ok = jobs.create("TEST", 2, CLERK.id());
            assertEquals(Job.State.QUEUED, jobs.find(ok.id()).orElseThrow().state());
            jobs.start(ok, p -> { p.done(1); p.done(2); });
            Job done = await(jobs, ok.id());
            assertEquals(Job.State.DONE, done.state());
            assertEquals(2, done.done());
            assertTrue(done.errors().isEmpty());

            Job bad = jobs.create("TEST", 3, CLERK.id());
            jobs.start(bad, p -> { p.done(1); throw new JobFailure("OCR_PAGE_TIMEOUT", "Page 2 took too long"); });
            Job failed = await(jobs, bad.id());
            assertEquals(Job.State.FAILED, failed.state());
            assertEquals(1, failed.done());
            assertEquals(new Job.Error("OCR_PAGE_TIMEOUT", "Page 2 took too long"), failed.errors().get(0));

            Job orphan = jobs.create("TEST", 1, CLERK.id());   // never started: its instance "died"
            Clock later = Clock.offset(Clock.systemUTC(), Jobs.STALE.plusMinutes(1));
            try (Jobs otherInstance = new Jobs(db, later)) {
                Job seen = otherInstance.find(orphan.id()).orElseThrow();
                assertEquals(Job.State.FAILED, seen.state());
                assertEquals("JOB_INTERRUPTED", seen.errors().get(0).code());
            }
        }
    }

    @Test
    void an_unexpected_error_fails_the_job_without_showing_its_message() throws Exception {
        try (Database db = open(Databases.Kind.H2); Jobs jobs = new Jobs(db, Clock.systemUTC())) {
            Job j = jobs.create("TEST", 1, CLERK.id());
            jobs.start(j, p -> { throw new IllegalStateException("secret internals"); });
            Job failed = await(jobs, j.id());
            assertEquals("JOB_FAILED", failed.errors().get(0).code());
            assertFalse(failed.errors().get(0).message().contains("secret"));
        }
    }

    @Test
    void stopping_the_instance_fails_the_jobs_it_held_instead_of_leaving_them_running() throws Exception {
        try (Database db = open(Databases.Kind.H2)) {
            Jobs jobs = new Jobs(db, Clock.systemUTC());
            CountDownLatch running = new CountDownLatch(1);
            Job slow = jobs.create("TEST", 1, CLERK.id());
            Job waiting = jobs.create("TEST", 1, CLERK.id());
            jobs.start(slow, p -> { running.countDown(); Thread.sleep(Duration.ofMinutes(5).toMillis()); });
            jobs.start(waiting, p -> p.done(1));
            running.await();
            jobs.close();
            try (Jobs reader = new Jobs(db, Clock.systemUTC())) {
                for (Job j : new Job[]{slow, waiting}) {
                    Job seen = reader.find(j.id()).orElseThrow();
                    assertEquals(Job.State.FAILED, seen.state(), j.id());
                    assertEquals("JOB_INTERRUPTED", seen.errors().get(0).code());
                }
            }
        }
    }

    @Test
    void a_job_is_seen_by_its_creator_and_admins_but_not_by_another_clerk() throws Exception {
        try (Database db = open(Databases.Kind.H2); Jobs jobs = new Jobs(db, Clock.systemUTC())) {
            Job j = jobs.create("TEST", 1, CLERK.id());
            assertTrue(jobs.find(j.id(), CLERK).isPresent());
            assertTrue(jobs.find(j.id(), ADMIN).isPresent());
            assertTrue(jobs.find(j.id(), OTHER).isEmpty());
        }
    }
}
