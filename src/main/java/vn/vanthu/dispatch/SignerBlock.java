package vn.vanthu.dispatch;

import java.util.List;

/**
 * Where the Decree 30 Appendix I signer block puts the signatures: the official's handwritten signature
 * centred between the line with the signer's position and the line with the printed name; the seal at real
 * size overlapping the left third of it. Boxes are in PDF points from the page's TOP-LEFT corner.
 *
 * <pre>{@code SignerBlock.find(lines, "PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng").map(SignerBlock.Box::seal)}</pre>
 */
record SignerBlock(int page, Box official) {
    /** The seal's printed diameter: 36 mm. */
    static final float SEAL_SIZE = 102f;
    private static final float MIN_WIDTH = 140f;

    /** A rectangle on a page. */
    record Box(int page, float x, float y, float width, float height) {
        /** The seal, SEAL_SIZE square, vertically centred on this box, its right edge at the box's first third. */
        Box seal() {
            float sx = Math.max(0, x + width / 3 - SEAL_SIZE);
            float sy = Math.max(0, y + height / 2 - SEAL_SIZE / 2);
            return new Box(page, sx, sy, SEAL_SIZE, SEAL_SIZE);
        }
    }

    /** The last place where a line reading {@code position} is followed, lower on the same page, by {@code name}. */
    static java.util.Optional<SignerBlock> find(List<PdfText.Line> lines, String position, String name) {
        String p = PdfText.norm(position);
        String n = PdfText.norm(name);
        SignerBlock found = null;
        for (int i = 0; i < lines.size(); i++) {
            PdfText.Line pos = lines.get(i);
            String text = PdfText.norm(pos.text());
            if (!text.equals(p) && !text.endsWith(" " + p) && !text.endsWith("." + p)) {
                continue;
            }
            for (int j = i + 1; j < lines.size(); j++) {
                PdfText.Line nm = lines.get(j);
                if (nm.page() != pos.page() || nm.top() - pos.bottom() > 250) {
                    break;
                }
                if (PdfText.norm(nm.text()).equals(n) && nm.top() > pos.bottom()) {
                    found = new SignerBlock(pos.page(), box(pos, nm));
                    break;
                }
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    private static Box box(PdfText.Line pos, PdfText.Line name) {
        float centre = (pos.centreX() + name.centreX()) / 2;
        float width = Math.max(MIN_WIDTH, Math.max(pos.right() - pos.left(), name.right() - name.left()));
        float top = pos.bottom() + 4;
        float height = Math.max(20, name.top() - 4 - top);
        return new Box(pos.page(), Math.max(0, centre - width / 2), top, width, height);
    }
}
