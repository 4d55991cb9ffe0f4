package vn.danvan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The embedded PostgreSQL's cluster directory, {@code <DANVAN_DATA_DIR>/pg}, read through its postmaster.pid. */
final class PostgresDirectory {

    private PostgresDirectory() {
    }

    /** Line 4 of postmaster.pid: the port the server listens on. */
    static int port(Path pgDir) throws IOException {
        var lines = Files.readAllLines(pgDir.resolve("postmaster.pid"));
        return Integer.parseInt(lines.get(3).trim());
    }

    /**
     * Waits for the postmaster of this directory to end (the application stops it on SIGTERM). If it
     * is still there after {@code limit}, as after a killed JVM, sends it SIGTERM itself: only the pid
     * named in this directory's postmaster.pid, nothing else.
     */
    static void stopPostmaster(Path pgDir, Duration limit) throws InterruptedException {
        var pidFile = pgDir.resolve("postmaster.pid");
        waitForEnd(pidFile, limit);
        var left = postmaster(pidFile);
        if (left.isPresent()) {
            left.get().destroy();
            waitForEnd(pidFile, Duration.ofSeconds(30));
        }
    }

    private static void waitForEnd(Path pidFile, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (postmaster(pidFile).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The pid of this directory's postmaster while it runs. */
    static Optional<Long> postmasterPid(Path pgDir) {
        return postmaster(pgDir.resolve("postmaster.pid")).map(ProcessHandle::pid);
    }

    /** The live process named by the pid file; empty when there is no file or the server has ended. */
    private static Optional<ProcessHandle> postmaster(Path pidFile) {
        try {
            var lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
