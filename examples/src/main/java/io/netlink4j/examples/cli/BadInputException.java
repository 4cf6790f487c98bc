package io.netlink4j.examples.cli;

import java.util.List;

/**
 * Bad input found before anything was sent, with one detail per problem (e.g. "FILE:3: invalid
 * MAC address ..."): exit status 2.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> details;

    public BadInputException(String summary, List<String> details) {
        super(summary);
        this.details = List.copyOf(details);
    }

    /** One line per problem, printed before the summary. */
    public List<String> details() {
        return details;
    }
}
