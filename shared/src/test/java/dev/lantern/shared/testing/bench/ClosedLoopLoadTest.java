package dev.lantern.shared.testing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ClosedLoopLoadTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (i + 1) * 1_000_000L;
        }
        assertEquals(50.0, ClosedLoopLoad.percentileMillis(sorted, 0.5));
        assertEquals(99.0, ClosedLoopLoad.percentileMillis(sorted, 0.99));
        assertEquals(7.0, ClosedLoopLoad.percentileMillis(new long[] {7_000_000L}, 0.99));
        assertTrue(Double.isNaN(ClosedLoopLoad.percentileMillis(new long[0], 0.5)));
    }

    @Test
    void cyclesOverTheInputsAndCountsItemsPerCall() throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ClosedLoopLoad load = new ClosedLoopLoad(Duration.ZERO, Duration.ofMillis(200));
        ClosedLoopLoad.Result result = load.measure("sleepy", 2, List.of("a", "b", "c"), input -> {
            seen.add(input);
            Thread.sleep(5);
        });
        assertEquals(Set.of("a", "b", "c"), seen);
        assertTrue(result.calls() > 10, "calls: " + result.calls());
        assertTrue(result.p50() >= 5 && result.p50() < 100, "p50: " + result.p50());

        ClosedLoopLoad.Result batched = load.measure("batched", 1, 4, k -> k, k -> Thread.sleep(5));
        // 4 items a call over a measured time of 0.2 s plus the last call's tail
        double seconds = batched.calls() * 4 / batched.perSecond();
        assertTrue(seconds >= 0.19 && seconds < 1.0, "measured seconds from 4 items a call: " + seconds);
    }

    @Test
    void theFirstFailureStopsTheRun() {
        ClosedLoopLoad load = new ClosedLoopLoad(Duration.ZERO, Duration.ofSeconds(30));
        long start = System.nanoTime();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> load.measure("failing", 2, List.of(1), input -> {
                    throw new IOException("refused");
                }));
        assertTrue(failure.getMessage().contains("refused"), failure.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "stopped early");
    }
}
