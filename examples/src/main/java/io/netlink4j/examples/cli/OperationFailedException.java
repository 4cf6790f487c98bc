package io.netlink4j.examples.cli;

/** A command failed for a reason already explained (e.g. a demo step whose error was printed): exit status 1. */
public class OperationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OperationFailedException(String message) {
        super(message);
    }
}
