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
        UserService users = new UserService(db, clock);
        if (demoUsers) {
            DemoUsers.ensure(users, dataDir);
        }
        return new UsersFeature(users, new UserController(users));
    }
}
