package vn.vanthu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The documents of the dossier benchmark (scripts/bench.sh dossier): {@code count} one-page scanned-document-like
 * PDFs ({@link BenchDocs#scan}) of about {@code totalBytes / count} bytes each (± 10 %), every one different, named
 * {@code 0001-ban-quet.pdf} …, written straight to disk.
 *
 * <pre>java -cp target/vanthu.jar:target/test-classes vn.vanthu.bench.DossierDocs DIR 1000 1073741824</pre>
 */
public final class DossierDocs {
    private DossierDocs() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        long total = Long.parseLong(args[2]);
        long mean = total / count;
        Random sizes = new Random(6);
        long written = 0;
        for (int i = 1; i <= count; i++) {
            // ± 10 % around the mean, the last one takes up the rest so that the total is the one asked for
            long size = i == count ? total - written : mean + (long) ((sizes.nextDouble() - 0.5) * 0.2 * mean);
            Path f = dir.resolve(String.format("%04d-ban-quet.pdf", i));
            BenchDocs.scan(f, size, i, "Ban quet so " + i + "/" + count);
            written += Files.size(f);
        }
        System.out.printf("%d PDFs, %d bytes (%.2f GiB) in %s%n", count, written, written / (double) (1L << 30), dir);
    }
}
