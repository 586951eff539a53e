package vn.vanthu.incoming;

import vn.vanthu.time.VietnamTime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A row of {@code incoming} as an {@link Incoming}; times in Vietnam time, as they are shown and printed. */
final class IncomingRows {
    private IncomingRows() {}

    static Incoming row(ResultSet rs, List<String> cooperators) throws SQLException {
        var metadata = new Incoming.Metadata(rs.getString("sending_organ"), rs.getString("number_symbol"),
                rs.getObject("document_date", LocalDate.class), rs.getString("document_type"), rs.getString("subject"),
                Incoming.Urgency.valueOf(rs.getString("urgency")), rs.getBoolean("secret"));
        Incoming.Registration registration = null;
        if (rs.getString("series_kind") != null) {
            registration = new Incoming.Registration(rs.getInt("number_year"), rs.getLong("incoming_number"),
                    !"INCOMING".equals(rs.getString("series_kind")), time(rs, "registered_at"));
        }
        Incoming.Direction direction = null;
        if (rs.getString("directed_by") != null) {
            direction = new Incoming.Direction(rs.getString("directed_by"), time(rs, "directed_at"),
                    rs.getString("lead_user_id"), rs.getString("lead_unit"), cooperators,
                    rs.getObject("deadline", LocalDate.class), rs.getString("direction"));
        }
        Incoming.Handling handling = null;
        if (rs.getString("progress_note") != null || rs.getString("result") != null) {
            String result = rs.getString("result");
            handling = new Incoming.Handling(rs.getString("progress_note"),
                    result == null ? null : Incoming.Result.valueOf(result), rs.getString("result_dispatch_id"),
                    rs.getString("result_note"), rs.getString("completed_by"), time(rs, "completed_at"));
        }
        return new Incoming(rs.getString("id"), Incoming.Origin.valueOf(rs.getString("origin")),
                Incoming.Status.valueOf(rs.getString("status")), metadata, rs.getBoolean("scanned"),
                rs.getString("sender_organ_id"), rs.getString("sender_document_id"), rs.getString("received_by"),
                time(rs, "received_at"), rs.getString("return_reason"), registration, direction, handling);
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
    }
}
