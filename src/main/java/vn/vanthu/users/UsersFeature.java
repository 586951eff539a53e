package vn.vanthu.users;

import java.time.Clock;
import vn.vanthu.store.Database;

import java.nio.file.Path;

/**
 * The users feature, built once: accounts, roles and bearer tokens; in development the demo users and their
 * tokens file.
 */
public record UsersFeature(UserService service, UserController controller) {
    public static UsersFeature create(Database db, boolean demoUsers, Path dataDir, Clock clock) {
        return create(db, demoUsers, dataDir, clock, UserService.DEFAULT_TOKEN_DAYS);
    }

    /** {@code tokenDays}: the default lifetime of a bearer token. */
    public static UsersFeature create(Database db, boolean demoUsers, Path dataDir, Clock clock, int tokenDays) {
        UserService users = new UserService(db, clock, tokenDays);
        if (demoUsers) {
            DemoUsers.ensure(users, dataDir);
        }
        return new UsersFeature(users, new UserController(users));
    }
}
