package vn.vanthu.digitization;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Reading page 1's OCR text for the number and symbol, the date line and the issuing organ (Decree 30 layout). */
class SuggestionsTest {
    @Test
    void a_decision_s_header_read_in_two_columns_gives_all_three() {
        Suggestions s = Suggestions.read("""
                UBND TỈNH THÁI BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ KHOA HỌC VÀ CÔNG NGHỆ Độc lập - Tự do - Hạnh phúc

                Số: 12/QĐ-SKHCN Thái Bình, ngày 05 tháng 3 năm 2024
                QUYẾT ĐỊNH
                """);
        assertEquals("12/QĐ-SKHCN", s.numberSymbol());
        assertEquals("2024-03-05", s.documentDate());
        assertEquals("SỞ KHOA HỌC VÀ CÔNG NGHỆ", s.issuingOrgan());
    }

    @Test
    void a_number_left_blank_on_paper_suggests_the_symbol_alone_and_a_blank_date_nothing() {
        Suggestions s = Suggestions.read("SỞ NỘI VỤ\nSố: /SNV-VP Hà Nội, ngày tháng năm 2026\n");
        assertEquals("/SNV-VP", s.numberSymbol());
        assertNull(s.documentDate());
        assertEquals("SỞ NỘI VỤ", s.issuingOrgan());
    }

    @Test
    void an_impossible_date_and_a_page_without_a_header_suggest_nothing() {
        Suggestions s = Suggestions.read("2. Nâng cao chất lượng, ngày 31 tháng 2 năm 2024 …\n");
        assertNull(s.numberSymbol());
        assertNull(s.documentDate());
        assertNull(s.issuingOrgan());
    }
}
