package vn.vanthu.web;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;

import java.util.List;
import java.util.Map;

/**
 * One page of a long list on a page for people ({@code ?page=1…}, {@value #SIZE} rows each), so that a register
 * of a busy year stays well under 200 KB. The caller counts the matching rows in the database, asks the window for
 * that count (400 for a page past the last), then reads just that window's rows with {@code LIMIT/OFFSET}.
 *
 * <pre>{@code
 * Map<String, Object> model = PageSlice.page(ctx, new PageSlice.Source(dao.count(year),
 *         (limit, offset) -> dao.page(year, limit, offset)));   // rows, page, pages, total
 * }</pre>
 */
public final class PageSlice {
    public static final int SIZE = 200;
    private static final int MAX_QUERY = 200;

    private PageSlice() {}

    /** The asked page of {@code total} rows: its number, how many pages there are, where its rows start. */
    public record Window(int page, int pages, long total) {
        public int limit() {
            return SIZE;
        }

        public long offset() {
            return (long) (page - 1) * SIZE;
        }

        public Map<String, Object> with(List<?> rows) {
            return Map.of("rows", rows, "page", page, "pages", pages, "total", total);
        }
    }

    /** Reads a window of a list's rows. */
    @FunctionalInterface
    public interface Reader {
        List<?> rows(int limit, long offset);
    }

    /** A list that has counted (or found) its rows once, and reads a window of them. */
    public record Source(long total, Reader reader) {}

    /** The asked page of {@code source} as a page's model: rows, page, pages, total. */
    public static Map<String, Object> page(Context ctx, Source source) {
        Window w = window(ctx, source.total());
        return w.with(source.reader().rows(w.limit(), w.offset()));
    }

    public static Window window(Context ctx, long total) {
        String p = ctx.queryParam("page");
        int page;
        try {
            page = p == null || p.isBlank() ? 1 : Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            page = 0;
        }
        int pages = (int) Math.max(1, (total + SIZE - 1) / SIZE);
        if (page < 1 || page > pages) {
            throw ApiException.badRequest("INVALID_PAGE", "page must be a whole number from 1 to " + pages, "page");
        }
        return new Window(page, pages, total);
    }

    /** The search words {@code ?q=} as typed (blank when none); 400 past {@value #MAX_QUERY} characters. */
    public static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q != null && q.length() > MAX_QUERY) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "q must be at most " + MAX_QUERY + " characters", "q");
        }
        return q == null ? "" : q;
    }

    /** The window of a list found in full (the numbers a search found): at most {@code limit} from {@code offset}. */
    public static <T> List<T> window(List<T> all, int limit, long offset) {
        return all.subList((int) Math.min(offset, all.size()), (int) Math.min(offset + limit, all.size()));
    }
}
