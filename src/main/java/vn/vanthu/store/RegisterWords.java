package vn.vanthu.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The word index of the registers (V170): the {@link SearchWords} of each registered document under its number
 * (series, year, number), written by its DAO in the transaction that numbers it. A search finds the numbers whose
 * document holds every word typed, in number order: it starts from the rarest word (each word's rows are counted up
 * to {@value #PROBE}) and looks the others up by number, so its cost follows that word, not the register's size.
 *
 * <pre>{@code
 * RegisterWords.write(h, "INCOMING", 2026, 17, SearchWords.of(subject, organ));
 * List<RegisterWords.Key> keys = RegisterWords.find(h, List.of("INCOMING"), 2026, SearchWords.query("sở y tế"));
 * }</pre>
 */
public final class RegisterWords {
    private static final int PROBE = 2_000;
    private static final int BACKFILL_BATCH = 500;
    private static final String MINE = "r.series_kind = :k AND r.number_year = :y";

    /** A register row found: its series and number (unique within a series and year). */
    public record Key(String series, long number) {}

    private RegisterWords() {}

    /** The words of one document of a register, replacing any it had. */
    public static void write(Handle h, String series, int year, long number, List<byte[]> words) {
        h.createUpdate("DELETE FROM register_words WHERE series_kind = :k AND number_year = :y AND number_value = :n")
                .bind("k", series).bind("y", year).bind("n", number).execute();
        var insert = h.prepareBatch("INSERT INTO register_words (series_kind, number_year, number_value, word) "
                + "VALUES (:k, :y, :n, :w)");
        words.forEach(w -> insert.bind("k", series).bind("y", year).bind("n", number).bind("w", w).add());
        if (!words.isEmpty()) {
            insert.execute();
        }
    }

    /**
     * The numbers of {@code series} in {@code year} whose words hold every term, in number order (none: no terms).
     * One series at a time, in name order as the registers sort them: H2 reads a whole series list otherwise.
     */
    public static List<Key> find(Handle h, Collection<String> series, int year, List<SearchWords.Term> terms) {
        List<Key> found = new ArrayList<>();
        if (!terms.isEmpty()) {
            series.stream().sorted().forEach(k -> found.addAll(find(h, k, year, terms)));
        }
        return found;
    }

    private static List<Key> find(Handle h, String series, int year, List<SearchWords.Term> terms) {
        int first = 0;
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < terms.size() && terms.size() > 1 && fewest > 0; i++) {
            long n = h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM register_words r WHERE " + MINE + " AND "
                            + match("r", 0) + " LIMIT " + PROBE + ") x").bind("k", series).bind("y", year)
                    .bind("lo0", terms.get(i).low()).bind("hi0", terms.get(i).high()).mapTo(Long.class).one();
            if (n < fewest) {
                fewest = n;
                first = i;
            }
        }
        if (fewest == 0) {   // a word no document holds
            return List.of();
        }
        List<SearchWords.Term> order = new ArrayList<>(terms);
        order.add(0, order.remove(first));
        StringBuilder sql = new StringBuilder("SELECT r.number_value FROM register_words r WHERE " + MINE + " AND "
                + match("r", 0));
        for (int i = 1; i < order.size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM register_words w").append(i).append(" WHERE w").append(i)
                    .append(".series_kind = :k AND w").append(i).append(".number_year = :y AND w").append(i)
                    .append(".number_value = r.number_value AND ").append(match("w" + i, i)).append(')');
        }
        Query q = h.createQuery(sql.append(" GROUP BY r.number_value ORDER BY r.number_value").toString())
                .bind("k", series).bind("y", year);
        for (int i = 0; i < order.size(); i++) {
            q.bind("lo" + i, order.get(i).low()).bind("hi" + i, order.get(i).high());
        }
        return q.map((rs, ctx) -> new Key(series, rs.getLong(1))).list();
    }

    /** At start-up: the words of every row written before the index existed, a batch per transaction. */
    public static void backfillAll(Database db, String source, Backfill index) {
        boolean more = true;
        while (more) {
            more = backfill(db, source, index);
        }
    }

    /**
     * One batch of the words of rows written before the index existed: the next ids after where the last batch
     * stopped, given to {@code index} (which writes their words); false once {@code source} has none left.
     * Instances that start together take turns (the mark is read {@code FOR UPDATE}).
     */
    static boolean backfill(Database db, String source, Backfill index) {
        return db.inTransaction(h -> {
            Optional<String> after = h.createQuery("SELECT after_id FROM register_words_backfill WHERE source = :s AND NOT done FOR UPDATE")
                    .bind("s", source).mapTo(String.class).findOne();
            if (after.isEmpty()) {
                return false;
            }
            String last = index.batch(h, after.get(), BACKFILL_BATCH);
            if (last == null) {
                h.createUpdate("UPDATE register_words_backfill SET done = TRUE WHERE source = :s").bind("s", source).execute();
                return false;
            }
            h.createUpdate("UPDATE register_words_backfill SET after_id = :a WHERE source = :s").bind("a", last)
                    .bind("s", source).execute();
            return true;
        });
    }

    /** Writes the words of at most {@code limit} rows with an id after {@code afterId}; the last id, null if none. */
    @FunctionalInterface
    public interface Backfill {
        String batch(Handle h, String afterId, int limit);
    }

    private static String match(String alias, int i) {
        return alias + ".word >= :lo" + i + " AND " + alias + ".word <= :hi" + i;
    }

}
