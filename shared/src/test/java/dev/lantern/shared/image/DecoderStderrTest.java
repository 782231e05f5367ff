package dev.lantern.shared.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.testing.TestData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * libjpeg prints its warnings ("Premature end of JPEG file") to the process's stderr, where no log line and no
 * request id is. A damaged JPEG is decoded in a child JVM whose Java-level stderr goes to stdout: what remains on the
 * process's stderr came from native code, and must be nothing.
 */
class DecoderStderrTest {

    /** The child: decodes the file cut to the given share, strictly or leniently, and says what happened. */
    public static void main(String[] args) throws IOException {
        System.setErr(System.out); // the log (and any Java-level stderr) to stdout: stderr keeps native writes only
        byte[] whole = Files.readAllBytes(Path.of(args[0]));
        byte[] cut = Arrays.copyOf(whole, whole.length * Integer.parseInt(args[1]) / 100);
        System.out.println("libjpeg " + ImageDecoder.loadNatives());
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(10 << 20, 40_000_000, 2), Boolean.parseBoolean(args[2]));
        try {
            BufferedImage image = decoder.decode(cut, MinimumSize.shorterSide(64));
            System.out.println("decoded " + image.getWidth() + "x" + image.getHeight());
        } catch (BadInputException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "a JPEG cut to {0}%, accept-truncated {1}")
    @CsvSource({"50, false, refused", "50, true, decoded", "99, false, refused", "2, false, refused"})
    void aTruncatedJpegLeavesNothingOnStderr(int percent, boolean lenient, String outcome) throws Exception {
        Path photo = TestData.images().resolve("n04065272_recreational_vehicle.JPEG");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                DecoderStderrTest.class.getName(), photo.toString(), String.valueOf(percent), String.valueOf(lenient))
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out + err);
        Assumptions.assumeTrue(out.contains("libjpeg true"), "no libjpeg-turbo natives on this platform");
        assertTrue(out.contains(outcome), out);
        assertEquals("", err, "written to stderr past the log");
    }
}
