package dev.lantern.shared.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made for tests. */
public final class TestImages {

    private TestImages() {}

    /** A decompression bomb in miniature: a one-pixel PNG whose header claims {@code width × height}. */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] png = out.toByteArray();
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height); // IHDR data follows signature and chunk header
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // chunk type and data
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }
}
