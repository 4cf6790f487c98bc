package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.examples.Nlbridge;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs nlbridge in-process and captures what it printed and its exit status. */
final class Cli {
    private Cli() {}

    record Result(int status, String out, String err) {
        /** stdout parsed as JSON. */
        Object json() {
            return Json.parse(out);
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Nlbridge.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(status, out.toString(), err.toString());
    }

    /** nlbridge --netns NS ARGS. */
    static Result in(String netns, String... args) {
        List<String> all = new ArrayList<>(List.of("--netns", netns));
        all.addAll(Arrays.asList(args));
        return run(all.toArray(String[]::new));
    }

    /** {@link #in}, asserting exit status 0 (the whole result in the failure message). */
    static Result ok(String netns, String... args) {
        Result r = in(netns, args);
        assertThat(r.status()).as(r.toString()).isZero();
        return r;
    }
}
