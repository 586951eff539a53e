package vn.vanthu.store;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a register's row as its search finds them, and the words of a search. Text is lower-cased (NFC);
 * each piece between spaces is a word as written ({@code "385/snv-cchcvtlt"}, {@code "(45)"}), and so is each part
 * of it from a letter or digit on ({@code "snv-cchcvtlt"}, {@code "cchcvtlt"}, {@code "45)"}) and each run of
 * letters and digits ({@code "385"}, {@code "snv"}, {@code "45"}); each of them also without its diacritics
 * ({@code "cải"} → {@code "cai"}, {@code "đổi"} → {@code "doi"}). A search piece typed without diacritics thus finds
 * both spellings, one typed with them finds only that spelling. Words are compared as their UTF-8 bytes, so that a
 * prefix is a range of the index whatever the database's collation.
 *
 * <pre>{@code
 * SearchWords.of("V/v cải cách (45)");   // v/v, v, cải, cai, cách, cach, (45), 45), 45
 * SearchWords.query("Cai cach");          // "cai" a whole word, "cach" a word's beginning
 * }</pre>
 */
public final class SearchWords {
    /** The longest word kept, in characters; longer ones are cut, and a search word as long is a beginning. */
    static final int MAX = 40;
    private static final int MAX_PIECES = 8;

    /** A search word: a whole word, or (the last one typed, or one cut to {@value #MAX}) a word's beginning. */
    public record Term(String word, boolean prefix) {
        /** The smallest stored word it matches, as bytes. */
        public byte[] low() {
            return bytes(word);
        }

        /** Past the largest stored word it matches (no UTF-8 byte is 0xFF). */
        public byte[] high() {
            byte[] w = low();
            if (!prefix) {
                return w;
            }
            byte[] h = Arrays.copyOf(w, w.length + 1);
            h[w.length] = (byte) 0xFF;
            return h;
        }
    }

    private SearchWords() {}

    /** Every word of the texts (nulls skipped), each once, as bytes to store. */
    public static List<byte[]> of(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String piece : pieces(text)) {
                add(words, piece);
                for (int i = 1; i < piece.length(); i++) {
                    if (wordChar(piece, i) && !wordChar(piece, i - 1)) {
                        add(words, piece.substring(i));
                    }
                }
                for (String run : piece.split("[^\\p{L}\\p{N}\\p{M}]+")) {
                    add(words, run);
                }
            }
        }
        return words.stream().map(SearchWords::bytes).toList();
    }

    /** The words of a search, as typed: each must be found; the last one may be the beginning of a word. */
    public static List<Term> query(String typed) {
        List<Term> terms = new ArrayList<>();
        List<String> pieces = pieces(typed).stream().filter(SearchWords::hasWordChar).toList();
        for (int i = 0; i < pieces.size() && i < MAX_PIECES; i++) {
            String p = pieces.get(i);
            boolean cut = p.length() > MAX;
            terms.add(new Term(cut ? p.substring(0, MAX) : p, cut || i == pieces.size() - 1));
        }
        return terms;
    }

    /** Without diacritics: {@code "Đổi mới"} → {@code "Doi moi"}. */
    static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return d.replace('đ', 'd').replace('Đ', 'D');
    }

    private static void add(Set<String> words, String w) {
        if (!hasWordChar(w)) {
            return;
        }
        String cut = w.length() > MAX ? w.substring(0, MAX) : w;
        words.add(cut);
        words.add(fold(cut));
    }

    private static List<String> pieces(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip();
        return t.isEmpty() ? List.of() : List.of(t.split("[\\s\\p{Z}]+"));
    }

    private static boolean wordChar(String s, int i) {
        return Character.isLetterOrDigit(s.charAt(i));
    }

    private static boolean hasWordChar(String s) {
        return s.chars().anyMatch(Character::isLetterOrDigit);
    }

    private static byte[] bytes(String w) {
        return w.getBytes(StandardCharsets.UTF_8);
    }
}
