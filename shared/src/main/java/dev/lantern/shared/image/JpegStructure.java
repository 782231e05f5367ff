package dev.lantern.shared.image;

/**
 * Walks a JPEG's markers, without decoding, to tell a whole file from one cut short or with markers out of place.
 * libjpeg prints its warnings about such files ("Premature end of JPEG file", "Corrupt JPEG data: ...") straight to
 * the process's stderr, past the log and the request id, so they are recognised here before libjpeg sees them. Any
 * file found damaged here is one libjpeg would warn about.
 */
final class JpegStructure {

    /** What the walk found. */
    enum Verdict {
        WHOLE,
        /** The data ends inside a segment or a scan, before the end-of-image marker. */
        CUT_SHORT,
        /** Something other than a marker where a marker belongs. */
        MARKERS_OUT_OF_PLACE
    }

    private static final int MARKER = 0xff;
    private static final int STUFFED = 0x00;
    private static final int START_OF_SCAN = 0xda;
    private static final int END_OF_IMAGE = 0xd9;

    private JpegStructure() {}

    static Verdict of(byte[] jpeg) {
        int i = 2; // after the start-of-image marker
        while (i < jpeg.length) {
            if ((jpeg[i] & 0xff) != MARKER) {
                return Verdict.MARKERS_OUT_OF_PLACE;
            }
            if (i + 1 >= jpeg.length) {
                return Verdict.CUT_SHORT;
            }
            int marker = jpeg[i + 1] & 0xff;
            if (marker == MARKER) { // fill byte before a marker
                i++;
                continue;
            }
            if (marker == END_OF_IMAGE) {
                return Verdict.WHOLE; // what follows (a phone's trailer) is not the image's
            }
            if (marker == 0x01 || marker >= 0xd0 && marker <= 0xd7) { // markers without a length
                i += 2;
                continue;
            }
            if (i + 3 >= jpeg.length) {
                return Verdict.CUT_SHORT;
            }
            int length = (jpeg[i + 2] & 0xff) << 8 | jpeg[i + 3] & 0xff;
            i += 2 + length;
            if (i > jpeg.length) {
                return Verdict.CUT_SHORT;
            }
            if (marker == START_OF_SCAN) {
                i = afterScan(jpeg, i);
            }
        }
        return Verdict.CUT_SHORT;
    }

    /** The position of the marker that ends the entropy-coded data starting at {@code i}, or the length if none. */
    private static int afterScan(byte[] jpeg, int i) {
        while (i + 1 < jpeg.length) {
            if ((jpeg[i] & 0xff) == MARKER) {
                int next = jpeg[i + 1] & 0xff;
                boolean inScan = next == STUFFED || next >= 0xd0 && next <= 0xd7; // a stuffed 0xff or a restart
                if (!inScan && next != MARKER) {
                    return i;
                }
                i += next == MARKER ? 1 : 2;
            } else {
                i++;
            }
        }
        return jpeg.length;
    }
}
