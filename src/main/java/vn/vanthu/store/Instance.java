package vn.vanthu.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

/**
 * This running instance of the service: an id per process start, a row in {@code instances} whose heartbeat is
 * touched every {@link #BEAT}, and the tasks that give back what dead instances held ({@link #onBeat}), run once
 * at start and after every heartbeat.
 *
 * <p>Why heartbeats rather than PostgreSQL advisory locks: the same SQL runs on H2 and PostgreSQL, the time
 * comes from the injected clock (tests move it), and no connection is pinned for the life of the process. The
 * price is a delay: on PostgreSQL another instance is known dead {@link #STALE} after its last heartbeat. On H2
 * the database file belongs to one process, so at start every instance not running in this JVM (on an open
 * database) is dead at once.
 *
 * <pre>{@code
 * Instance me = Instance.register(db, clock);
 * me.onBeat(numbers::releaseAbandoned);   // runs now, then every heartbeat
 * me.start(); … me.close();
 * }</pre>
 */
public final class Instance implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Instance.class);
    public static final Duration BEAT = Duration.ofSeconds(10);
    /** Three missed heartbeats: a long garbage collection or a slow database does not make an instance dead. */
    public static final Duration STALE = BEAT.multipliedBy(3);
    /** Instances of this JVM and their database: on H2 the only live ones are here, with their database open. */
    private static final Map<String, Database> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Database db;
    private final Clock clock;
    private final String id = UUID.randomUUID().toString();
    private final List<Runnable> tasks = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;

    private Instance(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records this instance as alive; on H2 forgets every instance of an earlier process (they are dead). */
    public static Instance register(Database db, Clock clock) {
        Instance me = new Instance(db, clock);
        IN_THIS_JVM.put(me.id, db);
        OffsetDateTime now = me.now();
        db.useTransaction(h -> {
            if (!db.isPostgres()) {
                for (String other : h.createQuery("SELECT id FROM instances").mapTo(String.class).list()) {
                    Database its = IN_THIS_JVM.get(other);
                    if (its == null || !its.isUsable()) {   // an earlier process, or a pool closed without us
                        h.createUpdate("DELETE FROM instances WHERE id = :i").bind("i", other).execute();
                    }
                }
            }
            h.createUpdate("INSERT INTO instances (id, started_at, heartbeat_at) VALUES (:i, :t, :t)")
                    .bind("i", me.id).bind("t", now).execute();
        });
        return me;
    }

    public String id() {
        return id;
    }

    /** Instances whose heartbeat is older than this are dead. */
    public OffsetDateTime staleBefore() {
        return now().minus(STALE);
    }

    /** Runs the task now and after every heartbeat (once {@link #start()}ed). */
    public void onBeat(Runnable task) {
        tasks.add(task);
        runQuietly(task);
    }

    /** Starts the heartbeat. */
    public Instance start() {
        scheduler = Daemons.every("instance-heartbeat", BEAT, BEAT, this::beat);
        return this;
    }

    /** Touches the heartbeat, forgets instances dead for a day, then runs the tasks. */
    public void beat() {
        OffsetDateTime now = now();
        try {
            db.useTransaction(h -> {
                int n = h.createUpdate("UPDATE instances SET heartbeat_at = :t WHERE id = :i")
                        .bind("t", now).bind("i", id).execute();
                if (n == 0) {   // removed by someone who thought us dead: alive again from now on
                    h.createUpdate("INSERT INTO instances (id, started_at, heartbeat_at) VALUES (:i, :t, :t)")
                            .bind("i", id).bind("t", now).execute();
                }
                h.createUpdate("DELETE FROM instances WHERE heartbeat_at < :old").bind("old", now.minusDays(1)).execute();
            });
        } catch (RuntimeException e) {
            log.warn("Heartbeat failed: {}", e.toString());
            return;
        }
        tasks.forEach(Instance::runQuietly);
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Giving back what dead instances held failed: {}", e.toString());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Stops the heartbeat and removes this instance's row: what it still holds is given back by the next one. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        IN_THIS_JVM.remove(id);
        try {
            db.useTransaction(h -> h.createUpdate("DELETE FROM instances WHERE id = :i").bind("i", id).execute());
        } catch (RuntimeException e) {
            log.debug("Could not remove instance row at close: {}", e.toString());
        }
    }
}
