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

    /** Intersection over union with {@code other}: 1 for the same box, 0 for boxes that do not meet. */
    public double overlap(Box other) {
        long w = Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
        long h = Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
        long both = w * h;
        long union = area() + other.area() - both;
        return union == 0 ? 0 : (double) both / union;
    }
}
