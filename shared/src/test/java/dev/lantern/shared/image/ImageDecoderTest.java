package dev.lantern.shared.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.error.UnsupportedMediaException;
import dev.lantern.shared.testing.TestData;
import dev.lantern.shared.testing.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(new ImageLimits(1 << 20, 4_000_000, 2));

    /** A 40×20 image, red on its left half and blue on its right half, with a green 8×8 block at the top-left. */
    private static BufferedImage marker() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x < 20 ? 0xff0000 : 0x0000ff);
            }
        }
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, 0x00ff00); // one whole JPEG block, so compression keeps it green
            }
        }
        return image;
    }

    private static byte[] progressiveJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Pillow's CMYK JPEG (shared/src/test/python/make_decoder_fixtures.py): red on the left, blue on the right. */
    private static byte[] cmykJpeg() throws IOException {
        try (var in = ImageDecoderTest.class.getResourceAsStream("/dev/lantern/shared/image/decoding/cmyk.jpg")) {
            return in.readAllBytes();
        }
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({"png", "jpeg", "bmp", "gif"})
    void decodesCommonFormatsToRgb(String format) throws IOException {
        BufferedImage image = decoder.decode(encode(marker(), format));
        assertEquals(40, image.getWidth());
        assertEquals(20, image.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        Color right = new Color(image.getRGB(30, 10));
        assertTrue(right.getBlue() > 200 && right.getRed() < 60, format + " right half should be blue: " + right);
    }

    @Test
    void decodesTheTestdataPhotos() {
        ImageDecoder photos = new ImageDecoder(new ImageLimits(10 << 20, 40_000_000, 2));
        for (TestData.LabelledImage image : TestData.labelledImages()) {
            BufferedImage decoded = photos.decode(TestData.bytes(image.file()));
            assertTrue(decoded.getWidth() > 50 && decoded.getHeight() > 50, image.file().toString());
        }
    }

    @Test
    void decodesProgressiveJpeg() throws IOException {
        BufferedImage image = decoder.decode(progressiveJpeg(marker()));
        Color right = new Color(image.getRGB(30, 10));
        assertTrue(right.getBlue() > 200 && right.getRed() < 60, "right half should be blue: " + right);
    }

    @Test
    void refusesATruncatedCmykJpeg() throws IOException {
        byte[] cmyk = cmykJpeg();
        byte[] cut = Arrays.copyOf(cmyk, cmyk.length * 2 / 3);
        BadInputException e = assertThrows(BadInputException.class, () -> decoder.decode(cut));
        assertTrue(e.getMessage().contains("truncated or damaged"), e.getMessage());
    }

    @ParameterizedTest(name = "EXIF orientation {0}")
    @CsvSource({
        // orientation, width, height, where the green top-left marker ends up
        "1, 40, 20, 0, 0",
        "2, 40, 20, 39, 0",
        "3, 40, 20, 39, 19",
        "4, 40, 20, 0, 19",
        "5, 20, 40, 0, 0",
        "6, 20, 40, 19, 0",
        "7, 20, 40, 19, 39",
        "8, 20, 40, 0, 39"
    })
    void appliesExifOrientation(int orientation, int width, int height, int markerX, int markerY)
            throws IOException {
        BufferedImage upright = decoder.decode(withExifOrientation(encode(marker(), "jpeg"), orientation));
        assertEquals(width, upright.getWidth());
        assertEquals(height, upright.getHeight());
        Color marker = new Color(upright.getRGB(markerX, markerY));
        assertTrue(marker.getGreen() > 150 && marker.getRed() < 150, "marker at " + markerX + "," + markerY
                + " is " + marker);
    }

    @Test
    void readsTheOrientationTagFromExif() throws IOException {
        byte[] jpeg = encode(marker(), "jpeg");
        assertEquals(1, ImageDecoder.exifOrientation(jpeg));
        assertEquals(6, ImageDecoder.exifOrientation(withExifOrientation(jpeg, 6)));
    }

    @Test
    void refusesNonImages() {
        byte[] text = "just some text, not an image".getBytes(StandardCharsets.UTF_8);
        assertThrows(UnsupportedMediaException.class, () -> decoder.decode(text));
    }

    @Test
    void refusesEmptyInput() {
        assertThrows(BadInputException.class, () -> decoder.decode(new byte[0]));
    }

    @Test
    void refusesDamagedImages() throws IOException {
        byte[] png = encode(marker(), "png");
        byte[] damaged = Arrays.copyOf(png, png.length);
        // keep the signature and header, scramble the compressed pixel data
        for (int i = 40; i < damaged.length - 12; i++) {
            damaged[i] = (byte) (i * 31);
        }
        assertThrows(BadInputException.class, () -> decoder.decode(damaged));
    }

    @Test
    void refusesTooManyBytesBeforeDecoding() {
        byte[] big = new byte[(1 << 20) + 1];
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> decoder.decode(big));
        assertTrue(e.getMessage().contains("1,048,576"), e.getMessage());
    }

    @Test
    void refusesDecompressionBombsFromTheHeader() {
        // a tiny PNG whose header claims 30000×30000 pixels: refused without allocating them
        byte[] png = TestImages.pngClaiming(30_000, 30_000);
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> decoder.decode(png));
        assertTrue(e.getMessage().contains("30000×30000"), e.getMessage());
    }

    /** A smooth {@code width × height} photo stand-in: gradients, so that JPEG keeps it small and exact enough. */
    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        return image;
    }

    @ParameterizedTest(name = "{0}×{1} for a shorter side of {2} and a longer side of {3}")
    @CsvSource({
        "2000, 1500, 256, 0, 500, 375", // 1/4: 1/8 would leave 188 < 256
        "4032, 3024, 256, 0, 504, 378", // 1/8, the phone photo
        "4032, 3024, 256, 1000, 1008, 756", // a second model needs the longer side at 1000: 1/4
        "500, 375, 256, 0, 500, 375", // less than twice the need: full size
        "1100, 600, 0, 416, 550, 300" // a detector's need: the longer side at 416 or more
    })
    void decodesLargeJpegsInTheDctDomainDownToWhatIsNeeded(int width, int height, int shorter, int longer,
            int expectedWidth, int expectedHeight) throws IOException {
        ImageDecoder photos = new ImageDecoder(new ImageLimits(10 << 20, 40_000_000, 2));
        BufferedImage image = photos.decode(encode(gradient(width, height), "jpeg"),
                new MinimumSize(shorter, longer));
        assertEquals(expectedWidth, image.getWidth());
        assertEquals(expectedHeight, image.getHeight());
        // the colours of a reduced decode are those of the whole image at that place
        Color middle = new Color(image.getRGB(expectedWidth / 2, expectedHeight / 2));
        assertEquals(127, middle.getRed(), 6);
        assertEquals(127, middle.getGreen(), 6);
    }

    @Test
    void decodesAProgressiveJpegInTheDctDomainToo() throws IOException {
        ImageDecoder photos = new ImageDecoder(new ImageLimits(10 << 20, 40_000_000, 2));
        BufferedImage image = photos.decode(progressiveJpeg(gradient(2000, 1500)), MinimumSize.shorterSide(256));
        assertEquals(500, image.getWidth());
        assertEquals(375, image.getHeight());
        assertEquals(127, new Color(image.getRGB(250, 187)).getRed(), 6);
    }

    @Test
    void decodesCmykJpegsWithTheirColours() throws IOException {
        BufferedImage image = decoder.decode(cmykJpeg(), MinimumSize.shorterSide(16));
        assertEquals(96, image.getWidth());
        Color left = new Color(image.getRGB(10, 32));
        Color right = new Color(image.getRGB(86, 32));
        assertTrue(left.getRed() > 200 && left.getBlue() < 60, "left half should be red: " + left);
        assertTrue(right.getBlue() > 200 && right.getRed() < 60, "right half should be blue: " + right);
    }

    @Test
    void appliesExifOrientationAfterAReducedDecode() throws IOException {
        ImageDecoder photos = new ImageDecoder(new ImageLimits(10 << 20, 40_000_000, 2));
        byte[] jpeg = withExifOrientation(encode(gradient(2000, 1000), "jpeg"), 6);
        DecodedImage upright = photos.decodeUpright(jpeg, MinimumSize.shorterSide(200));
        assertEquals(250, upright.image().getWidth());
        assertEquals(500, upright.image().getHeight());
        // positions in the answer are in the stored upright pixels: the size before the reduction, turned
        assertEquals(1000, upright.width());
        assertEquals(2000, upright.height());
        assertEquals(4.0, upright.scaleX());
        assertEquals(4.0, upright.scaleY());
    }

    @Test
    void aFullSizeDecodeReportsItsOwnSize() throws IOException {
        DecodedImage png = decoder.decodeUpright(encode(gradient(300, 200), "png"), MinimumSize.shorterSide(16));
        assertEquals(300, png.width());
        assertEquals(200, png.height());
        assertEquals(1.0, png.scaleX());
    }

    @ParameterizedTest(name = "a JPEG cut to {0}% of its bytes")
    @CsvSource({"33", "80", "99"})
    void refusesTruncatedJpegsUnlessTold(int percent) {
        byte[] whole = TestData.bytes(TestData.images().resolve("n04065272_recreational_vehicle.JPEG"));
        byte[] cut = Arrays.copyOf(whole, whole.length * percent / 100);
        BadInputException e = assertThrows(BadInputException.class, () -> decoder.decode(cut));
        assertTrue(e.getMessage().contains("truncated or damaged"), e.getMessage());

        BufferedImage lenient = new ImageDecoder(new ImageLimits(1 << 20, 4_000_000, 2), true).decode(cut);
        assertEquals(500, lenient.getWidth());
        assertEquals(375, lenient.getHeight());
    }

    @Test
    void refusesAJpegWhoseDataIsScrambled() throws IOException {
        byte[] jpeg = encode(gradient(400, 300), "jpeg");
        byte[] damaged = Arrays.copyOf(jpeg, jpeg.length);
        for (int i = damaged.length / 2; i < damaged.length / 2 + 200; i++) {
            damaged[i] = (byte) 0xff; // markers in the middle of the entropy-coded data
        }
        BadInputException e = assertThrows(BadInputException.class, () -> decoder.decode(damaged));
        assertTrue(e.getMessage().contains("truncated or damaged"), e.getMessage());
    }

    @Test
    void refusesATruncatedPng() throws IOException {
        byte[] png = encode(gradient(300, 200), "png");
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        assertThrows(BadInputException.class, () -> decoder.decode(cut));
    }

    @Test
    void decodesGreyJpegsToRgb() throws IOException {
        BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(10, 10, 0, 200);
        BufferedImage image = decoder.decode(encode(grey, "jpeg"));
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        Color pixel = new Color(image.getRGB(30, 30));
        assertEquals(pixel.getRed(), pixel.getGreen());
        assertEquals(pixel.getGreen(), pixel.getBlue());
    }

    /** Inserts an APP1 EXIF segment with the given orientation after the JPEG's SOI marker. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) throws IOException {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8); // big-endian TIFF header, IFD at 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] exif = ByteBuffer.allocate(6 + 26).put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))
                .put(tiff.array()).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void anImageLargerThanTheMemoryBudgetIsRefusedBeforeDecoding() throws IOException {
        // 2000×1000 is within the configured pixel limit but not within a 1-megapixel decode budget
        ImageDecoder small = new ImageDecoder(new ImageLimits(10 << 20, 40_000_000, 2), false,
                new PixelBudget(1_000_000));
        PayloadTooLargeException refused = assertThrows(PayloadTooLargeException.class,
                () -> small.decode(encode(gradient(2000, 1000), "png")));
        assertTrue(refused.getMessage().contains("decodes at most 1,000,000 pixels at once"), refused.getMessage());
        // a JPEG counts at the size it is decoded to: 1/4 of each side here
        BufferedImage reduced = small.decode(encode(gradient(2000, 1000), "jpeg"), MinimumSize.shorterSide(200));
        assertEquals(500, reduced.getWidth());
    }

    @Test
    void largeDecodesWaitForEachOtherWithinTheBudget() throws Exception {
        PixelBudget budget = new PixelBudget(4 << 20);
        PixelBudget.Reservation first = budget.reserve(2048, 1536); // 3 of the 4 megapixels
        CompletableFuture<PixelBudget.Reservation> second =
                CompletableFuture.supplyAsync(() -> budget.reserve(2048, 1024));
        Thread.sleep(200);
        assertFalse(second.isDone(), "the second decode must wait while the first holds the pixels");
        first.close();
        second.get(5, TimeUnit.SECONDS).close();
        budget.reserve(2048, 2048).close(); // everything was given back
    }
}
