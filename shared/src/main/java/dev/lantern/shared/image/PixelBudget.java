package dev.lantern.shared.image;

import dev.lantern.shared.error.ModelUnavailableException;
import dev.lantern.shared.error.PayloadTooLargeException;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * The pixels that decodes in progress may hold at once: half the heap, at {@value #BYTES_PER_PIXEL} bytes a pixel (the
 * decoded raster and its packed-RGB copy). Large images wait for each other instead of exhausting the heap, which on a
 * small edge heap (256 MB) failed other requests too; an image larger than the whole budget is refused.
 */
final class PixelBudget {

    static final int BYTES_PER_PIXEL = 8;
    /** Permits count blocks of pixels, so that a budget of billions of pixels fits a semaphore. */
    private static final int PIXELS_PER_PERMIT = 1024;
    /** One for the process: the suite's classifier and captioner each have a decoder, and share the heap. */
    private static final PixelBudget HEAP = new PixelBudget(Runtime.getRuntime().maxMemory() / 2 / BYTES_PER_PIXEL);

    private final long pixels;
    private final int capacity;
    private final Semaphore permits;

    PixelBudget(long pixels) {
        this.pixels = pixels;
        this.capacity = (int) Math.min(Integer.MAX_VALUE, Math.max(1, pixels / PIXELS_PER_PERMIT));
        this.permits = new Semaphore(capacity, true);
    }

    /** Half of this JVM's maximum heap, shared by every decoder in the process. */
    static PixelBudget ofHeap() {
        return HEAP;
    }

    /**
     * Waits until {@code width × height} pixels fit beside the decodes in progress; close the reservation when the
     * decoded image has been handed on.
     *
     * @throws PayloadTooLargeException when the image alone is larger than the budget
     */
    Reservation reserve(long width, long height) {
        long wanted = width * height;
        if (wanted > pixels) {
            throw new PayloadTooLargeException(String.format(Locale.ROOT,
                    "The image is %d×%d pixels (%,d); this server decodes at most %,d pixels at once within its"
                            + " memory (%d MB of heap). Send a smaller image, or give the server more heap (-Xmx).",
                    width, height, wanted, pixels, Runtime.getRuntime().maxMemory() >> 20));
        }
        int count = (int) Math.min(capacity, Math.max(1, (wanted + PIXELS_PER_PERMIT - 1) / PIXELS_PER_PERMIT));
        try {
            permits.acquire(count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("Interrupted while waiting to decode the image.");
        }
        return new Reservation(permits, count);
    }

    /** Pixels held by one decode, given back on close. */
    static final class Reservation implements AutoCloseable {
        private final Semaphore permits;
        private int count;

        private Reservation(Semaphore permits, int count) {
            this.permits = permits;
            this.count = count;
        }

        @Override
        public void close() {
            permits.release(count);
            count = 0;
        }
    }
}
