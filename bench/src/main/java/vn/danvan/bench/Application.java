package vn.danvan.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application under test: {@code java -jar target/danvan.jar} on the embedded default, with its
 * own data directory, on a free loopback port. Knows how long it took to answer /actuator/health
 * with 200, how to stop it with SIGTERM, and where its PostgreSQL listens.
 *
 * <p>While it runs, {@code stateFile} holds its pid and data directory so that bench/run.sh can stop
 * it should this program die.
 */
final class Application implements AutoCloseable {

    record Start(String label, double secondsToHealthy, Double springStartedSeconds, Path log) {
    }

    /** Heap in use as /actuator/prometheus reports it (sum over the heap pools), in bytes. */
    record Heap(long used, long committed) {
    }

    private static final Duration START_LIMIT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("BENCH_START_LIMIT_SECONDS", "300")));
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    private final Path java;
    private final Path jar;
    private final Path dataDir;
    private final Path logDir;
    private final Path stateFile;
    private final List<String> jvmOptions;
    private final Credentials credentials;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private int port;

    Application(Path java, Path jar, Path dataDir, Path logDir, Path stateFile, List<String> jvmOptions,
                Credentials credentials) {
        this.java = java;
        this.jar = jar;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.stateFile = stateFile;
        this.jvmOptions = jvmOptions;
        this.credentials = credentials;
    }

    /** Starts the jar and waits until /actuator/health answers 200; the time covers both. */
    Start start(String label) throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        port = freeLoopbackPort();
        var log = logDir.resolve("app-" + label + ".log");
        var command = new java.util.ArrayList<String>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command).directory(dataDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        var env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("DANVAN_") || name.startsWith("SPRING_") || name.startsWith("SERVER_"));
        env.put("DANVAN_DATA_DIR", dataDir.toString());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("DANVAN_ADMIN_PASSWORD", credentials.adminPassword());
        env.put("DANVAN_DEMO_PASSWORD", credentials.demoPassword());

        long started = System.nanoTime();
        process = builder.start();
        Files.writeString(stateFile, process.pid() + "\n" + dataDir + "\n");
        waitUntilHealthy(log);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Start(label, seconds, ImportLog.read(log).springStartedSeconds().orElse(null), log);
    }

    /** Sends SIGTERM, waits for the JVM and its PostgreSQL to end; returns the seconds taken. */
    double stop() throws IOException, InterruptedException {
        if (process == null) {
            return 0;
        }
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        PostgresDirectory.stopPostmaster(dataDir.resolve("pg"), STOP_LIMIT);
        process = null;
        Files.deleteIfExists(stateFile);
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** This run's processes alive now: the benchmark itself, the application and its PostgreSQL. */
    List<Long> ownPids() {
        var pids = new java.util.ArrayList<Long>();
        pids.add(ProcessHandle.current().pid());
        if (isRunning()) {
            pids.add(process.pid());
        }
        PostgresDirectory.postmasterPid(dataDir.resolve("pg")).ifPresent(pids::add);
        return pids;
    }

    long pid() {
        return process.pid();
    }

    /** The embedded PostgreSQL's port: line 4 of {@code <data dir>/pg/postmaster.pid}. */
    int postgresPort() throws IOException {
        return PostgresDirectory.port(dataDir.resolve("pg"));
    }

    Heap heap() throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(baseUri().resolve("/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build();
        var body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new Heap(sumHeap(body, "jvm_memory_used_bytes{"), sumHeap(body, "jvm_memory_committed_bytes{"));
    }

    /** Asks the JVM for a full collection (jcmd GC.run), then reads the heap: the live set after start. */
    Heap heapAfterFullGc() throws IOException, InterruptedException {
        var jcmd = java.resolveSibling("jcmd");
        var gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(30, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            gc.destroyForcibly();
            throw new IOException("jcmd GC.run failed");
        }
        return heap();
    }

    /** Resident memory of the JVM process alone (PostgreSQL runs in its own processes), in kB. */
    long residentKb() throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private void waitUntilHealthy(Path log) throws IOException, InterruptedException {
        var health = HttpRequest.newBuilder(baseUri().resolve("/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue()
                        + " before it was healthy; see " + log + "\n" + String.join("\n", ImportLog.read(log).problems()));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in the start; 503 until the first-start import is done
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not healthy after " + START_LIMIT + "; see " + log);
    }

    private static long sumHeap(String prometheus, String metric) {
        double sum = 0;
        for (var line : prometheus.split("\n")) {
            if (line.startsWith(metric) && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    private static int freeLoopbackPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
