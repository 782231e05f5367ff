package dev.lantern.shared.testing.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A 12-megapixel JPEG as a phone sends it (4032×3024, quality 92), made from a test image: enlarged, with a little
 * sensor-like noise so that it compresses like a photo rather than like a smooth enlargement. The same source gives
 * the same bytes.
 */
public final class PhonePhoto {

    public static final int WIDTH = 4032;
    public static final int HEIGHT = 3024;

    private PhonePhoto() {}

    public static byte[] from(Path source) {
        try {
            BufferedImage small = ImageIO.read(source.toFile());
            BufferedImage big = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = big.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.drawImage(small, 0, 0, WIDTH, HEIGHT, null);
            } finally {
                g.dispose();
            }
            addNoise(big, new Random(12));
            return encode(big, 0.92f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addNoise(BufferedImage image, Random random) {
        int[] row = new int[WIDTH];
        for (int y = 0; y < HEIGHT; y++) {
            image.getRGB(0, y, WIDTH, 1, row, 0, WIDTH);
            for (int x = 0; x < WIDTH; x++) {
                int n = random.nextInt(7) - 3;
                int p = row[x];
                row[x] = clamp(((p >> 16) & 0xff) + n) << 16 | clamp(((p >> 8) & 0xff) + n) << 8 | clamp((p & 0xff) + n);
            }
            image.setRGB(0, y, WIDTH, 1, row, 0, WIDTH);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] encode(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
