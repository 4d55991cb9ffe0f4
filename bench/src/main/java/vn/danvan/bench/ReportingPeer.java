package vn.danvan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregation peer (shared/peers/aggregation), run right after danvan's figures on the same machine
 * when BENCH_REPORTING_PEER=1: copied out of shared/ (it writes target/), run with the same number of
 * values, and its RESULT block kept for the side-by-side table.
 */
final class ReportingPeer {

    private ReportingPeer() {
    }

    static List<String> run(Path repository, ReportingSettings settings) throws IOException, InterruptedException {
        var shared = Path.of(System.getenv().getOrDefault("BENCH_PEER_DIR", repository.resolve("../shared").normalize().toString()));
        var source = shared.resolve("peers/aggregation");
        var copy = Files.createTempDirectory("reporting-peer-");
        System.out.println("Peer: copying " + source + " to " + copy + " and running it");
        run(List.of("cp", "-r", source + "/.", copy.toString()), copy);
        var log = copy.resolve("peer.log");
        var command = new ArrayList<>(List.of("./run.sh", "--values=" + settings.values(),
                "--write-seconds=" + settings.writeSeconds()));
        var builder = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ADMIN_UNITS_DIR", shared.resolve("data/admin-units").toString());
        int exit = builder.start().waitFor();
        var lines = Files.readAllLines(log);
        var result = new ArrayList<String>();
        boolean in = false;
        for (var line : lines) {
            if (line.startsWith("RESULT")) {
                in = true;
            }
            if (in && line.startsWith("EXPLAIN")) {
                break;
            }
            if (in) {
                result.add(line);
            }
        }
        if (result.isEmpty()) {
            result.add("the peer ended with exit code " + exit + " without a RESULT block; last lines:");
            result.addAll(lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }
        run(List.of("rm", "-rf", copy.toString()), Path.of("/"));
        return result;
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        var p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
