package vn.vanthu.signing.shortcuts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FastPdfObjFactoryTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void the_unique_placeholder_is_filled_and_everything_else_kept() {
        byte[] out = FastPdfObjFactory.replace(b("<</A <00> /Contents <0000000000> >>"), b("abcd"));
        assertEquals("<</A <00> /Contents <abcd000000> >>", new String(out, StandardCharsets.US_ASCII));
    }

    @Test
    void two_placeholders_or_none_fall_back_to_dss() {
        assertNull(FastPdfObjFactory.replace(b("<0000> <0000>"), b("abcd")));
        assertNull(FastPdfObjFactory.replace(b("<00> <ab12>"), b("abcd")));
    }
}
