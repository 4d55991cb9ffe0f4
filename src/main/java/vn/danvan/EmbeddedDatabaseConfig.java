package vn.danvan;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real PostgreSQL 18 started from the application, its cluster kept in
 * {@code DANVAN_DATA_DIR/pg} across restarts. Used whenever {@code DANVAN_DB_URL} is not set.
 *
 * <p>zonky's defaults are for throw-away test databases (fsync off, asynchronous commit); the
 * application overrides them so that a saved record survives a power cut (contracts §1). Tests
 * set {@code danvan.db.durable=false} and {@code danvan.db.temporary=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${danvan.db.url:}'.isBlank()")
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${danvan.data-dir}") Path dataDir,
            @Value("${danvan.db.temporary:false}") boolean temporary,
            @Value("${danvan.db.durable:true}") boolean durable) throws IOException {
        var durability = durable ? "on" : "off";
        var builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability)
                .setServerConfig("max_connections", "60")
                .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (!temporary) {
            var pgDir = dataDir.resolve("pg").toAbsolutePath();
            Files.createDirectories(pgDir.getParent());
            stopOrphanPostmaster(pgDir);
            builder.setDataDirectory(pgDir.toFile()).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL data directory: {}", pgDir);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${danvan.db.pool-size:10}") int poolSize) {
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("danvan-embedded");
        return new HikariDataSource(config);
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
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
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
