package io.netlink4j.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.charset.CharacterCodingException;

/**
 * The reason of an I/O failure in the words of the C library's errno text ("No such file or
 * directory"): java.nio's exceptions carry only the path as their message.
 */
final class IoErrors {
    private IoErrors() {}

    static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (t instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (t instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (t instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (t instanceof IOException && t.getMessage() != null) {
            return t.getMessage();
        }
        return t.getClass().getSimpleName();
    }
}
