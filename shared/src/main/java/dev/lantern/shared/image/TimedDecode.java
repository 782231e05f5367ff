package dev.lantern.shared.image;

import java.awt.image.BufferedImage;

/** A decoded image with the time its decode took, which the answers report. */
public record TimedDecode(BufferedImage image, long nanos) {

    public static TimedDecode of(ImageDecoder decoder, byte[] bytes, MinimumSize needed) {
        long start = System.nanoTime();
        BufferedImage image = decoder.decode(bytes, needed);
        return new TimedDecode(image, System.nanoTime() - start);
    }
}
