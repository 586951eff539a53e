package vn.vanthu.dispatch;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the clerk's number and date go on page 1 of the sample công văn. */
class NumberMarksTest {
    @Test
    void the_number_goes_only_before_the_symbol_and_the_date_only_into_the_blanks_of_the_date_line() throws Exception {
        Path pdf = Files.createTempFile("cv", ".pdf");
        try {
            Files.write(pdf, DispatchPdf.draft("CV", DispatchPdf.DATE_LINE_2026));
            List<PdfText.Line> lines = PdfText.lines(pdf, 1);
            List<NumberMarks.Mark> marks = NumberMarks.marks(lines, "05", LocalDate.of(2026, 11, 27));
            assertEquals(List.of("05", "27", "11"), marks.stream().map(NumberMarks.Mark::text).toList(),
                    "the body's many 'số' get nothing; the year already printed is kept");
            PdfText.Line so = lines.stream().filter(l -> l.text().startsWith("Số:")).findFirst().orElseThrow();
            NumberMarks.Mark number = marks.get(0);
            assertTrue(number.x() > so.words().get(0).right() && number.x() < so.words().get(1).left(), number.toString());
            assertEquals(so.bottom(), number.baseline(), 0.5);
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    @Test
    void the_signer_block_is_found_between_position_and_name_and_the_seal_overlaps_its_left_third() throws Exception {
        Path pdf = Files.createTempFile("cv", ".pdf");
        try {
            Files.write(pdf, DispatchPdf.congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng"));
            List<PdfText.Line> lines = PdfText.lines(pdf);
            SignerBlock block = SignerBlock.find(lines, "PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng").orElseThrow();
            PdfText.Line position = lines.stream().filter(l -> l.text().equals("PHÓ GIÁM ĐỐC")).findFirst().orElseThrow();
            PdfText.Line name = lines.stream().filter(l -> l.text().equals("Nguyễn Hữu Thắng")).findFirst().orElseThrow();
            SignerBlock.Box box = block.official();
            assertTrue(box.y() > position.bottom() && box.y() + box.height() < name.top(), box.toString());
            assertEquals(name.centreX(), box.x() + box.width() / 2, 30);
            SignerBlock.Box seal = box.seal();
            assertEquals(box.x() + box.width() / 3, seal.x() + seal.width(), 0.5);
            assertEquals(SignerBlock.SEAL_SIZE, seal.width());
            assertTrue(SignerBlock.find(lines, "GIÁM ĐỐC SỞ", "Nguyễn Hữu Thắng").isEmpty());
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    @Test
    void a_month_printed_before_signing_is_read_and_the_issue_refused_when_it_is_not_the_issue_month() throws Exception {
        Path pdf = Files.createTempFile("kh", ".pdf");
        try {
            Files.write(pdf, DispatchPdf.draft("KH", "Thái Bình, ngày      tháng 4 năm 2023"));
            NumberMarks.Anchors a = NumberMarks.anchors(PdfText.lines(pdf, 1));
            assertEquals("/KH-SKHCN", a.printed().symbol());
            assertEquals(List.of(4, 2023), List.of(a.printed().month(), a.printed().year()));
            assertTrue(a.day() != null && a.month() == null && a.year() == null, a.toString());
            vn.vanthu.error.ApiException e = org.junit.jupiter.api.Assertions.assertThrows(vn.vanthu.error.ApiException.class,
                    () -> NumberMarks.marks(a, "02", LocalDate.of(2026, 12, 7)));
            assertTrue(e.getMessage().contains("tháng 4") && e.getMessage().contains("2026-12-07"), e.getMessage());

            Files.write(pdf, DispatchPdf.draft("KH"));
            List<NumberMarks.Mark> marks = NumberMarks.marks(NumberMarks.anchors(PdfText.lines(pdf, 1)), "01",
                    LocalDate.of(2027, 1, 1));
            assertEquals(List.of("01", "01", "01", "2027"), marks.stream().map(NumberMarks.Mark::text).toList());
            assertEquals(List.of(false, true, true, true), marks.stream().map(NumberMarks.Mark::italic).toList());
        } finally {
            Files.deleteIfExists(pdf);
        }
    }
}
