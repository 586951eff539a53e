package vn.vanthu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * A year of a department's records written straight into the tables (not through the API, which would take hours
 * for 80,000 documents): issued dispatches (two in three delivered through the exchange to one partner, one in
 * three to a second), incoming documents at every stage, dossiers opened, closed, sealed and submitted, spread
 * over the year's working hours in Vietnam time. Numbers and ids start after {@code offset}, so a second call adds
 * to the first. Deterministic for a given offset.
 *
 * <pre>{@code FiguresData.insert(connection, 2025, 20_000, 60_000, 3_000, 0);}</pre>
 */
public final class FiguresData {
    static final String[] UNITS = {"VP", "TCCB", "KHTC", "QLKH", "SHTT", "TĐC", "CNTT", "TTra"};
    private static final ZoneOffset VN = ZoneOffset.ofHours(7);
    private static final String SHA = "0".repeat(64);
    private static final int BATCH = 1000;

    private FiguresData() {}

    public static void insert(Connection c, int year, int outgoing, int incoming, int dossiers, int offset)
            throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        Random rnd = new Random(offset + 17L);
        try {
            dispatches(c, rnd, year, outgoing, offset);
            deliveries(c, outgoing, offset);
            incoming(c, rnd, year, incoming, offset);
            dossiers(c, rnd, year, dossiers, offset);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** A moment on a random day of the year, between 07:30 and 17:00 Vietnam time. */
    private static OffsetDateTime moment(Random rnd, int year) {
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        return day.atTime(7, 30).plusMinutes(rnd.nextInt(570)).atOffset(VN);
    }

    private static void dispatches(Connection c, Random rnd, int year, int n, int offset) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO dispatches (id, status, document_type, subject, "
                + "signer_position, signer_name, signer_user_id, recipients, drafting_unit, priority, secret, page_amount, "
                + "file_name, current_sha256, created_by, created_at, series_kind, number_year, number_value, code_number, "
                + "code_notation, issued_date, issued_at, signed_at) VALUES (?, 'ISSUED', 'KH', 'Kế hoạch', 'GIÁM ĐỐC', "
                + "'Nguyễn Văn A', 'u-official', '[\"Các phòng\"]', ?, 'NORMAL', FALSE, 2, 'kh.pdf', ?, 'u-clerk', ?, "
                + "'OUTGOING', ?, ?, ?, 'KH-SKHCN', ?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                int number = offset + i + 1;
                OffsetDateTime issued = moment(rnd, year);
                OffsetDateTime signed = issued.minusHours(rnd.nextInt(4) == 0 ? 24L * (1 + rnd.nextInt(4)) : rnd.nextInt(3));
                if (signed.getYear() < year) {
                    signed = issued;
                }
                p.setString(1, "bench-d-" + number);
                p.setString(2, UNITS[rnd.nextInt(UNITS.length)]);
                p.setString(3, SHA);
                p.setObject(4, signed.minusDays(1));
                p.setInt(5, year);
                p.setLong(6, number);
                p.setString(7, String.format("%02d", number % 100_000_000));
                p.setString(8, issued.toLocalDate().toString());
                p.setObject(9, issued);
                p.setObject(10, signed);
                add(p, i);
            }
            p.executeBatch();
        }
    }

    /** Deliveries partners acknowledged, as the exchange's outbox records them once delivered. */
    private static void deliveries(Connection c, int n, int offset) throws SQLException {
        for (int k = 1; k <= 2; k++) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO exchange_outbox (id, dedup_key, kind, organ_id, "
                    + "dispatch_id, document_id, state, attempts, next_attempt_at, created_at, delivered_at) SELECT 'o" + k
                    + "-' || id, 'k" + k + "-' || id, 'DOCUMENT', 'G0" + k + "', id, id, 'DELIVERED', 1, issued_at, issued_at, "
                    + "issued_at FROM dispatches WHERE id LIKE 'bench-d-%' AND number_value > ? AND number_value <= ? "
                    + "AND MOD(number_value, 3) <> ?")) {
                p.setInt(1, offset);
                p.setInt(2, offset + n);
                p.setInt(3, k - 1);
                p.executeUpdate();
            }
        }
    }

    private static void incoming(Connection c, Random rnd, int year, int n, int offset) throws SQLException {
        String[] statuses = {"DONE", "DONE", "DONE", "DONE", "DONE", "DONE", "DONE", "IN_PROGRESS", "ASSIGNED", "REGISTERED"};
        String[] origins = {"EXCHANGE", "EXCHANGE", "EXCHANGE", "EXCHANGE", "UPLOAD", "UPLOAD", "PAPER"};
        try (PreparedStatement p = c.prepareStatement("INSERT INTO incoming (id, origin, status, sending_organ, "
                + "number_symbol, document_date, document_type, subject, urgency, secret, scanned, received_by, received_at, "
                + "series_kind, number_year, incoming_number, registered_at, directed_by, directed_at, lead_user_id, "
                + "lead_unit, deadline, result, completed_by, completed_at) VALUES (?, ?, ?, 'UBND tỉnh', ?, ?, 'Công văn', "
                + "'V/v chuyển đổi số', ?, FALSE, ?, 'u-clerk', ?, 'INCOMING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                int number = offset + i + 1;
                String status = statuses[rnd.nextInt(statuses.length)];
                String origin = origins[rnd.nextInt(origins.length)];
                OffsetDateTime received = moment(rnd, year);
                boolean directed = !status.equals("REGISTERED");
                OffsetDateTime directedAt = received.plusHours(rnd.nextInt(72));
                LocalDate deadline = directedAt.toLocalDate().plusDays(3 + rnd.nextInt(20));
                p.setString(1, "bench-i-" + number);
                p.setString(2, origin);
                p.setString(3, status);
                p.setString(4, number + "/UBND-VP");
                p.setObject(5, received.toLocalDate().minusDays(2));
                p.setString(6, rnd.nextInt(10) == 0 ? "URGENT" : "NORMAL");
                p.setBoolean(7, origin.equals("PAPER"));
                p.setObject(8, received);
                p.setInt(9, year);
                p.setLong(10, number);
                p.setObject(11, received.plusMinutes(5));
                p.setString(12, directed ? "u-official" : null);
                p.setObject(13, directed ? directedAt : null);
                p.setString(14, directed ? "u-handler" : null);
                p.setString(15, directed ? UNITS[rnd.nextInt(UNITS.length)] : null);
                p.setObject(16, directed ? deadline : null);
                boolean done = status.equals("DONE");
                p.setString(17, done ? "FILED" : null);
                p.setString(18, done ? "u-handler" : null);
                p.setObject(19, done ? directedAt.plusDays(rnd.nextInt(25)) : null);
                add(p, i);
            }
            p.executeBatch();
        }
    }

    private static void dossiers(Connection c, Random rnd, int year, int n, int offset) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO dossiers (id, dossier_year, symbol, file_code, title, "
                + "retention, rights, language, category, responsible_user_id, start_date, end_date, status, created_by, "
                + "created_at, closed_at, seal_sha256, submitted_at) VALUES (?, ?, ?, ?, 'Hồ sơ', '10Y', 'PUBLIC', "
                + "'Tiếng Việt', 'GENERAL', 'u-clerk', ?, ?, ?, 'u-clerk', ?, ?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                int number = offset + i + 1;
                OffsetDateTime opened = moment(rnd, year);
                int stage = rnd.nextInt(10);   // 0-2 open, 3-6 closed, 7-9 submitted
                OffsetDateTime closed = stage >= 3 ? opened.plusDays(rnd.nextInt(60)) : null;
                OffsetDateTime submitted = stage >= 7 ? closed.plusDays(rnd.nextInt(400)) : null;
                p.setString(1, "bench-h-" + number);
                p.setInt(2, year);
                p.setString(3, "B" + number + ".VP");
                p.setString(4, "000.00.00.H00." + year + ".B" + number);
                p.setString(5, opened.toLocalDate().toString());
                p.setString(6, closed == null ? null : closed.toLocalDate().toString());
                p.setString(7, stage >= 7 ? "SUBMITTED" : stage >= 3 ? "CLOSED" : "OPEN");
                p.setObject(8, opened);
                p.setObject(9, closed);
                p.setString(10, closed != null && rnd.nextInt(10) > 0 ? SHA : null);
                p.setObject(11, submitted);
                add(p, i);
            }
            p.executeBatch();
        }
    }

    private static void add(PreparedStatement p, int i) throws SQLException {
        p.addBatch();
        if ((i + 1) % BATCH == 0) {
            p.executeBatch();
        }
    }
}
