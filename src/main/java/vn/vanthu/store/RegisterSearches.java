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
 * has as many rows as when it was searched: a register only grows (a document issued or registered stays in it with
 * its number, its words written in the same transaction), so its count of documents ({@link RegisterCounts}) changes
 * whenever it changes. At most {@value #MAX_KEYS} numbers are kept in all, the least recently used searches dropped
 * first.
 *
 * <pre>{@code
 * List<RegisterWords.Key> keys = kept.find(h, List.of("INCOMING"), 2026, SearchWords.query("sở y tế"), count(h, 2026));
 * }</pre>
 */
public final class RegisterSearches {
    private static final int MAX_KEYS = 500_000;

    private record Search(List<String> series, int year, List<SearchWords.Term> terms) {}

    private record Kept(long rows, List<RegisterWords.Key> keys) {}

    private final Map<Search, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keys;

    /**
     * The numbers of {@code series} in {@code year} that hold every term ({@link RegisterWords#find}): those found
     * before when the register had the same number of {@code rows}, or found now.
     */
    public List<RegisterWords.Key> find(Handle h, Collection<String> series, int year, List<SearchWords.Term> terms,
                                        long rows) {
        Search key = new Search(List.copyOf(series), year, terms);
        synchronized (this) {
            Kept k = kept.get(key);
            if (k != null && k.rows() == rows) {
                return k.keys();
            }
        }
        List<RegisterWords.Key> found = List.copyOf(RegisterWords.find(h, series, year, terms));
        keep(key, new Kept(rows, found));
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
