package vn.vanthu.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.vanthu.store.Database;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.web.Json;
import vn.vanthu.web.User;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The series layout of each year (Decree 30 Art. 15): what {@code PUT /api/v1/numbering/{year}} set, else
 * {@link NumberingLayout#defaults}. Signing checks the printed symbol and issuing takes the number under the
 * layout of the year.
 *
 * <pre>{@code NumberingLayout l = numbering.layout(2027); numbers.reserve(agency, 2027, l.seriesOf(d));}</pre>
 */
public final class Numbering {
    private final NumberingDao dao;
    private final Clock clock;

    Numbering(Database db, Clock clock) {
        this.dao = new NumberingDao(db);
        this.clock = clock;
    }

    /** Documents that hold a year's layout: issued under it, or (this year) signed and waiting for their number. */
    public record Usage(int issued, int waiting) {
        public boolean inUse() {
            return issued > 0 || waiting > 0;
        }
    }

    public int currentYear() {
        return VietnamTime.today(clock).getYear();
    }

    /** Whether the year's layout can still change ({@link #replace} answers 409 NUMBERING_IN_USE when not). */
    public Usage usage(int year) {
        return dao.usage(year, year == currentYear());
    }

    public NumberingLayout layout(int year) {
        return dao.layout(year).map(json -> NumberingLayout.of(Json.read(json, NumberingLayout.Input.class, NumberingLayout.SHAPE)))
                .orElseGet(NumberingLayout::defaults);
    }

    /** Checks and stores the year's layout (422 when it could repeat a number, 409 once the year numbered). */
    public NumberingLayout replace(User admin, int year, NumberingLayout.Input input) {
        NumberingLayout layout = NumberingLayout.of(input);
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(layout.view());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        dao.replace(year, json, year == currentYear(), admin.id(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        return layout;
    }
}
