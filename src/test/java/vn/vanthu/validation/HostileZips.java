package vn.vanthu.validation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIP files by hand, so that a test can build what no ZIP library writes: central-directory entries that
 * all point at the same compressed data (overlapping entries).
 *
 * <pre>{@code byte[] zip = new HostileZips().file("METS.xml", mets).file("a.bin", data).alias("a.bin", 1000).bytes();}</pre>
 */
final class HostileZips {
    private record Entry(String name, int offset, long crc, int compressed, int size) {}

    private final ByteArrayOutputStream local = new ByteArrayOutputStream();
    private final List<Entry> central = new ArrayList<>();

    /** A real entry, deflated. */
    HostileZips file(String name, byte[] content) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(content);
        d.finish();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!d.finished()) {
            data.write(buf, 0, d.deflate(buf));
        }
        d.end();
        CRC32 crc = new CRC32();
        crc.update(content);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        Entry e = new Entry(name, local.size(), crc.getValue(), data.size(), content.length);
        ByteBuffer h = le(30);
        h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                .putInt((int) e.crc()).putInt(e.compressed()).putInt(e.size()).putShort((short) n.length).putShort((short) 0);
        local.writeBytes(h.array());
        local.writeBytes(n);
        local.writeBytes(data.toByteArray());
        central.add(e);
        return this;
    }

    /** {@code copies} more central entries named {@code <name>.<i>} that share the data of {@code name}. */
    HostileZips alias(String name, int copies) {
        Entry e = central.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        for (int i = 0; i < copies; i++) {
            central.add(new Entry(name + "." + i, e.offset(), e.crc(), e.compressed(), e.size()));
        }
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(local.toByteArray());
        int start = out.size();
        for (Entry e : central) {
            byte[] n = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer h = le(46);
            h.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                    .putInt(0).putInt((int) e.crc()).putInt(e.compressed()).putInt(e.size()).putShort((short) n.length)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt(e.offset());
            out.writeBytes(h.array());
            out.writeBytes(n);
        }
        int size = out.size() - start;
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) central.size())
                .putShort((short) central.size()).putInt(size).putInt(start).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
