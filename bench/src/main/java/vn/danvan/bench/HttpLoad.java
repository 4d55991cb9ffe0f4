package vn.danvan.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop load: one thread per virtual user, each repeating a step as fast as the answers come
 * back, for a given time and at most a given number of steps. A worker that has only failed after
 * {@value #GIVE_UP_AFTER} tries stops early.
 */
final class HttpLoad {

    /** One request (or one full login) of worker {@code worker}; null when it succeeded, else what went wrong. */
    interface Step {
        String run(int worker, WebSession session, Random random) throws Exception;
    }

    /** @param othersCpu percent of the machine's CPU that other processes used meanwhile */
    record Result(String name, int workers, double seconds, long requests, long errors, String firstError,
                  Latencies latencies, double othersCpu) {

        double perSecond() {
            return latencies.count() / seconds;
        }
    }

    private record WorkerResult(long errors, String firstError, Latencies latencies) {
    }

    private static final int GIVE_UP_AFTER = 50;

    private final long maxStepsPerWorker;
    private final CpuMeter cpu;

    HttpLoad(long maxStepsPerWorker, CpuMeter cpu) {
        this.maxStepsPerWorker = maxStepsPerWorker;
        this.cpu = cpu;
    }

    /** Runs {@code step} on every session at once for {@code duration}. */
    Result run(String name, List<WebSession> sessions, Duration duration, Step step)
            throws InterruptedException, ExecutionException {
        int workers = sessions.size();
        var pool = Executors.newFixedThreadPool(workers);
        try {
            var go = new CountDownLatch(1);
            var futures = new ArrayList<Future<WorkerResult>>();
            for (int i = 0; i < workers; i++) {
                int worker = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return work(worker, sessions.get(worker), duration, step);
                }));
            }
            var before = cpu.sample();
            long started = System.nanoTime();
            go.countDown();
            var all = new Latencies();
            long errors = 0;
            String firstError = null;
            for (var future : futures) {
                var result = future.get();
                all.add(result.latencies());
                errors += result.errors();
                firstError = firstError != null ? firstError : result.firstError();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(name, workers, seconds, all.count() + errors, errors, firstError, all,
                    cpu.othersPercentSince(before));
        } finally {
            pool.shutdownNow();
        }
    }

    private WorkerResult work(int worker, WebSession session, Duration duration, Step step) throws InterruptedException {
        var random = new Random(31L * worker + 7);
        var latencies = new Latencies();
        long errors = 0;
        String firstError = null;
        long deadline = System.nanoTime() + duration.toNanos();
        for (long n = 0; n < maxStepsPerWorker && System.nanoTime() < deadline; n++) {
            long started = System.nanoTime();
            String error;
            try {
                error = step.run(worker, session, random);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                error = e.toString();
            }
            long took = System.nanoTime() - started;
            if (error == null) {
                latencies.recordNanos(took);
            } else {
                errors++;
                firstError = firstError != null ? firstError : error;
                if (latencies.count() == 0 && errors >= GIVE_UP_AFTER) {
                    break;
                }
            }
        }
        return new WorkerResult(errors, firstError, latencies);
    }
}
