package dev.lantern.shared.image;

import static org.bytedeco.leptonica.global.leptonica.L_SEVERITY_NONE;
import static org.bytedeco.leptonica.global.leptonica.pixConvertTo32;
import static org.bytedeco.leptonica.global.leptonica.pixDestroy;
import static org.bytedeco.leptonica.global.leptonica.pixGetData;
import static org.bytedeco.leptonica.global.leptonica.pixGetDepth;
import static org.bytedeco.leptonica.global.leptonica.pixGetHeight;
import static org.bytedeco.leptonica.global.leptonica.pixGetWidth;
import static org.bytedeco.leptonica.global.leptonica.pixGetWpl;
import static org.bytedeco.leptonica.global.leptonica.pixReadMemJpeg;
import static org.bytedeco.leptonica.global.leptonica.readHeaderMemJpeg;
import static org.bytedeco.leptonica.global.leptonica.setMsgSeverity;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.leptonica.PIX;
import org.jboss.logging.Logger;

/**
 * JPEG decoding by libjpeg-turbo (through Leptonica's JavaCPP binding), which can decode at 1/2, 1/4 or 1/8 of the
 * stored size in the DCT domain: a 12-megapixel photo comes out at 504×378 for a fraction of the time and memory
 * of a full decode. Libjpeg's warnings (a truncated or corrupt stream) are counted, so damaged files can be refused.
 * CMYK and YCCK files are left to ImageIO, whose TwelveMonkeys reader applies their colour profile.
 */
final class ScaledJpegDecoder {

    private static final Logger LOG = Logger.getLogger(ScaledJpegDecoder.class);
    private static final boolean AVAILABLE = load();

    /** What the header says, read without decoding any pixel. */
    record Header(int width, int height, boolean cmykOrYcck) {}

    /** A decoded image and how many warnings about damaged data libjpeg gave while decoding it. */
    record Decoded(BufferedImage image, int warnings) {}

    private ScaledJpegDecoder() {}

    private static boolean load() {
        try {
            setMsgSeverity(L_SEVERITY_NONE); // failures are reported to the caller, not printed by Leptonica
            return true;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            LOG.warnf("libjpeg-turbo (Leptonica natives) is not available for this platform (%s); JPEGs are decoded "
                    + "at full size by ImageIO instead", e.getMessage());
            return false;
        }
    }

    /** False where the natives are missing (another platform): callers then decode with ImageIO. */
    static boolean available() {
        return AVAILABLE;
    }

    /** The header of {@code jpeg}, or null when it is not a readable JPEG header. */
    static Header header(BytePointer jpeg, long length) {
        try (IntPointer w = new IntPointer(1); IntPointer h = new IntPointer(1); IntPointer spp = new IntPointer(1);
                IntPointer ycck = new IntPointer(1); IntPointer cmyk = new IntPointer(1)) {
            if (readHeaderMemJpeg(jpeg, length, w, h, spp, ycck, cmyk) != 0) {
                return null;
            }
            return new Header(w.get(), h.get(), ycck.get() != 0 || cmyk.get() != 0);
        }
    }

    /**
     * Decodes {@code jpeg} at {@code 1 / reduction} of its size (reduction 1, 2, 4 or 8) into packed RGB.
     *
     * @return the image with its warning count, or null when libjpeg gave up on the data
     */
    static Decoded decode(BytePointer jpeg, long length, int reduction) {
        try (IntPointer warnings = new IntPointer(1)) {
            PIX pix = pixReadMemJpeg(jpeg, length, 0, reduction, warnings, 0);
            if (pix == null) {
                return null;
            }
            try {
                if (pixGetDepth(pix) != 32) { // grey JPEGs come as 8 bits per pixel
                    PIX rgb = pixConvertTo32(pix);
                    pixDestroy(pix);
                    pix = rgb;
                }
                return new Decoded(toRgb(pix), warnings.get());
            } finally {
                pixDestroy(pix);
            }
        }
    }

    /** Leptonica's 32-bit pixels are words 0xRRGGBBAA; ImageIO's packed RGB is 0x00RRGGBB. */
    private static BufferedImage toRgb(PIX pix) {
        int width = pixGetWidth(pix);
        int height = pixGetHeight(pix);
        int wordsPerLine = pixGetWpl(pix);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        IntPointer data = pixGetData(pix).capacity((long) wordsPerLine * height);
        if (wordsPerLine == width) {
            data.get(out);
        } else {
            for (int y = 0; y < height; y++) {
                data.position((long) y * wordsPerLine).get(out, y * width, width);
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] >>>= 8;
        }
        return image;
    }
}
