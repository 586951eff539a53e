package vn.vanthu.web;

/**
 * Who made a change and through which request: what a service needs to write the change's audit event in the
 * change's own transaction. {@code route} is the default action ("POST /api/v1/users"); {@code at} is when the
 * request arrived, by the service's clock. Changes made outside a
 * request (demo users at start-up) have no origin and no event.
 *
 * <pre>{@code User u = users.create(AuditTags.origin(ctx), "hoa", "Lê Thị Hoa", Set.of(Role.CLERK));}</pre>
 */
public record RequestOrigin(String userId, String requestId, String route, java.time.Instant at) {}
