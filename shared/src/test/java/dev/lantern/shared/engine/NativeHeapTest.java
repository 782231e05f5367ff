package dev.lantern.shared.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeHeapTest {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Test
    void freedNativeMemoryLeavesTheProcess() throws IOException {
        assumeTrue(Files.isReadable(STATUS), "needs Linux's /proc");
        // 64 MB in blocks small enough for malloc's heap (large ones are mapped and unmapped on their own); the
        // last stays allocated so that free() cannot give back the heap's top by itself
        List<Memory> blocks = new ArrayList<>();
        for (int i = 0; i < 2048; i++) {
            Memory block = new Memory(32 * 1024);
            block.clear(); // touched: resident
            blocks.add(block);
        }
        for (int i = 0; i < blocks.size() - 1; i++) {
            blocks.get(i).close();
        }
        long before = residentKb();
        boolean released = NativeHeap.releaseFreeMemory();
        long after = residentKb();
        blocks.get(blocks.size() - 1).close();

        assumeTrue(released, "the C library has no malloc_trim (not glibc)");
        assertTrue(before - after > 32 * 1024, "RSS " + before + " kB before, " + after + " kB after");
    }

    private static long residentKb() throws IOException {
        return Files.readAllLines(STATUS).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
