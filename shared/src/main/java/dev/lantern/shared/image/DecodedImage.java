package dev.lantern.shared.image;

import java.awt.image.BufferedImage;

/**
 * An upright image as decoded, which a large JPEG is reduced for (1/2, 1/4 or 1/8 in the DCT domain), and the size
 * of the upright image as the file stores it: what answers about positions in the image must be given in.
 *
 * @param image the decoded pixels, upright
 * @param width width of the upright image at its stored size
 * @param height height of the upright image at its stored size
 */
public record DecodedImage(BufferedImage image, int width, int height) {

    /** An image decoded at its stored size. */
    public static DecodedImage full(BufferedImage image) {
        return new DecodedImage(image, image.getWidth(), image.getHeight());
    }

    /** Stored pixels per decoded pixel across (1 unless reduced). */
    public double scaleX() {
        return (double) width / image.getWidth();
    }

    /** Stored pixels per decoded pixel down (1 unless reduced). */
    public double scaleY() {
        return (double) height / image.getHeight();
    }
}
