package vn.vanthu.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The typed columns (V8) that hold where the official's signature went ({@code box_*}) and where the blanks of
 * page 1 are ({@code number_*}, {@code day_*}, {@code month_*}, {@code year_*}), shared by {@code dispatches}
 * and {@code dispatch_preparations}: one list of names, one binding, one reading. The {@code printed_*} and
 * {@code mark_*} columns (V50) hold the date parts the draft already prints and its date line's size and font.
 *
 * <pre>{@code update.bindMap(PlaceColumns.values(box, anchors)); PlaceColumns.box(rs)}</pre>
 */
final class PlaceColumns {
    static final String BOX = "box_page, box_x, box_y, box_width, box_height";
    static final String ANCHORS = "number_left, number_right, number_baseline, day_x, day_baseline, "
            + "month_x, month_baseline, year_x, year_baseline, printed_day, printed_month, printed_year, mark_size, mark_font";
    /** {@code col = :col, …} for an UPDATE of all of them. */
    static final String SET = (BOX + ", " + ANCHORS).replaceAll("(\\w+)", "$1 = :$1");
    /** {@code :col, …} for an INSERT of all of them. */
    static final String VALUES = (BOX + ", " + ANCHORS).replaceAll("(\\w+)", ":$1");

    private PlaceColumns() {}

    /** The values to bind by name (nulls where a blank was not found). */
    static Map<String, Object> values(SignerBlock.Box box, NumberMarks.Anchors a) {
        Map<String, Object> m = new HashMap<>();
        m.put("box_page", box.page());
        m.put("box_x", (double) box.x());
        m.put("box_y", (double) box.y());
        m.put("box_width", (double) box.width());
        m.put("box_height", (double) box.height());
        NumberMarks.Blank n = a.number();
        m.put("number_left", n == null ? null : (double) n.x());
        m.put("number_right", n == null ? null : (double) n.right());
        m.put("number_baseline", n == null ? null : (double) n.baseline());
        put(m, "day", a.day());
        put(m, "month", a.month());
        put(m, "year", a.year());
        NumberMarks.Printed p = a.printed() == null ? NumberMarks.Printed.NONE : a.printed();
        m.put("printed_day", p.day());
        m.put("printed_month", p.month());
        m.put("printed_year", p.year());
        m.put("mark_size", p.size() > 0 ? (double) p.size() : null);
        m.put("mark_font", p.font());
        return m;
    }

    private static void put(Map<String, Object> m, String prefix, NumberMarks.Blank b) {
        m.put(prefix + "_x", b == null ? null : (double) b.x());
        m.put(prefix + "_baseline", b == null ? null : (double) b.baseline());
    }

    /** The box of this row, or null when none was stored. */
    static SignerBlock.Box box(ResultSet rs) throws SQLException {
        int page = rs.getInt("box_page");
        if (rs.wasNull()) {
            return null;
        }
        return new SignerBlock.Box(page, rs.getFloat("box_x"), rs.getFloat("box_y"), rs.getFloat("box_width"),
                rs.getFloat("box_height"));
    }

    static NumberMarks.Anchors anchors(ResultSet rs) throws SQLException {
        NumberMarks.Blank number = null;
        float left = rs.getFloat("number_left");
        if (!rs.wasNull()) {
            number = new NumberMarks.Blank(left, rs.getFloat("number_right"), rs.getFloat("number_baseline"));
        }
        NumberMarks.Blank day = blank(rs, "day"), month = blank(rs, "month"), year = blank(rs, "year");
        Integer pd = integer(rs, "printed_day"), pm = integer(rs, "printed_month"), py = integer(rs, "printed_year");
        boolean dateLine = day != null || month != null || year != null || pd != null || pm != null || py != null;
        var printed = new NumberMarks.Printed(null, dateLine, pd, pm, py, rs.getFloat("mark_size"), rs.getString("mark_font"));
        return new NumberMarks.Anchors(number, day, month, year, printed);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static NumberMarks.Blank blank(ResultSet rs, String prefix) throws SQLException {
        float x = rs.getFloat(prefix + "_x");
        return rs.wasNull() ? null : new NumberMarks.Blank(x, x, rs.getFloat(prefix + "_baseline"));
    }
}
