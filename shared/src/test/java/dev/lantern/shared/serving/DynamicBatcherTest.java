package dev.lantern.shared.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.BusyException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void concurrentInputsShareAForwardPassAndKeepTheirOrder() throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DynamicBatcher.BatchFunction<Integer, Integer> square = inputs -> {
            batchSizes.add(inputs.size());
            firstBatchRunning.countDown();
            release.await(5, TimeUnit.SECONDS);
            return inputs.stream().map(i -> i * i).toList();
        };
        try (var batcher = new DynamicBatcher<>("square", new BatchingOptions(8, Duration.ZERO, 100, 1),
                List.of(square), registry)) {
            CompletableFuture<Inference<Integer>> first = batcher.submit(1);
            assertTrue(firstBatchRunning.await(5, TimeUnit.SECONDS));
            // while the worker is busy these queue up and must come out as one batch
            List<CompletableFuture<Inference<Integer>>> rest = new ArrayList<>();
            for (int i = 2; i <= 6; i++) {
                rest.add(batcher.submit(i));
            }
            release.countDown();

            assertEquals(1, first.get(5, TimeUnit.SECONDS).output());
            for (int i = 0; i < rest.size(); i++) {
                Inference<Integer> inference = rest.get(i).get(5, TimeUnit.SECONDS);
                assertEquals((i + 2) * (i + 2), inference.output());
                assertEquals(5, inference.batchSize());
            }
            assertEquals(List.of(1, 5), batchSizes);
            assertEquals(2, registry.get("lantern.batch.size").summary().count());
        }
    }

    @Test
    void theFirstWorkerRunsTheWarmUpBatchBeforeAnyInputAndCountsItNowhere() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch warmUpRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DynamicBatcher.BatchFunction<Integer, Integer> recorder = inputs -> {
            batches.add(List.copyOf(inputs));
            if (inputs.get(0) == 0) {
                warmUpRunning.countDown();
                release.await(5, TimeUnit.SECONDS);
            }
            return inputs;
        };
        try (var batcher = new DynamicBatcher<>("warm", new BatchingOptions(4, Duration.ZERO, 100, 1),
                List.of(recorder), registry, Collections.nCopies(4, 0))) {
            assertTrue(warmUpRunning.await(5, TimeUnit.SECONDS));
            // submitted while the warm-up runs: it waits, then is answered
            CompletableFuture<Inference<Integer>> request = batcher.submit(7);
            release.countDown();

            assertEquals(7, request.get(5, TimeUnit.SECONDS).output());
            assertEquals(List.of(List.of(0, 0, 0, 0), List.of(7)), batches);
            assertEquals(1, registry.get("lantern.batch.size").summary().count(), "the warm-up is no request");
        }
    }

    @Test
    void maxWaitLetsLaterInputsJoinTheBatch() throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        DynamicBatcher.BatchFunction<Integer, Integer> identity = inputs -> {
            batchSizes.add(inputs.size());
            return inputs;
        };
        try (var batcher = new DynamicBatcher<>("wait", new BatchingOptions(4, Duration.ofMillis(300), 100, 1),
                List.of(identity), registry)) {
            List<CompletableFuture<Inference<Integer>>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(batcher.submit(i));
            }
            for (CompletableFuture<Inference<Integer>> f : futures) {
                f.get(5, TimeUnit.SECONDS);
            }
            assertEquals(List.of(4), batchSizes);
        }
    }

    @Test
    void fullQueueTurnsCallersAwayAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        DynamicBatcher.BatchFunction<Integer, Integer> slow = inputs -> {
            running.countDown();
            release.await(5, TimeUnit.SECONDS);
            return inputs;
        };
        try (var batcher = new DynamicBatcher<>("slow", new BatchingOptions(1, Duration.ZERO, 2, 1),
                List.of(slow), registry)) {
            CompletableFuture<Inference<Integer>> inFlight = batcher.submit(0);
            assertTrue(running.await(5, TimeUnit.SECONDS));
            CompletableFuture<Inference<Integer>> queued1 = batcher.submit(1);
            CompletableFuture<Inference<Integer>> queued2 = batcher.submit(2);
            CompletableFuture<Inference<Integer>> rejected = batcher.submit(3);

            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> rejected.get(1, TimeUnit.SECONDS));
            assertInstanceOf(BusyException.class, e.getCause());
            assertEquals(1.0, registry.get("lantern.queue.rejected").counter().count());
            release.countDown();
            assertEquals(0, inFlight.get(5, TimeUnit.SECONDS).output());
            assertEquals(1, queued1.get(5, TimeUnit.SECONDS).output());
            assertEquals(2, queued2.get(5, TimeUnit.SECONDS).output());
        }
    }

    @Test
    void aFailingInputDoesNotFailItsNeighbours() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DynamicBatcher.BatchFunction<Integer, Integer> rejectsNegatives = inputs -> {
            release.await(5, TimeUnit.SECONDS);
            if (inputs.stream().anyMatch(i -> i < 0)) {
                throw new BadInputException("negative input");
            }
            return inputs;
        };
        try (var batcher = new DynamicBatcher<>("strict", new BatchingOptions(8, Duration.ofMillis(200), 100, 1),
                List.of(rejectsNegatives), registry)) {
            CompletableFuture<Inference<Integer>> good1 = batcher.submit(1);
            CompletableFuture<Inference<Integer>> bad = batcher.submit(-1);
            CompletableFuture<Inference<Integer>> good2 = batcher.submit(2);
            release.countDown();

            assertEquals(1, good1.get(5, TimeUnit.SECONDS).output());
            assertEquals(2, good2.get(5, TimeUnit.SECONDS).output());
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> bad.get(5, TimeUnit.SECONDS));
            assertInstanceOf(BadInputException.class, e.getCause());
        }
    }

    @Test
    void severalWorkersRunInParallel() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        DynamicBatcher.BatchFunction<Integer, Integer> waitForOther = inputs -> {
            bothRunning.countDown();
            assertTrue(bothRunning.await(5, TimeUnit.SECONDS), "the other worker never ran");
            return inputs;
        };
        try (var batcher = new DynamicBatcher<>("pair", new BatchingOptions(1, Duration.ZERO, 10, 2),
                List.of(waitForOther, waitForOther), registry)) {
            CompletableFuture<Inference<Integer>> a = batcher.submit(1);
            CompletableFuture<Inference<Integer>> b = batcher.submit(2);
            assertEquals(1, a.get(5, TimeUnit.SECONDS).output());
            assertEquals(2, b.get(5, TimeUnit.SECONDS).output());
        }
    }
}
