package dev.lantern.captioner;

/** A rectangle in the original image's pixels: top-left corner and size. */
public record Box(int x, int y, int width, int height) {

    public long area() {
        return (long) width * height;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2.0;
    }

    public double centerY() {
        return y + height / 2.0;
    }
}
