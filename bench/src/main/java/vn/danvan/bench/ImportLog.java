package vn.danvan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the application's log says about a start: the unit files applied and Spring's own start time. */
final class ImportLog {

    /** One line "Applied <file>: N units created, M changed, K successions (X ms)" of BundledUnitFiles. */
    record AppliedFile(String file, int created, int changed, int successions, long millis) {
    }

    private static final Pattern APPLIED = Pattern.compile(
            "vn\\.danvan\\.orgunit\\.BundledUnitFiles\\s*:\\s*Applied (\\S+): (\\d+) units created, (\\d+) changed, "
                    + "(\\d+) successions \\((\\d+) ms\\)");
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

    private final List<String> lines;

    private ImportLog(List<String> lines) {
        this.lines = lines;
    }

    static ImportLog read(Path logFile) throws IOException {
        return new ImportLog(Files.readAllLines(logFile));
    }

    List<AppliedFile> appliedFiles() {
        var files = new ArrayList<AppliedFile>();
        for (var line : lines) {
            var m = APPLIED.matcher(line);
            if (m.find()) {
                files.add(new AppliedFile(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Long.parseLong(m.group(5))));
            }
        }
        return files;
    }

    /** Seconds in Spring's "Started DanvanApplication in X seconds" (before the start-up runners). */
    Optional<Double> springStartedSeconds() {
        for (var line : lines) {
            var m = STARTED.matcher(line);
            if (m.find()) {
                return Optional.of(Double.parseDouble(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The log lines at ERROR level, or that name an exception, for a failed start. */
    List<String> problems() {
        return lines.stream().filter(l -> l.contains(" ERROR ") || l.contains("Exception")).limit(20).toList();
    }
}
