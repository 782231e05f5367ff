package dev.lantern.translator;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.translator.document.HtmlText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Translates the text of an HTML page or fragment and keeps its markup: the runs of text go through
 * {@link TranslationService} as one text, a line each (so as one batch, under the same length limit), and come back
 * in their places. A sentence split by inline markup ({@code Hello <b>world</b>!}) is translated in its pieces.
 */
@ApplicationScoped
public class HtmlTranslation {

    @Inject
    TranslationService translator;

    /** As {@link TranslationService#translate}, with {@code translation} the translated HTML. */
    public CompletableFuture<Translation> translate(String html, String source, String target) {
        HtmlText text = HtmlText.parse(html == null ? "" : html);
        if (text.runs().isEmpty()) {
            throw new BadInputException("The HTML has no text to translate.");
        }
        return translator.translate(text.text(), source, target).thenApply(done -> {
            List<String> lines = done.translation().lines().toList();
            return new Translation(text.rejoin(lines), done.source(), done.detectedSource(), done.target(),
                    done.model(), done.confidence(), done.sentences(), done.timings());
        });
    }
}
