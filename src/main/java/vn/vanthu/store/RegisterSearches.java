package vn.vanthu.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The searches of one register kept while people page through them: a search of a busy year reads tens of
 * thousands of word-index entries, a page of it reads 200 rows. A kept search is used again only while the register
 * is unchanged: the caller reads the register's fingerprint first (per series: its rows' count and sum of numbers,
 * one query on the register's index), and a search kept under another fingerprint is searched again. Every document
 * a register gains brings its words and a new number in one transaction, and a number is never in a series twice, so
 * any change changes the fingerprint. At most {@value #MAX_KEYS} numbers are kept in all, the least recently used
 * searches dropped first.
 *
 * <pre>{@code
 * List<RegisterWords.Key> keys = kept.find(h, List.of("INCOMING"), 2026, SearchWords.query("sở y tế"),
 *         RegisterSearches.fingerprint(h.createQuery("SELECT series_kind, COUNT(*), SUM(incoming_number) FROM incoming "
 *                 + "WHERE series_kind = 'INCOMING' AND number_year = 2026 GROUP BY series_kind")));
 * }</pre>
 */
public final class RegisterSearches {
    private static final int MAX_KEYS = 500_000;

    private record Search(List<String> series, int year, List<SearchWords.Term> terms) {}

    private record Kept(Object fingerprint, List<RegisterWords.Key> keys) {}

    private final Map<Search, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keys;

    /**
     * The numbers of {@code series} in {@code year} that hold every term ({@link RegisterWords#find}): those found
     * before under the same {@code fingerprint} of the register, or found now.
     */
    public List<RegisterWords.Key> find(Handle h, Collection<String> series, int year, List<SearchWords.Term> terms,
                                        Object fingerprint) {
        Search key = new Search(List.copyOf(series), year, terms);
        synchronized (this) {
            Kept k = kept.get(key);
            if (k != null && k.fingerprint().equals(fingerprint)) {
                return k.keys();
            }
        }
        List<RegisterWords.Key> found = List.copyOf(RegisterWords.find(h, series, year, terms));
        keep(key, new Kept(fingerprint, found));
        return found;
    }

    /** Per series of a register's rows: its name, how many rows, the sum of their numbers (columns 1 to 3). */
    public static List<List<Object>> fingerprint(Query rows) {
        return rows.map((rs, ctx) -> List.<Object>of(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
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
