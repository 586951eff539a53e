package vn.vanthu.documents;

import java.util.List;

/**
 * What a preview draws: which page (1-based), the rectangles with their labels, and a note for the top of the
 * picture (null for none). Rectangles are in PDF points from the page's TOP-LEFT corner, as the signing code
 * measures them.
 *
 * <pre>{@code new PageMarks(2, List.of(new PageMarks.Mark(350, 600, 180, 80, "PHÓ GIÁM ĐỐC Nguyễn Hữu Thắng")), null)}</pre>
 */
public record PageMarks(int page, List<Mark> marks, String note) {
    /** Page 1, nothing drawn on it. */
    public static final PageMarks FIRST = new PageMarks(1, List.of(), null);

    /** A rectangle and what it stands for. */
    public record Mark(float x, float y, float width, float height, String label) {}

    public PageMarks {
        marks = List.copyOf(marks);
    }
}
