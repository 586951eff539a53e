package vn.vanthu.pki;

import vn.vanthu.support.OutsideTools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the openssl command line: the tests check our outputs with a tool nobody here wrote. */
final class Openssl {
    private Openssl() {
    }

    /** Runs {@code openssl <args>} in {@code dir}. */
    static OutsideTools.Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        return OutsideTools.run(dir, command.toArray(String[]::new));
    }
}
