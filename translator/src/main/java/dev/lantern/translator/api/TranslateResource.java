package dev.lantern.translator.api;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.translator.HtmlTranslation;
import dev.lantern.translator.TranslationService;
import dev.lantern.translator.Translation;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/translate} and the list of language pairs. Splitting and detection run on a worker thread. */
@Path("/api/translate")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class TranslateResource {

    @Inject
    TranslationService translator;

    @Inject
    HtmlTranslation html;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Translate {\"text\": ..., \"source\": \"en\" (optional: detected), \"target\": \"de\"}")
    public CompletionStage<Translation> translate(TranslateRequest request) {
        if (request == null) {
            throw new BadInputException("The body is empty: send {\"text\": \"...\", \"target\": \"de\"}.");
        }
        if (request.format() == null || request.format().isBlank() || request.format().equalsIgnoreCase("text")) {
            return translator.translate(request.text(), request.source(), request.target());
        }
        if (request.format().equalsIgnoreCase("html")) {
            return html.translate(request.text(), request.source(), request.target());
        }
        throw new BadInputException("format is text or html, not '" + request.format() + "'.");
    }

    @GET
    @Path("/languages")
    @Operation(summary = "The language pairs, each ready, loading or unavailable (with how to get its model)")
    public Languages languages() {
        return new Languages(translator.pairs(), translator.maxChars());
    }
}
