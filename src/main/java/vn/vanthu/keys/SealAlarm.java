package vn.vanthu.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.web.User;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Watches wrong PINs on the agency seal. The seal is shared by every clerk and locks per clerk, so a guesser
 * never locks it for the others; repeated failures are then visible only here: counted for {@code /metrics}
 * ({@code vanthu_seal_pin_failures_total}, to alert on its rate) and logged as a warning when a clerk is locked.
 *
 * <pre>{@code alarm.wrongPin(key, caller, lockedUntil); String lines = alarm.render();}</pre>
 */
final class SealAlarm {
    private static final Logger log = LoggerFactory.getLogger(SealAlarm.class);

    private final LongAdder failures = new LongAdder();

    void wrongPin(KeyRecord key, User caller, Optional<Instant> lockedUntil) {
        if (!KeyInfo.AGENCY_SEAL.equals(key.owner())) {
            return;
        }
        failures.increment();
        lockedUntil.ifPresent(until -> log.warn("Repeated wrong PINs on the agency seal {} by user {}: locked for them until {}",
                key.id(), caller.name(), until));
    }

    String render() {
        return "# HELP vanthu_seal_pin_failures_total Wrong PINs given for the agency seal (alert when it rises).\n"
                + "# TYPE vanthu_seal_pin_failures_total counter\n"
                + "vanthu_seal_pin_failures_total " + failures.sum() + "\n";
    }
}
