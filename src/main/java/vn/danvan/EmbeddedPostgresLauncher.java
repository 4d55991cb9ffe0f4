package vn.danvan;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL of the embedded default. It begins before the Spring context is
 * refreshed, on its own thread, so that the database starts while Spring reads its configuration
 * (about a second saved on each start); {@link EmbeddedDatabaseConfig} waits for it.
 *
 * <p>zonky's defaults are for throw-away test databases (fsync off, asynchronous commit); they are
 * overridden so that a saved record survives a power cut (contracts §1). Tests set
 * {@code danvan.db.durable=false} and {@code danvan.db.temporary=true}.
 */
final class EmbeddedPostgresLauncher implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    /** The start under way, registered as a bean for {@link EmbeddedDatabaseConfig}. */
    record EarlyStart(CompletableFuture<EmbeddedPostgres> postgres) {

        EmbeddedPostgres await() {
            return postgres.join();
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (!isEmbedded(environment)) {
            return;
        }
        var future = new CompletableFuture<EmbeddedPostgres>();
        var thread = new Thread(() -> {
            try {
                future.complete(launch(environment));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
        context.getBeanFactory().registerSingleton("embeddedPostgresEarlyStart", new EarlyStart(future));
    }

    static boolean isEmbedded(Environment environment) {
        return environment.getProperty("danvan.db.url", "").isBlank();
    }

    static EmbeddedPostgres launch(Environment environment) {
        var durability = environment.getProperty("danvan.db.durable", Boolean.class, true) ? "on" : "off";
        var builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability)
                .setServerConfig("max_connections", "60")
                .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setPGStartupWait(Duration.ofSeconds(60));
        try {
            if (!environment.getProperty("danvan.db.temporary", Boolean.class, false)) {
                var pgDir = Path.of(environment.getProperty("danvan.data-dir", "./data")).resolve("pg").toAbsolutePath();
                Files.createDirectories(pgDir.getParent());
                stopOrphanPostmaster(pgDir);
                builder.setDataDirectory(pgDir.toFile()).setCleanDataDirectory(false);
                log.info("Embedded PostgreSQL data directory: {}", pgDir);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running; zonky would then silently reuse
     * it on a fixed port or fail on a random one. Ask it to stop and wait for its lock file to go.
     */
    private static void stopOrphanPostmaster(Path pgDir) throws IOException {
        var pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        log.warn("Stopping an orphan PostgreSQL (pid {}) left by an earlier run", pid);
        process.get().destroy();
        var deadline = Instant.now().plusSeconds(30);
        while (Files.exists(pidFile) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
