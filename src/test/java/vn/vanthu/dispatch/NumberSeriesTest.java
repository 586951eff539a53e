package vn.vanthu.dispatch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.support.Databases;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The number series on its own, on H2 and PostgreSQL: no duplicates, no gaps, numbers given back are reused. */
class NumberSeriesTest {
    private static Database open(Databases.Kind kind) throws Exception {
        var t = Databases.fresh(kind, Files.createTempDirectory("vanthu-numbers"));
        return Database.open(new AppConfig.Storage(Files.createTempDirectory("vanthu-numbers-data"), t.url(), t.user(),
                t.password(), 16));
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void parallel_reservations_get_every_number_once_and_failed_ones_are_reused(Databases.Kind kind) throws Exception {
        try (Database db = open(kind)) {
            NumberSeries series = new NumberSeries(db, Clock.systemUTC(), Duration.ofMinutes(10));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            ConcurrentLinkedQueue<Long> used = new ConcurrentLinkedQueue<>();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                boolean fails = i % 6 == 5;
                all.add(pool.submit(() -> {
                    NumberSeries.Reservation r = series.reserve("SKHCN", 2026, SeriesKind.OUTGOING);
                    if (fails) {
                        series.release(r);
                    } else {
                        db.jdbi().useTransaction(h -> NumberSeriesDao.consume(h, r));
                        used.add(r.value());
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
            pool.shutdown();
            assertEquals(50, used.size());
            List<Long> sorted = used.stream().sorted().toList();
            // Released numbers are taken first: at most the last few given back stay free, the rest are used.
            NumberSeries.Reservation next = series.reserve("SKHCN", 2026, SeriesKind.OUTGOING);
            assertEquals(true, next.value() <= 51, "next " + next.value() + " after " + sorted);
            assertEquals(sorted.size(), sorted.stream().distinct().count());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_released_number_goes_to_the_next_issue_and_series_are_separate(Databases.Kind kind) throws Exception {
        try (Database db = open(kind)) {
            NumberSeries series = new NumberSeries(db, Clock.systemUTC(), Duration.ofMinutes(10));
            var first = series.reserve("SKHCN", 2026, SeriesKind.OUTGOING);
            assertEquals("01", first.padded());
            series.release(first);
            var again = series.reserve("SKHCN", 2026, SeriesKind.OUTGOING);
            assertEquals(1, again.value());
            db.jdbi().useTransaction(h -> NumberSeriesDao.consume(h, again));
            assertEquals("02", series.reserve("SKHCN", 2026, SeriesKind.OUTGOING).padded());
            assertEquals("01", series.reserve("SKHCN", 2026, SeriesKind.SECRET).padded());
            assertEquals("01", series.reserve("SKHCN", 2026, SeriesKind.COPY).padded());
            assertEquals("01", series.reserve("SKHCN", 2027, SeriesKind.OUTGOING).padded());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_number_held_by_a_crashed_instance_is_reused_after_its_lease_and_the_late_holder_gets_409(Databases.Kind kind) throws Exception {
        try (Database db = open(kind)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
            NumberSeries series = new NumberSeries(db, clock, Duration.ofMinutes(10));
            var crashed = series.reserve("SKHCN", SeriesKind.OUTGOING);
            clock.now = clock.now.plus(Duration.ofMinutes(11));
            var next = series.reserve("SKHCN", SeriesKind.OUTGOING);
            assertEquals(crashed.value(), next.value());
            db.jdbi().useTransaction(h -> NumberSeriesDao.consume(h, next));
            ApiException late = assertThrows(ApiException.class, () -> db.jdbi().useTransaction(h -> NumberSeriesDao.consume(h, crashed)));
            assertEquals(409, late.status());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Databases.Kind.class, names = "H2")
    void the_year_turns_at_midnight_vietnam_time(Databases.Kind kind) throws Exception {
        try (Database db = open(kind)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-31T16:59:59Z"));
            NumberSeries series = new NumberSeries(db, clock, Duration.ofMinutes(10));
            assertEquals(2026, series.reserve("SKHCN", SeriesKind.OUTGOING).year());
            clock.now = Instant.parse("2026-12-31T17:00:00Z");
            var newYear = series.reserve("SKHCN", SeriesKind.OUTGOING);
            assertEquals(2027, newYear.year());
            assertEquals("01", newYear.padded());
        }
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            MutableClock self = this;
            return new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(java.time.ZoneId z) {
                    return self.withZone(z);
                }

                @Override
                public Instant instant() {
                    return self.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
