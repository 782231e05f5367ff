package dev.lantern.shared.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImagePreprocessingTest {

    private static BufferedImage solid(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    @Test
    void itsArraysCannotBeChangedFromOutside() {
        ImagePreprocessing imagenet = ImagePreprocessing.IMAGENET;
        imagenet.mean()[0] = 0;
        imagenet.std()[0] = 1;
        assertEquals(0.485f, imagenet.mean()[0]);
        assertEquals(0.229f, imagenet.std()[0]);
    }

    @Test
    void normalisesEachChannelWithItsMeanAndStd() {
        float[] chw = ImagePreprocessing.IMAGENET.toChw(solid(300, 400, 0xff8000));
        int plane = 224 * 224;
        assertEquals(3 * plane, chw.length);
        assertEquals((1f - 0.485f) / 0.229f, chw[0], 1e-5);
        assertEquals((128 / 255f - 0.456f) / 0.224f, chw[plane + 1234], 1e-5);
        assertEquals((0f - 0.406f) / 0.225f, chw[2 * plane + plane - 1], 1e-5);
    }

    @Test
    void bgrOrderPutsBlueFirst() {
        ImagePreprocessing raw = new ImagePreprocessing(4, 4, 4, 1f, new float[3], new float[] {1, 1, 1},
                ChannelOrder.BGR, ResizeFilter.ANTIALIASED_BILINEAR);
        float[] chw = raw.toChw(solid(4, 4, 0x0a141e)); // r=10 g=20 b=30
        assertEquals(30f, chw[0]);
        assertEquals(20f, chw[16]);
        assertEquals(10f, chw[32]);
    }

    @Test
    void cropsTheCentreOfTheResizedImage() {
        // left third black, middle white, right third black: after 300x100 -> 6x2 and a 2x2 centre crop, all white
        BufferedImage image = solid(300, 100, 0x000000);
        for (int y = 0; y < 100; y++) {
            for (int x = 100; x < 200; x++) {
                image.setRGB(x, y, 0xffffff);
            }
        }
        ImagePreprocessing p = new ImagePreprocessing(2, 2, 2, 1f, new float[3], new float[] {1, 1, 1},
                ChannelOrder.RGB, ResizeFilter.AREA);
        BufferedImage crop = p.resizeAndCrop(image);
        assertEquals(2, crop.getWidth());
        assertEquals(2, crop.getHeight());
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                assertEquals(0xffffff, crop.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void usesTorchvisionsGeometry() {
        // long side truncated, not rounded: 256 * 500 / 333 = 384.38..., 256 * 375 / 257 = 373.54... -> 373
        assertArrayEquals(new int[] {384, 256}, ImagePreprocessing.resizedSize(500, 333, 256));
        assertArrayEquals(new int[] {256, 373}, ImagePreprocessing.resizedSize(257, 375, 256));
        assertArrayEquals(new int[] {256, 256}, ImagePreprocessing.resizedSize(90, 90, 256));
        // crop offsets round half to even like Python's round: 32/2 = 16, 33/2 = 16.5 -> 16, 35/2 = 17.5 -> 18
        assertEquals(16, ImagePreprocessing.centreCropOffset(256, 224));
        assertEquals(16, ImagePreprocessing.centreCropOffset(257, 224));
        assertEquals(18, ImagePreprocessing.centreCropOffset(259, 224));
    }

    @Test
    void toChwMatchesTheFilterOnTheSameWindow() {
        BufferedImage image = new BufferedImage(301, 207, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 207; y++) {
            for (int x = 0; x < 301; x++) {
                image.setRGB(x, y, (x * 7 + y * 3) % 256 << 16 | (x * y) % 256 << 8 | (x ^ y) & 0xff);
            }
        }
        ImagePreprocessing raw = new ImagePreprocessing(64, 48, 40, 1f, new float[3], new float[] {1, 1, 1},
                ChannelOrder.RGB, ResizeFilter.ANTIALIASED_BILINEAR);
        // 301x207 -> (int) (64 * 301 / 207.0) = 93 x 64; crop 48x40 at rint(22.5) = 22, rint(12) = 12
        int[] expected = ResizeFilter.ANTIALIASED_BILINEAR.resize(ResizeFilter.packedRgb(image), 301, 207, 93, 64, 22,
                12, 48, 40);
        float[] chw = raw.toChw(image);
        int plane = 48 * 40;
        for (int i = 0; i < plane; i++) {
            assertEquals((expected[i] >> 16) & 0xff, chw[i]);
            assertEquals((expected[i] >> 8) & 0xff, chw[plane + i]);
            assertEquals(expected[i] & 0xff, chw[2 * plane + i]);
        }
    }

    @Test
    void refusesACropLargerThanTheResize() {
        assertThrows(IllegalArgumentException.class, () -> new ImagePreprocessing(200, 224, 224, 1f,
                new float[3], new float[] {1, 1, 1}, ChannelOrder.RGB, ResizeFilter.ANTIALIASED_BILINEAR));
    }
}
