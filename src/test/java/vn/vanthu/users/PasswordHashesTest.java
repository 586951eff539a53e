package vn.vanthu.users;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashesTest {
    @Test
    void a_persons_password_is_hashed_at_owasps_minimum_and_only_demo_users_get_the_small_hash() {
        String person = Passwords.hash("một mật khẩu dài 42");
        String demo = Passwords.demoHash("một mật khẩu dài 42");

        assertTrue(person.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), person);
        assertTrue(demo.startsWith("$argon2id$v=19$m=256,t=2,p=1$"), demo);
        assertTrue(Passwords.matches("một mật khẩu dài 42", person));
        assertTrue(Passwords.matches("một mật khẩu dài 42", demo));
        assertFalse(Passwords.matches("một mật khẩu dài 43", demo));
        assertTrue(Passwords.dummy().startsWith("$argon2id$v=19$m=19456,"), "an unknown name costs as much as a person");
    }
}
