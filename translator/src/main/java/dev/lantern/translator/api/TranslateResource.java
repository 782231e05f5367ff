package dev.lantern.translator.api;

import dev.lantern.shared.document.DocumentReader;
import dev.lantern.shared.error.BadInputException;
import dev.lantern.translator.DocumentTranslation;
import dev.lantern.translator.HtmlTranslation;
import dev.lantern.translator.Translation;
import dev.lantern.translator.TranslationService;
import dev.lantern.web.error.AcceptedTypes;
import dev.lantern.web.http.DocumentUploads;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /api/translate} (a text, or a document) and the list of language pairs. Splitting, detection and reading
 * documents run on worker threads.
 */
@Path("/api/translate")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class TranslateResource {

    static final AcceptedTypes JSON = new AcceptedTypes("JSON (Content-Type: application/json) or a document as "
            + "multipart/form-data field 'file' with form field 'target'",
            "curl -H 'Content-Type: application/json' -d '{\"text\": \"A man is riding a bike.\", \"target\": \"de\"}' "
            + "'%1$s' or curl -F file=@letter.docx -F target=de '%1$s'");

    @Inject
    TranslationService translator;

    @Inject
    HtmlTranslation html;

    @Inject
    DocumentTranslation documentTranslation;

    @Inject
    DocumentReader documents;

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

    /**
     * The translated document as a download: .txt and .md as themselves, HTML as HTML, .docx as .docx, PDF, .odt and
     * .epub as plain text. What was read goes in headers, as the body is the document.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Translate the document in the multipart field 'file' (.txt, .md, .html, .docx; .pdf, .odt and"
            + " .epub give text); fields source (optional) and target")
    public CompletionStage<Response> translateFile(@RestForm("file") FileUpload file, @RestForm String source,
            @RestForm String target) {
        String name = DocumentUploads.name(file);
        byte[] bytes = DocumentUploads.bytes(file, documents.limits().maxBytes());
        return documentTranslation.translate(bytes, name, source, target).thenApply(done -> Response.ok(done.bytes())
                .type(done.mediaType())
                .header("Content-Disposition", done.contentDisposition())
                .header("X-Lantern-Document-Type", done.read().extension())
                .header("X-Lantern-Document-Characters", done.characters())
                .header("X-Lantern-Source", done.translation().source())
                .header("X-Lantern-Detected-Source", done.translation().detectedSource())
                .header("X-Lantern-Target", done.translation().target())
                .build());
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
