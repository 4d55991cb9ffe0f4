package vn.danvan.orgunit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the unit files bundled under a classpath folder, in file-name order, each once: on first
 * start the pre-reform and 2025 lists, their succession, and the 30/04/2026 update. Runs under a
 * database lock so that instances starting together apply them once.
 */
@Component
public class BundledUnitFiles {

    private static final Logger log = LoggerFactory.getLogger(BundledUnitFiles.class);

    private final UnitImport unitImport;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    BundledUnitFiles(UnitImport unitImport, JdbcClient jdbc, TransactionTemplate transaction) {
        this.unitImport = unitImport;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Applies every file of {@code classpath:<folder>/*.csv} not applied yet; a file whose name
     * contains "succession" is a succession file, any other a list of units.
     */
    public void applyFolder(String folder) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('danvan.orgunit.bundled'))").query(Object.class).single();
            for (var file : filesIn(folder)) {
                var name = file.getFilename();
                if (unitImport.isApplied(name)) {
                    continue;
                }
                long started = System.nanoTime();
                var content = read(file);
                var result = name.contains("succession")
                        ? unitImport.applySuccessionFile(name, content)
                        : unitImport.applyUnitFile(name, content);
                log.info("Applied {}: {} units created, {} changed, {} successions ({} ms)", name, result.created(),
                        result.changed(), result.links(), (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    private static Resource[] filesIn(String folder) {
        try {
            var files = new PathMatchingResourcePatternResolver().getResources("classpath:" + folder + "/*.csv");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Resource file) {
        try (var in = file.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
