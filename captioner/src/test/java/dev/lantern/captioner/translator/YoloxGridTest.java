package dev.lantern.captioner.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.image.ChannelOrder;
import dev.lantern.shared.image.ResizeFilter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grid decode and the letterbox on made-up numbers, including YOLOX sizes other than Nano's. */
class YoloxGridTest {

    private static final int CLASSES = 3;

    @Test
    void anchorCountFollowsInputSizeAndStrides() {
        assertEquals(3549, new YoloxGrid(416, List.of(8, 16, 32), 80).anchors()); // Nano, Tiny
        assertEquals(8400, new YoloxGrid(640, List.of(8, 16, 32), 80).anchors()); // S, M, L, X
        assertEquals(85, new YoloxGrid(640, List.of(8, 16, 32), 80).rowLength());
        assertThrows(IllegalArgumentException.class, () -> new YoloxGrid(420, List.of(8, 16, 32), 80));
    }

    @Test
    void decodesAnAnchorOfTheSecondLevel() {
        YoloxGrid grid = new YoloxGrid(64, List.of(8, 16, 32), CLASSES); // 64 + 16 + 4 anchors
        float[] output = new float[grid.anchors() * grid.rowLength()];
        // level stride 16 starts after the 64 anchors of stride 8; cell (gx 2, gy 1) is row 64 + 1·4 + 2
        int row = 64 + 4 + 2;
        set(output, row, 0.5f, 0.25f, (float) Math.log(2), 0f, 0.9f, 0.1f, 0.8f, 0.2f);
        List<Candidate> found = grid.decode(output, 0.3f);
        assertEquals(1, found.size());
        Candidate c = found.get(0);
        assertEquals(1, c.classId());
        assertEquals(0.72f, c.score(), 1e-6);
        // cx = (0.5 + 2)·16 = 40, cy = (0.25 + 1)·16 = 20, w = 2·16 = 32, h = 1·16 = 16
        assertEquals(24f, c.x1(), 1e-4);
        assertEquals(12f, c.y1(), 1e-4);
        assertEquals(56f, c.x2(), 1e-4);
        assertEquals(28f, c.y2(), 1e-4);
    }

    @Test
    void scoreIsObjectnessTimesTheBestClassAgainstTheThreshold() {
        YoloxGrid grid = new YoloxGrid(32, List.of(8, 16, 32), CLASSES); // 16 + 4 + 1 anchors
        float[] output = new float[grid.anchors() * grid.rowLength()];
        set(output, 0, 0, 0, 0, 0, 0.5f, 0.7f, 0.1f, 0.1f); // 0.35: kept
        set(output, 1, 0, 0, 0, 0, 0.5f, 0.5f, 0.1f, 0.1f); // 0.25: dropped
        set(output, 2, 0, 0, 0, 0, 0.2f, 1f, 1f, 1f); // objectness alone below: dropped
        set(output, 20, 0, 0, 0, 0, 1f, 0.1f, 0.2f, 0.95f); // the stride-32 cell
        List<Candidate> found = grid.decode(output, 0.3f);
        assertEquals(2, found.size());
        assertEquals(0, found.get(0).classId());
        assertEquals(2, found.get(1).classId());
        assertEquals(0.95f, found.get(1).score(), 1e-6);
        assertEquals(-16f, found.get(1).x1(), 1e-4); // cx 0·32 − w 32/2, not clipped here
    }

    @Test
    void anOutputOfTheWrongSizeNamesTheSettings() {
        YoloxGrid grid = new YoloxGrid(416, List.of(8, 16, 32), 80);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> grid.decode(new float[8400 * 85], 0.3f));
        assertTrue(e.getMessage().contains("input-size"), e.getMessage());
    }

    @Test
    void letterboxPutsTheImageTopLeftOnGreyInBgr() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(10, 20, 30));
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        Letterbox letterbox = new Letterbox(64, 114, ChannelOrder.BGR, ResizeFilter.BILINEAR);
        assertEquals(0.32, letterbox.scale(200, 100), 1e-9);
        float[] chw = letterbox.toChw(image);
        int plane = 64 * 64;
        // inside the image (scaled to 64 × 32): B, G, R planes
        assertEquals(30f, chw[5 * 64 + 5]);
        assertEquals(20f, chw[plane + 5 * 64 + 5]);
        assertEquals(10f, chw[2 * plane + 5 * 64 + 5]);
        // below it: padding
        assertEquals(114f, chw[40 * 64 + 5]);
        assertEquals(114f, chw[2 * plane + 63 * 64 + 63]);
        assertEquals(10f, new Letterbox(64, 114, ChannelOrder.RGB, ResizeFilter.BILINEAR).toChw(image)[5 * 64 + 5]);
    }

    @Test
    void boxesMapBackToImagePixelsAndAreClipped() {
        Letterbox letterbox = new Letterbox(416, 114, ChannelOrder.BGR, ResizeFilter.BILINEAR);
        // a 832 × 624 image is scaled by 0.5
        Candidate back = letterbox.toImage(new Candidate(3, 0.5f, -10, 20, 100, 400), 832, 624);
        assertEquals(0f, back.x1());
        assertEquals(40f, back.y1());
        assertEquals(200f, back.x2());
        assertEquals(624f, back.y2()); // 800 clipped to the image
    }

    private static void set(float[] output, int row, float... values) {
        System.arraycopy(values, 0, output, row * (5 + CLASSES), values.length);
    }
}
