package dev.lantern.shared.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.LanternException;
import dev.lantern.shared.error.ModelUnavailableException;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.error.UnsupportedMediaException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.javacpp.BytePointer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Turns uploaded bytes into an upright RGB image, refusing oversized input before decoding its pixels and damaged
 * input after. JPEG comes from libjpeg-turbo ({@link ScaledJpegDecoder}), reduced in the DCT domain to what the
 * models need; CMYK JPEG from the TwelveMonkeys plugin; PNG, GIF and BMP from the JDK.
 */
public final class ImageDecoder {

    private static final Logger LOG = Logger.getLogger(ImageDecoder.class);
    /** The logging context's key under which the web layer keeps the id of the request being served. */
    private static final String REQUEST_ID = "requestId";

    static {
        // the TwelveMonkeys readers must be registered before the first lookup, also where the service loader
        // of a packaged app has not run yet
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
        // loads (and on first use unpacks) the libjpeg-turbo natives now, at start, not on the first request
        ScaledJpegDecoder.available();
    }

    /**
     * Runs the set-up above now: registers the image plugins and loads the libjpeg-turbo natives.
     *
     * @return whether JPEGs are decoded by libjpeg-turbo (false where this platform has no natives)
     */
    public static boolean loadNatives() {
        return ScaledJpegDecoder.available();
    }

    private final ImageLimits limits;
    private final boolean acceptTruncated;
    private final Semaphore decodes;
    private final PixelBudget budget;

    /** A strict decoder: a truncated or corrupt image is refused. */
    public ImageDecoder(ImageLimits limits) {
        this(limits, false);
    }

    /**
     * @param acceptTruncated decode what a truncated or corrupt image still holds (the rest comes out grey) instead of
     *     refusing it
     */
    public ImageDecoder(ImageLimits limits, boolean acceptTruncated) {
        this(limits, acceptTruncated, PixelBudget.ofHeap());
    }

    ImageDecoder(ImageLimits limits, boolean acceptTruncated, PixelBudget budget) {
        this.limits = limits;
        this.acceptTruncated = acceptTruncated;
        this.decodes = new Semaphore(limits.maxConcurrentDecodes(), true);
        this.budget = budget;
    }

    /** Decodes {@code bytes} at their stored size; see {@link #decode(byte[], MinimumSize)}. */
    public BufferedImage decode(byte[] bytes) {
        return decode(bytes, MinimumSize.FULL);
    }

    /**
     * Decodes {@code bytes} into an upright RGB image. A JPEG at least twice as large as {@code needed} is decoded at
     * 1/2, 1/4 or 1/8 of its size, never below {@code needed}; other formats come at their stored size.
     *
     * @throws UnsupportedMediaException when the bytes are no image format Lantern reads
     * @throws PayloadTooLargeException when the bytes or the pixel count exceed the limits
     * @throws BadInputException when the image is damaged, truncated included (unless accepted)
     */
    public BufferedImage decode(byte[] bytes, MinimumSize needed) {
        return decodeUpright(bytes, needed).image();
    }

    /**
     * As {@link #decode(byte[], MinimumSize)}, with the size of the upright image as stored: a reduced JPEG's
     * positions scale back to the file's pixels with it.
     */
    public DecodedImage decodeUpright(byte[] bytes, MinimumSize needed) {
        checkSize(bytes); // before queueing for a decode slot: refusing costs nothing
        try {
            decodes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("Interrupted while waiting to decode the image.");
        }
        try {
            boolean jpeg = isJpeg(bytes);
            int orientation = jpeg ? exifOrientation(bytes) : 1;
            DecodedImage upright = jpeg && ScaledJpegDecoder.available()
                    ? decodeScaledJpeg(bytes, needed, orientation) : null;
            return upright != null ? upright : DecodedImage.full(decodeWithImageIo(bytes, orientation));
        } finally {
            decodes.release();
        }
    }

    private void checkSize(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new BadInputException("The image is empty.");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new PayloadTooLargeException(String.format(Locale.ROOT,
                    "The image is %,d bytes; the limit is %,d bytes.", bytes.length, limits.maxBytes()));
        }
    }

    private void checkPixels(long width, long height) {
        if (width < 1 || height < 1) {
            throw new BadInputException("The image has no pixels.");
        }
        if (width * height > limits.maxPixels()) {
            throw new PayloadTooLargeException(String.format(Locale.ROOT,
                    "The image is %d×%d pixels (%,d); the limit is %,d pixels.", width, height, width * height,
                    limits.maxPixels()));
        }
    }

    private static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
    }

    /** The upright JPEG by libjpeg-turbo at the reduction {@code needed} allows, or null for ImageIO to decode it. */
    private DecodedImage decodeScaledJpeg(byte[] bytes, MinimumSize needed, int orientation) {
        JpegStructure.Verdict structure = JpegStructure.of(bytes);
        if (structure != JpegStructure.Verdict.WHOLE) {
            // libjpeg would print its warning to stderr, out of the log and without the request id
            if (!acceptTruncated) {
                throw truncated(structure == JpegStructure.Verdict.CUT_SHORT
                        ? "its data ends before the end-of-image marker" : "its markers are out of place");
            }
            return null; // ImageIO keeps what it can read, and its warnings come to a listener
        }
        try (BytePointer data = new BytePointer(bytes)) {
            ScaledJpegDecoder.Header header = ScaledJpegDecoder.header(data, bytes.length);
            if (header == null) {
                throw new BadInputException("The JPEG is damaged: its header cannot be read.");
            }
            checkPixels(header.width(), header.height());
            if (header.cmykOrYcck()) {
                return null; // ImageIO's reader applies the colour profile such files carry
            }
            int reduction = needed.jpegReduction(header.width(), header.height());
            try (PixelBudget.Reservation pixels = budget.reserve(
                    ceilDiv(header.width(), reduction), ceilDiv(header.height(), reduction))) {
                ScaledJpegDecoder.Decoded decoded = ScaledJpegDecoder.decode(data, bytes.length, reduction);
                if (decoded == null) {
                    if (acceptTruncated) {
                        return null; // ImageIO keeps what it could read
                    }
                    throw truncated("the decoder gave up on its data");
                }
                if (decoded.warnings() > 0 && !acceptTruncated) {
                    throw truncated("the decoder reported " + decoded.warnings() + " problem(s) with its data");
                }
                BufferedImage upright = toUprightRgb(decoded.image(), orientation);
                boolean turned = orientation >= 5; // EXIF orientations 5-8 swap width and height
                return new DecodedImage(upright, turned ? header.height() : header.width(),
                        turned ? header.width() : header.height());
            }
        }
    }

    private static long ceilDiv(long size, int reduction) {
        return (size + reduction - 1) / reduction;
    }

    /**
     * Whether a reader's warning says the data is damaged (libjpeg's "Corrupt JPEG data: ...", "Premature end of JPEG
     * file"), rather than something harmless such as a CMYK file without a colour profile.
     */
    private static boolean isAboutDamage(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("corrupt") || w.contains("premature end") || w.contains("truncat")
                || w.contains("unexpected end");
    }

    private static BadInputException truncated(String detail) {
        return new BadInputException("The image is truncated or damaged (" + detail + "); send the whole file.");
    }

    private BufferedImage decodeWithImageIo(byte[] bytes, int orientation) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new UnsupportedMediaException("The upload is not an image Lantern can read (JPEG, PNG, GIF, BMP).");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkPixels(width, height);
                List<String> damage = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    if (isAboutDamage(warning)) {
                        damage.add(warning);
                    }
                });
                try (PixelBudget.Reservation pixels = budget.reserve(width, height)) {
                    BufferedImage image = reader.read(0);
                    if (!damage.isEmpty() && !acceptTruncated) {
                        throw truncated(damage.get(0));
                    }
                    if (!damage.isEmpty()) {
                        LOG.warnf("Request %s: the image is truncated or damaged (%s); decoded as far as its data goes",
                                Objects.toString(MDC.get(REQUEST_ID), "-"), damage.get(0));
                    }
                    return toUprightRgb(image, orientation);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof LanternException lantern) {
                throw lantern;
            }
            throw new BadInputException("The image is damaged and cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** EXIF orientation tag 1–8, or 1 when the image has none or it cannot be read. */
    static int exifOrientation(byte[] jpeg) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(stream, JPEG.APP1, "Exif");
            for (JPEGSegment segment : segments) {
                byte[] data = segment.data().readAllBytes();
                // the segment starts with "Exif\0\0" and pad byte(s) before the TIFF header
                int offset = 0;
                while (offset < data.length && data[offset] != 'I' && data[offset] != 'M') {
                    offset++;
                }
                try (ImageInputStream tiff = ImageIO.createImageInputStream(
                        new ByteArrayInputStream(data, offset, data.length - offset))) {
                    Directory directory = new TIFFReader().read(tiff);
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    if (entry != null && entry.getValue() instanceof Number number) {
                        int value = number.intValue();
                        return value >= 1 && value <= 8 ? value : 1;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged EXIF block is common and harmless: show the image as stored
        }
        return 1;
    }

    /** Applies the EXIF orientation and flattens any colour model (grey, palette, alpha on white) to packed RGB. */
    static BufferedImage toUprightRgb(BufferedImage source, int orientation) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        if (orientation == 1 && source.getType() == BufferedImage.TYPE_INT_RGB) {
            return source;
        }
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, target.getWidth(), target.getHeight());
            g.drawImage(source, t, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
