package dev.lantern.shared.image;

import java.awt.image.BufferedImage;

/** A decoded image with the time its decode took, which the answers report. */
public record TimedDecode(DecodedImage decoded, long nanos) {

    public static TimedDecode of(ImageDecoder decoder, byte[] bytes, MinimumSize needed) {
        long start = System.nanoTime();
        DecodedImage decoded = decoder.decodeUpright(bytes, needed);
        return new TimedDecode(decoded, System.nanoTime() - start);
    }

    /** The decoded pixels, perhaps reduced. */
    public BufferedImage image() {
        return decoded.image();
    }
}
