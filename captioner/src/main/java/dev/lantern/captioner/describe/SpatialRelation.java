package dev.lantern.captioner.describe;

import dev.lantern.captioner.Box;

/**
 * How one box stands to another, read from the boxes alone (y grows downwards). The rules are deliberately simple and
 * ordered: "on" needs a support underneath (a table, a couch: the lexicon says which classes are), "in front of"
 * means mostly inside a larger box, "above" and "under" need the boxes stacked with some horizontal overlap, and
 * anything else is "next to".
 */
public enum SpatialRelation {
    ON("on"),
    IN_FRONT_OF("in front of"),
    ABOVE("above"),
    UNDER("under"),
    NEXT_TO("next to");

    private final String words;

    SpatialRelation(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The relation of {@code a} to {@code b}; {@code bIsSupport} when b's class is something to sit or stand on. */
    public static SpatialRelation of(Box a, Box b, boolean bIsSupport) {
        double overlapX = Math.min(a.right(), b.right()) - Math.max(a.x(), b.x());
        double overlapY = Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
        double sharedWidth = overlapX / Math.max(1, Math.min(a.width(), b.width()));
        double inside = overlapX > 0 && overlapY > 0 ? overlapX * overlapY / Math.max(1, a.area()) : 0;
        // a's bottom rests in b's upper part, and a rises above b's middle
        if (bIsSupport && sharedWidth >= 0.5 && a.area() < b.area() && a.centerY() < b.centerY()
                && a.bottom() >= b.y() - 0.1 * b.height() && a.bottom() <= b.y() + 0.75 * b.height()) {
            return ON;
        }
        double tolerance = 0.1 * Math.min(a.height(), b.height());
        if (sharedWidth >= 0.3 && a.bottom() <= b.y() + tolerance) {
            return ABOVE;
        }
        if (sharedWidth >= 0.3 && a.y() >= b.bottom() - tolerance) {
            return UNDER;
        }
        // under a table: inside its span, in its lower half
        if (bIsSupport && sharedWidth >= 0.5 && a.area() < b.area() && a.y() > b.centerY()
                && a.bottom() <= b.bottom() + tolerance) {
            return UNDER;
        }
        if (inside >= 0.6 && a.area() < b.area()) {
            return IN_FRONT_OF;
        }
        return NEXT_TO;
    }
}
