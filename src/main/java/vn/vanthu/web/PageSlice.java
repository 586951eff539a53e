package vn.vanthu.web;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of a long list on a page for people ({@code ?page=1…}, {@value #SIZE} rows each), so that a register
 * of a busy year stays well under 200 KB. The caller counts the matching rows in the database, asks the window for
 * that count (400 for a page past the last), then reads just that window's rows with {@code LIMIT/OFFSET}.
 *
 * <pre>{@code
 * PageSlice.Window w = PageSlice.window(ctx, dao.count(year, needle));
 * Map<String, Object> model = w.with(dao.page(year, needle, w.limit(), w.offset()));   // rows, page, pages, total
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

    /** {@link #query} stripped and lower-cased, as a database search compares it. */
    public static String needle(String query) {
        return query.strip().toLowerCase(Locale.ROOT);
    }
}
