package vn.vanthu.users;

import java.time.Clock;
import vn.vanthu.store.Database;

import java.nio.file.Path;

/**
 * The users feature, built once: accounts, roles, bearer tokens, passwords and sign-in sessions; in development
 * the demo users and their tokens and passwords files.
 */
public record UsersFeature(UserService service, UserController controller, SignIn signIn) {
    public static UsersFeature create(Database db, boolean demoUsers, Path dataDir, Clock clock) {
        return create(db, demoUsers, dataDir, clock, UserService.DEFAULT_TOKEN_DAYS);
    }

    /** {@code tokenDays}: the default lifetime of a bearer token. */
    public static UsersFeature create(Database db, boolean demoUsers, Path dataDir, Clock clock, int tokenDays) {
        UserService users = new UserService(db, clock, tokenDays);
        SignIn signIn = new SignIn(users, db, clock);
        if (demoUsers) {
            DemoUsers.ensure(users, dataDir);
            DemoUsers.ensurePasswords(users, signIn, dataDir);
        }
        return new UsersFeature(users, new UserController(users), signIn);
    }
}
