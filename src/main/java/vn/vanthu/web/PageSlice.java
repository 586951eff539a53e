package vn.vanthu.web;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;

import java.util.List;
import java.util.Map;

/**
 * One page of a long list on a page for people ({@code ?page=1…}, {@value #SIZE} rows each), so that a register
 * of a busy year stays well under 200 KB.
 *
 * <pre>{@code Map<String, Object> slice = PageSlice.of(ctx, rows);   // rows, page, pages}</pre>
 */
public final class PageSlice {
    public static final int SIZE = 200;

    private PageSlice() {}

    public static Map<String, Object> of(Context ctx, List<?> all) {
        String p = ctx.queryParam("page");
        int page;
        try {
            page = p == null || p.isBlank() ? 1 : Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            page = 0;
        }
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        if (page < 1 || page > pages) {
            throw ApiException.badRequest("INVALID_PAGE", "page must be a whole number from 1 to " + pages, "page");
        }
        int from = (page - 1) * SIZE;
        return Map.of("rows", all.subList(from, Math.min(all.size(), from + SIZE)), "page", page, "pages", pages,
                "total", all.size());
    }
}
