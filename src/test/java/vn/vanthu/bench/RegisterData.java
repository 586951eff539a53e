package vn.vanthu.bench;

import vn.vanthu.dispatch.DocumentType;
import vn.vanthu.store.SearchWords;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Registers of a busy year written straight into the tables (the API would take hours for 200,000 documents):
 * issued dispatches of several types to one to three of 300 recipients, and registered incoming documents from the
 * same organs, half of them led by a person of the users table (whose name the register shows), a tenth of them in
 * the secret register. Numbers and ids start after {@code offset}, so a second call adds to the first;
 * deterministic for a given offset. Every subject carries the word "chuyển đổi số" in one row out of ten, so a
 * search has something to find; the registers' search words are written with the rows, as the DAOs write them.
 *
 * <pre>{@code RegisterData.insert(connection, 2025, 100_000, 100_000, 0);}</pre>
 */
public final class RegisterData {
    private static final String[] TYPES = {"CV", "QD", "KH", "BC", "TB", "TTR", "GM"};
    private static final String[] PROVINCES = {"Thái Bình", "Nam Định", "Hà Nam", "Ninh Bình", "Hưng Yên", "Hải Dương",
            "Bắc Ninh", "Vĩnh Phúc", "Phú Thọ", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Huế", "Đà Nẵng"};
    private static final String[] OFFICES = {"Sở Nội vụ", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Y tế",
            "Sở Giáo dục và Đào tạo", "Sở Tư pháp", "Văn phòng UBND", "Sở Xây dựng", "Sở Công Thương", "Thanh tra",
            "Sở Nông nghiệp", "Sở Văn hóa", "Sở Giao thông", "Sở Lao động", "Sở Tài nguyên", "Ban Dân tộc",
            "Sở Ngoại vụ", "Sở Thông tin", "Sở Kế hoạch và Đầu tư", "Ban Quản lý dự án"};
    private static final String[] SUBJECTS = {"V/v triển khai kế hoạch năm", "V/v báo cáo số liệu quý",
            "V/v tổ chức hội nghị", "V/v góp ý dự thảo quy chế", "V/v kiểm tra định kỳ", "V/v cử cán bộ tham dự",
            "V/v rà soát thủ tục hành chính", "V/v phân bổ kinh phí", "V/v tuyển dụng viên chức",
            "V/v chuyển đổi số"};
    private static final ZoneOffset VN = ZoneOffset.ofHours(7);
    private static final String SHA = "0".repeat(64);
    private static final int BATCH = 1000;

    private RegisterData() {}

    /** The registers' counts of the year, as issuing and registering keep them. */
    private static void counts(Connection c, int year) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM register_counts WHERE number_year = " + year);
            st.executeUpdate("INSERT INTO register_counts (series_kind, number_year, registered) SELECT series_kind, "
                    + "number_year, COUNT(*) FROM dispatches WHERE status = 'ISSUED' AND number_year = " + year
                    + " GROUP BY series_kind, number_year");
            st.executeUpdate("INSERT INTO register_counts (series_kind, number_year, registered) SELECT series_kind, "
                    + "number_year, COUNT(*) FROM incoming WHERE series_kind IS NOT NULL AND number_year = " + year
                    + " GROUP BY series_kind, number_year");
        }
    }

    public static void insert(Connection c, int year, int outgoing, int incoming, int offset) throws SQLException {
        List<String> people = people(c);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        Random rnd = new Random(offset + 29L);
        try {
            dispatches(c, rnd, year, outgoing, offset);
            incoming(c, rnd, year, incoming, offset, people);
            counts(c, year);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** One of the 300 organs ({@code OFFICES × PROVINCES}) by index. */
    static String organ(int i) {
        return OFFICES[i % OFFICES.length] + " tỉnh " + PROVINCES[(i / OFFICES.length) % PROVINCES.length];
    }

    private static List<String> people(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM users ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no users to lead the incoming documents");
        }
        return ids;
    }

    private static OffsetDateTime moment(Random rnd, int year) {
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        return day.atTime(7, 30).plusMinutes(rnd.nextInt(570)).atOffset(VN);
    }

    private static String recipients(Random rnd) {
        int n = 1 + rnd.nextInt(3);
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < n; k++) {
            sb.append(k == 0 ? "" : ",").append('"').append(organ(rnd.nextInt(300))).append('"');
        }
        return sb.append(']').toString();
    }

    private static void dispatches(Connection c, Random rnd, int year, int n, int offset) throws SQLException {
        try (PreparedStatement w = words(c);
             PreparedStatement p = c.prepareStatement("INSERT INTO dispatches (id, status, document_type, subject, "
                + "signer_position, signer_name, signer_user_id, recipients, drafting_unit, priority, secret, page_amount, "
                + "file_name, current_sha256, created_by, created_at, series_kind, number_year, number_value, code_number, "
                + "code_notation, issued_date, issued_at, signed_at) VALUES (?, 'ISSUED', ?, ?, 'GIÁM ĐỐC', "
                + "'Nguyễn Văn A', 'u-official', ?, 'VP', 'NORMAL', FALSE, 2, 'van-ban.pdf', ?, 'u-clerk', ?, "
                + "'OUTGOING', ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                int number = offset + i + 1;
                String type = TYPES[rnd.nextInt(TYPES.length)];
                String subject = SUBJECTS[rnd.nextInt(SUBJECTS.length)] + " (" + number + ")";
                String recipients = recipients(rnd);
                OffsetDateTime issued = moment(rnd, year);
                OffsetDateTime signed = issued.minusHours(rnd.nextInt(4) == 0 ? 24L * (1 + rnd.nextInt(4)) : rnd.nextInt(3));
                p.setString(1, "reg-d-" + number);
                p.setString(2, type);
                p.setString(3, subject);
                p.setString(4, recipients);
                p.setString(5, SHA);
                p.setObject(6, signed.minusDays(1));
                p.setInt(7, year);
                p.setLong(8, number);
                p.setString(9, String.valueOf(number));
                p.setString(10, type + "-SKHCN");
                p.setString(11, issued.toLocalDate().toString());
                p.setObject(12, issued);
                p.setObject(13, signed.getYear() < year ? issued : signed);
                add(p, i);
                List<String> texts = new ArrayList<>(List.of(number + "/" + type + "-SKHCN",
                        DocumentType.valueOf(type).vietnameseName(), subject));
                texts.addAll(List.of(recipients.substring(2, recipients.length() - 2).split("\",\"")));
                addWords(w, "OUTGOING", year, number, SearchWords.of(texts.toArray(String[]::new)), i);
            }
            p.executeBatch();
            w.executeBatch();
        }
    }

    private static void incoming(Connection c, Random rnd, int year, int n, int offset, List<String> people)
            throws SQLException {
        String[] statuses = {"DONE", "DONE", "DONE", "IN_PROGRESS", "ASSIGNED", "REGISTERED"};
        try (PreparedStatement w = words(c);
             PreparedStatement p = c.prepareStatement("INSERT INTO incoming (id, origin, status, sending_organ, "
                + "number_symbol, document_date, document_type, subject, urgency, secret, scanned, received_by, received_at, "
                + "series_kind, number_year, incoming_number, registered_at, directed_by, directed_at, lead_user_id, "
                + "lead_unit, deadline) VALUES (?, 'EXCHANGE', ?, ?, ?, ?, 'Công văn', ?, ?, ?, FALSE, 'u-clerk', ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?)")) {
            long[] next = {offset, offset};
            for (int i = 0; i < n; i++) {
                String status = statuses[rnd.nextInt(statuses.length)];
                boolean secret = rnd.nextInt(10) == 0;
                long number = ++next[secret ? 1 : 0];
                OffsetDateTime received = moment(rnd, year);
                boolean directed = !status.equals("REGISTERED");
                OffsetDateTime directedAt = received.plusHours(rnd.nextInt(72));
                p.setString(1, "reg-i-" + (offset + i + 1));
                p.setString(2, status);
                String organ = organ(rnd.nextInt(300));
                String subject = SUBJECTS[rnd.nextInt(SUBJECTS.length)];
                p.setString(3, organ);
                p.setString(4, number + "/UBND-VP");
                p.setObject(5, received.toLocalDate().minusDays(2));
                p.setString(6, subject);
                p.setString(7, rnd.nextInt(10) == 0 ? "URGENT" : "NORMAL");
                p.setBoolean(8, secret);
                p.setObject(9, received);
                p.setString(10, secret ? "SECRET_IN" : "INCOMING");
                p.setInt(11, year);
                p.setLong(12, number);
                p.setObject(13, received.plusMinutes(5));
                p.setString(14, directed ? "u-official" : null);
                p.setObject(15, directed ? directedAt : null);
                p.setString(16, directed ? people.get(rnd.nextInt(people.size())) : null);
                p.setString(17, directed && rnd.nextBoolean() ? "Phòng " + (1 + rnd.nextInt(8)) : null);
                p.setObject(18, directed ? directedAt.toLocalDate().plusDays(3 + rnd.nextInt(20)) : null);
                add(p, i);
                addWords(w, secret ? "SECRET_IN" : "INCOMING", year, number,
                        SearchWords.of(number + "/UBND-VP", "Công văn", subject, organ), i);
            }
            p.executeBatch();
            w.executeBatch();
        }
    }

    /** The register's search words of a row, as the DAO writes them when it numbers the row. */
    private static PreparedStatement words(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO register_words (series_kind, number_year, number_value, word) VALUES (?, ?, ?, ?)");
    }

    private static void addWords(PreparedStatement w, String series, int year, long number, List<byte[]> words, int i)
            throws SQLException {
        for (byte[] word : words) {
            w.setString(1, series);
            w.setInt(2, year);
            w.setLong(3, number);
            w.setBytes(4, word);
            w.addBatch();
        }
        if ((i + 1) % BATCH == 0) {
            w.executeBatch();
        }
    }

    private static void add(PreparedStatement p, int i) throws SQLException {
        p.addBatch();
        if ((i + 1) % BATCH == 0) {
            p.executeBatch();
        }
    }
}
