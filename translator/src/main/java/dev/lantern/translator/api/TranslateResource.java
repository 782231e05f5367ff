package dev.lantern.translator.api;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.translator.Translation;
import dev.lantern.translator.TranslationService;
import dev.lantern.web.error.AcceptedTypes;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/translate} and the list of language pairs. Splitting and detection run on a worker thread. */
@Path("/api/translate")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class TranslateResource {

    static final AcceptedTypes JSON = new AcceptedTypes("JSON (Content-Type: application/json)",
            "curl -H 'Content-Type: application/json' -d '{\"text\": \"A man is riding a bike.\", \"target\": \"de\"}' "
            + "'%s'");

    @Inject
    TranslationService translator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Translate {\"text\": ..., \"source\": \"en\" (optional: detected), \"target\": \"de\"}")
    public CompletionStage<Translation> translate(TranslateRequest request) {
        if (request == null) {
            throw new BadInputException("The body is empty: send {\"text\": \"...\", \"target\": \"de\"}.");
        }
        return translator.translate(request.text(), request.source(), request.target());
    }

    /** Any other body, or none: a 415 that names the type taken and a curl command that works. */
    @POST
    @Operation(hidden = true)
    public Translation otherContentType(@Context HttpHeaders headers, @Context UriInfo uri) {
        throw JSON.refuse(headers, uri);
    }

    @GET
    @Path("/languages")
    @Operation(summary = "The language pairs, each ready, loading or unavailable (with how to get its model)")
    public Languages languages() {
        return new Languages(translator.pairs(), translator.maxChars());
    }
}
