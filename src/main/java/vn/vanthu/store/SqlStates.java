package vn.vanthu.store;

import vn.vanthu.error.ApiException;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one place where a database's SQL state becomes a domain error. A unique violation (23505, the same on H2
 * and PostgreSQL) is what a concurrent duplicate looks like once the check before the insert has passed in both
 * requests, so it is the caller's 409; a serialization failure, a deadlock or a lock timeout means another
 * request changed the same rows first, so it is a 409 to send again. Anything else stays an internal error.
 *
 * <pre>{@code
 * catch (RuntimeException e) {
 *     throw SqlStates.translate(e, () -> ApiException.conflict("USER_EXISTS", "…"));
 * }
 * }</pre>
 */
public final class SqlStates {
    static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> LOST_RACE = Set.of("40001", "40P01", "HYT00", "55P03");

    private SqlStates() {}

    /** The domain error this failure stands for, or the failure itself when it is not one of those. */
    public static RuntimeException translate(RuntimeException e, Supplier<? extends RuntimeException> onDuplicate) {
        if (e instanceof ApiException) {
            return e;
        }
        String state = of(e);
        if (UNIQUE_VIOLATION.equals(state) && onDuplicate != null) {
            return onDuplicate.get();
        }
        if (LOST_RACE.contains(state)) {
            return ApiException.conflict("CONCURRENT_UPDATE",
                    "Another request changed the same data at the same moment; read it again and send yours again");
        }
        return e;
    }

    /** True when this failure is a unique violation (e.g. to try again after a concurrent first insert). */
    public static boolean isUniqueViolation(RuntimeException e) {
        return UNIQUE_VIOLATION.equals(of(e));
    }

    /** The SQL state of the first {@link SQLException} in the cause chain, or "". */
    static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }
}
