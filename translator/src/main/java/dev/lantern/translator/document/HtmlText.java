package dev.lantern.translator.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/**
 * An HTML page or fragment as the runs of text a reader sees, each with its place in the source. A translation is put
 * back by splicing the source at those places alone, so everything else (tags, attributes, comments, entities outside
 * the text, whitespace, the doctype) comes back byte for byte. Code, scripts, styles and anything marked
 * {@code translate="no"} or {@code class="notranslate"} are left as they are.
 */
public final class HtmlText {

    private static final Set<String> KEPT = Set.of("script", "style", "code", "pre", "kbd", "samp", "var", "template",
            "textarea", "svg", "math");

    private final String source;
    private final List<TextNode> runs;

    private HtmlText(String source, List<TextNode> runs) {
        this.source = source;
        this.runs = runs;
    }

    public static HtmlText parse(String html) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        List<TextNode> runs = new ArrayList<>();
        NodeTraversor.traverse((Node node, int depth) -> {
            if (node instanceof TextNode text && !text.isBlank() && text.sourceRange().isTracked()
                    && translatable(text.parent())) {
                runs.add(text);
            }
        }, parser.parseInput(html, ""));
        return new HtmlText(html, List.copyOf(runs));
    }

    private static boolean translatable(Node parent) {
        for (Node node = parent; node instanceof Element element; node = node.parent()) {
            if (KEPT.contains(element.normalName()) || "no".equalsIgnoreCase(element.attr("translate"))
                    || element.hasClass("notranslate")) {
                return false;
            }
        }
        return true;
    }

    /** Each run's text, entities decoded and whitespace collapsed as a browser shows it: one line per run. */
    public List<String> runs() {
        return runs.stream().map(run -> run.text().strip().replaceAll("\\s+", " ")).toList();
    }

    /** The runs as one text, a line each: what is translated, detected and counted against the length limit. */
    public String text() {
        return String.join("\n", runs());
    }

    /**
     * The source with each run replaced by its translation (escaped for HTML), keeping the whitespace around the run.
     *
     * @param translations one per run, in order
     */
    public String rejoin(List<String> translations) {
        if (translations.size() != runs.size()) {
            throw new IllegalArgumentException(translations.size() + " translations for " + runs.size() + " runs");
        }
        StringBuilder out = new StringBuilder(source.length() + source.length() / 4);
        int at = 0;
        for (int i = 0; i < runs.size(); i++) {
            Range range = runs.get(i).sourceRange();
            String original = source.substring(range.startPos(), range.endPos());
            out.append(source, at, range.startPos())
                    .append(leading(original)).append(escape(translations.get(i))).append(trailing(original));
            at = range.endPos();
        }
        return out.append(source, at, source.length()).toString();
    }

    private static String leading(String text) {
        int end = 0;
        while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private static String trailing(String text) {
        int start = text.length();
        while (start > 0 && Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
