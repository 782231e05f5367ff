package dev.lantern.shared.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.TestData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lantern's resizers against the real libraries: the PNGs under {@code references/} were written by Pillow and OpenCV
 * ({@code src/test/python/make_resize_references.py}; versions in {@code references/versions.txt}).
 */
class ResizeReferenceTest {

    private static final String REFERENCES = "references/";

    // ---- synthetic.png: lossless, so any difference is the resizer's own ----

    /** Pillow's two filters are reproduced exactly, including the pass Pillow skips when the width is kept. */
    @ParameterizedTest(name = "{0} 307x229 -> {1}x{2}")
    @CsvSource({
        "ANTIALIASED_BILINEAR, 47, 31",
        "ANTIALIASED_BILINEAR, 241, 181",
        "ANTIALIASED_BILINEAR, 353, 263",
        "ANTIALIASED_BILINEAR, 307, 113",
        "AREA, 47, 31",
        "AREA, 241, 181",
    })
    void pillowFiltersMatchPillowExactly(ResizeFilter filter, int width, int height) {
        Difference d = syntheticDifference(filter, width, height);
        assertEquals(0, d.max, filter + " " + d);
    }

    /**
     * OpenCV's INTER_LINEAR, exactly too. The brief allowed 1 for OpenCV's SIMD rounding; with the SIMD rounding
     * reproduced (see {@link LinearResampler}) no pixel differs. The scalar formula {@code (S0*b0 + S1*b1 + 2^21) >> 22}
     * was 1 higher on 464 of 1,457 pixels (47x31), 14,453 of 43,621 (241x181) and 30,408 of 92,839 (353x263).
     */
    @ParameterizedTest(name = "BILINEAR 307x229 -> {0}x{1}")
    @CsvSource({"47, 31", "241, 181", "353, 263"})
    void bilinearMatchesOpenCvExactly(int width, int height) {
        Difference d = syntheticDifference(ResizeFilter.BILINEAR, width, height);
        assertEquals(0, d.max, d.toString());
    }

    private static Difference syntheticDifference(ResizeFilter filter, int width, int height) {
        BufferedImage source = resource("synthetic.png");
        BufferedImage expected = resource(String.format(Locale.ROOT, "synthetic.%s.%dx%d.png", kebab(filter), width,
                height));
        int[] actual = filter.resize(ResizeFilter.packedRgb(source), source.getWidth(), source.getHeight(), width,
                height);
        Difference d = Difference.of(ResizeFilter.packedRgb(expected), actual);
        System.out.printf(Locale.ROOT, "synthetic %s %dx%d: %s%n", filter, width, height, d);
        return d;
    }

    // ---- the testdata JPEGs, decoded by Lantern's decoder here and by Pillow for the references ----

    static Stream<Arguments> classificationCases() {
        return Stream.of(ResizeFilter.ANTIALIASED_BILINEAR, ResizeFilter.AREA)
                .flatMap(filter -> jpegs().filter(jpeg -> hasReference(jpeg, filter))
                        .map(jpeg -> Arguments.of(filter, jpeg)));
    }

    /**
     * The tolerance for a JPEG decoded by Lantern's decoder against Pillow's decode: 1 per channel, for decoders that
     * may round chroma upsampling or YCbCr conversion differently. Both are libjpeg-turbo and neither applies an
     * embedded ICC profile (n04370456_sweatshirt carries a "Camera RGB Profile": the JDK's ImageIO converts it to sRGB
     * and differs from Pillow by up to 38 on 91 % of its pixels; torchvision's and YOLOX's training saw Pillow's and
     * OpenCV's pixels, so Lantern decodes as they do). Measured: 0 on every photo and filter.
     */
    private static final int DECODE_TOLERANCE = 1;

    /** torchvision's Resize(256) + CenterCrop(224) on the photos. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("classificationCases")
    void classificationPreprocessingMatchesTorchvision(ResizeFilter filter, Path jpeg) {
        BufferedImage image = readJpeg(jpeg);
        ImagePreprocessing p = new ImagePreprocessing(256, 224, 224, 1f, new float[3], new float[] {1, 1, 1},
                ChannelOrder.RGB, filter);
        BufferedImage actual = p.resizeAndCrop(image);
        BufferedImage expected = resource(stem(jpeg) + "." + kebab(filter) + ".png");
        Difference d = Difference.of(ResizeFilter.packedRgb(expected), ResizeFilter.packedRgb(actual));
        System.out.printf(Locale.ROOT, "%s %s: %s%n", filter, stem(jpeg), d);
        assertTrue(d.max <= DECODE_TOLERANCE, d.toString());
    }

    static Stream<Path> letterboxJpegs() {
        return jpegs().filter(jpeg -> hasReference(jpeg, ResizeFilter.BILINEAR));
    }

    /** YOLOX's letterbox resize to fit 416x416 (without the padding). */
    @ParameterizedTest(name = "BILINEAR letterbox {0}")
    @MethodSource("letterboxJpegs")
    void letterboxResizeMatchesOpenCv(Path jpeg) {
        BufferedImage image = readJpeg(jpeg);
        int w = image.getWidth();
        int h = image.getHeight();
        double r = Math.min(416.0 / h, 416.0 / w);
        int outW = (int) (w * r);
        int outH = (int) (h * r);
        BufferedImage expected = resource(stem(jpeg) + ".bilinear.png");
        assertEquals(expected.getWidth(), outW);
        assertEquals(expected.getHeight(), outH);
        int[] actual = ResizeFilter.BILINEAR.resize(ResizeFilter.packedRgb(image), w, h, outW, outH);
        Difference d = Difference.of(ResizeFilter.packedRgb(expected), actual);
        System.out.printf(Locale.ROOT, "BILINEAR letterbox %s: %s%n", stem(jpeg), d);
        assertTrue(d.max <= DECODE_TOLERANCE, d.toString());
    }

    @Test
    void theFixturesAreThere() {
        assertEquals(12, jpegs().count());
        assertEquals(12, jpegs().filter(jpeg -> hasReference(jpeg, ResizeFilter.ANTIALIASED_BILINEAR)).count());
        assertEquals(4, jpegs().filter(jpeg -> hasReference(jpeg, ResizeFilter.AREA)).count());
        assertEquals(6, letterboxJpegs().count());
    }

    // ---- computing only the window ----

    /** Only the window is computed, yet it equals resizing everything and cropping, for shrinks and enlargements. */
    @ParameterizedTest
    @EnumSource(ResizeFilter.class)
    void theWindowEqualsResizeThenCrop(ResizeFilter filter) {
        BufferedImage source = resource("synthetic.png");
        int[] src = ResizeFilter.packedRgb(source);
        int sw = source.getWidth();
        int sh = source.getHeight();
        int[][] cases = {
            // out w, h, crop x, y, w, h
            {343, 256, 60, 16, 224, 224},
            {47, 31, 3, 5, 40, 21},
            {401, 293, 0, 0, 1, 1},
            {401, 293, 400, 292, 1, 1},
            {613, 229, 200, 7, 13, 222},
            {307, 229, 10, 20, 30, 40}, // no resize at all
            {307, 400, 0, 171, 307, 229}, // width kept
        };
        for (int[] c : cases) {
            int[] whole = filter.resize(src, sw, sh, c[0], c[1]);
            int[] window = filter.resize(src, sw, sh, c[0], c[1], c[2], c[3], c[4], c[5]);
            int[] cropped = new int[c[4] * c[5]];
            for (int y = 0; y < c[5]; y++) {
                System.arraycopy(whole, (c[3] + y) * c[0] + c[2], cropped, y * c[4], c[4]);
            }
            assertArrayEquals(cropped, window, filter + " " + Arrays.toString(c));
        }
    }

    // ---- helpers ----

    /** Max per-channel difference and how many pixels differ at all. */
    record Difference(int max, int pixels, int total) {

        static Difference of(int[] expected, int[] actual) {
            assertEquals(expected.length, actual.length, "pixel count");
            int max = 0;
            int pixels = 0;
            for (int i = 0; i < expected.length; i++) {
                int a = expected[i];
                int b = actual[i];
                int m = Math.max(Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)), Math.max(
                        Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)), Math.abs((a & 0xff) - (b & 0xff))));
                max = Math.max(max, m);
                pixels += m > 0 ? 1 : 0;
            }
            return new Difference(max, pixels, expected.length);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "max difference %d, %d of %d pixels differ (%.2f %%)", max, pixels,
                    total, 100.0 * pixels / total);
        }
    }

    private static Stream<Path> jpegs() {
        try (Stream<Path> files = Files.list(TestData.images())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".JPEG")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasReference(Path jpeg, ResizeFilter filter) {
        return ResizeReferenceTest.class.getResource(REFERENCES + stem(jpeg) + "." + kebab(filter) + ".png") != null;
    }

    private static String stem(Path jpeg) {
        String name = jpeg.getFileName().toString();
        return name.substring(0, name.length() - ".JPEG".length());
    }

    private static String kebab(ResizeFilter filter) {
        return filter.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The photo as the apps decode it, at full size. */
    private static BufferedImage readJpeg(Path jpeg) {
        return new ImageDecoder(new ImageLimits(10 << 20, 40_000_000, 1)).decode(TestData.bytes(jpeg));
    }

    private static BufferedImage resource(String name) {
        try (InputStream in = ResizeReferenceTest.class.getResourceAsStream(REFERENCES + name)) {
            assertNotNull(in, "missing test resource " + REFERENCES + name);
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
