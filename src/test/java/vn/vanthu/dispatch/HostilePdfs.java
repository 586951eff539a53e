package vn.vanthu.dispatch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PDFs written object by object, with page trees no PDF library would write: nested thousands of levels deep,
 * with a cycle, or with a page count that is negative or not a number.
 *
 * <pre>{@code byte[] pdf = HostilePdfs.deepPageTree(3_000);}</pre>
 */
final class HostilePdfs {
    private HostilePdfs() {}

    /** One page under {@code levels} nested page-tree nodes. */
    static byte[] deepPageTree(int levels) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        for (int i = 0; i < levels; i++) {
            int self = i + 2;
            String parent = i == 0 ? "" : " /Parent " + (self - 1) + " 0 R";
            objects.add("<< /Type /Pages /Kids [" + (self + 1) + " 0 R] /Count 1" + parent + " >>");
        }
        objects.add("<< /Type /Page /Parent " + (levels + 1) + " 0 R /MediaBox [0 0 595 842] >>");
        return write(objects);
    }

    /** Two page-tree nodes that list each other as their kids. */
    static byte[] cyclicPageTree() {
        return write(List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>"));
    }

    /** A one-page tree whose root says {@code /Count <count>} ("-5", "(five)"). */
    static byte[] pageCount(String count) {
        return write(List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count " + count + " >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
    }

    /** Objects 1…n with a correct cross-reference table; object 1 is the catalog. */
    private static byte[] write(List<String> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            x.append(String.format("%010d 00000 n \n", offset));
        }
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, x.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
