package dev.lantern.shared.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /** A multipart upload whose part boundary is not the one its Content-Type header names (see below). */
    public static byte[] multipartWithWrongBoundary() {
        return ("--ABC\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\nnot really a jpeg\r\n--ABC--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The Content-Type that goes with {@link #multipartWithWrongBoundary()}. */
    public static final String WRONG_BOUNDARY_TYPE = "multipart/form-data; boundary=XYZ";

    /** The first third of {@code jpeg}: what a dropped connection or a half-written file leaves. */
    public static byte[] firstThird(byte[] jpeg) {
        return Arrays.copyOf(jpeg, jpeg.length / 3);
    }
}
