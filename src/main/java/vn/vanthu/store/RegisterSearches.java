package vn.vanthu.store;

import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The searches of one register kept while people page through them: a search of a busy year reads tens of
 * thousands of word-index entries, a page of it reads 200 rows. A kept search is used again only while the register
 * has not changed since: its rows' count and sum of numbers per series ({@code fingerprint}, one query on the
 * register's index) are what they were. Every document a register gains brings its words and a new number in one
 * transaction, and a number is never in a register twice, so a change always changes the fingerprint. At most
 * {@value #MAX_KEYS} numbers are kept in all, the least recently used searches dropped first.
 *
 * <pre>{@code
 * RegisterSearches kept = new RegisterSearches("incoming", "incoming_number", "");
 * List<RegisterWords.Key> keys = kept.find(h, List.of("INCOMING"), 2026, SearchWords.query("sở y tế"));
 * }</pre>
 */
public final class RegisterSearches {
    private static final int MAX_KEYS = 500_000;

    private record Search(List<String> series, int year, List<SearchWords.Term> terms) {}

    private record Kept(List<List<Object>> fingerprint, List<RegisterWords.Key> keys) {}

    private final String fingerprintSql;
    private final Map<Search, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keys;

    /**
     * A register's rows are those of {@code table} with a {@code series_kind} and {@code number_year}, numbered by
     * {@code numberColumn}, that meet {@code condition} (SQL, empty for all).
     */
    public RegisterSearches(String table, String numberColumn, String condition) {
        this.fingerprintSql = "SELECT series_kind, COUNT(*), SUM(" + numberColumn + ") FROM " + table
                + " WHERE " + condition + " number_year = :y AND series_kind IN (<k>) GROUP BY series_kind ORDER BY series_kind";
    }

    /** The numbers of {@code series} in {@code year} that hold every term ({@link RegisterWords#find}), found once. */
    public List<RegisterWords.Key> find(Handle h, Collection<String> series, int year, List<SearchWords.Term> terms) {
        List<List<Object>> now = h.createQuery(fingerprintSql).bind("y", year).bindList("k", List.copyOf(series))
                .map((rs, ctx) -> List.<Object>of(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        Search key = new Search(List.copyOf(series), year, terms);
        synchronized (this) {
            Kept k = kept.get(key);
            if (k != null && k.fingerprint().equals(now)) {
                return k.keys();
            }
        }
        List<RegisterWords.Key> found = List.copyOf(RegisterWords.find(h, series, year, terms));
        keep(key, new Kept(now, found));
        return found;
    }

    private synchronized void keep(Search key, Kept k) {
        if (k.keys().size() > MAX_KEYS) {
            return;
        }
        Kept old = kept.put(key, k);
        keys += k.keys().size() - (old == null ? 0 : old.keys().size());
        for (Iterator<Kept> it = kept.values().iterator(); keys > MAX_KEYS && it.hasNext(); ) {
            keys -= it.next().keys().size();
            it.remove();
        }
    }
}
