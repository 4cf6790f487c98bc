package io.netlink4j.examples.agent;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * Calls back when anything in a file's directory changes (inotify through the JDK's WatchService:
 * blocks, no polling). A ConfigMap volume swaps a symlink rather than writing the file, so the
 * directory is watched and the caller compares content.
 */
final class FileWatch implements AutoCloseable {
    private final WatchService service;
    private final Thread thread;

    FileWatch(Path file, Runnable onChange) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        service = FileSystems.getDefault().newWatchService();
        dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        thread = new Thread(() -> {
            try {
                while (true) {
                    WatchKey k = service.take();
                    k.pollEvents();
                    onChange.run();
                    if (!k.reset()) {
                        return;
                    }
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // closing
            }
        }, "agent-file-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
