package dev.lantern.summarizer.api;

import dev.lantern.shared.document.DocumentFacts;
import dev.lantern.shared.document.DocumentReader;
import dev.lantern.shared.document.ExtractedDocument;
import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.error.UnsupportedMediaException;
import dev.lantern.summarizer.LengthBudget;
import dev.lantern.summarizer.SummarizerService;
import dev.lantern.summarizer.Summary;
import dev.lantern.web.error.AcceptedTypes;
import dev.lantern.web.http.DocumentUploads;
import dev.lantern.web.http.QueryParams;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /api/summarize}: a text or a document in, its extractive summary out. Splitting and reading documents run
 * on worker threads.
 */
@Path("/api/summarize")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SummarizeResource {

    /** UTF-8 takes at most 4 bytes per character: a longer body cannot be within the character limit. */
    private static final int MAX_BYTES_PER_CHAR = 4;

    static final AcceptedTypes TEXT = new AcceptedTypes("JSON (Content-Type: application/json), plain text "
            + "(Content-Type: text/plain) or a document as multipart/form-data field 'file'",
            "curl -H 'Content-Type: application/json' -d '{\"text\": \"...\"}' '%1$s' "
            + "or curl -H 'Content-Type: text/plain' --data-binary @article.txt '%1$s' "
            + "or curl -F file=@report.pdf '%1$s'");

    @Inject
    SummarizerService summarizer;

    @Inject
    DocumentReader documents;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Summarise the document in the multipart field 'file' (.txt, .md, .html, .pdf, .docx, .odt,"
            + " .epub); the length in the fields sentences, words or ratio")
    public CompletionStage<SummarizedDocument> summarizeFile(@RestForm("file") FileUpload file,
            @RestForm String sentences, @RestForm String words, @RestForm String ratio) {
        LengthBudget budget = budget(sentences, words, ratio);
        ExtractedDocument document = documents.read(DocumentUploads.bytes(file, documents.limits().maxBytes()),
                DocumentUploads.name(file));
        if (document.characters() > summarizer.maxChars()) {
            throw new PayloadTooLargeException("The document " + DocumentUploads.name(file) + " (" + document.type()
                    .describe() + ") has " + document.characters() + " characters of text; at most "
                    + summarizer.maxChars() + " are summarised (lantern.summarizer.limits.max-chars).");
        }
        return summarizer.summarize(document.text(), budget).thenApply(summary -> new SummarizedDocument(
                DocumentFacts.of(DocumentUploads.name(file), document), summary));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Summarise {\"text\": ..., and one of \"sentences\", \"words\", \"ratio\"}")
    public CompletionStage<Summary> summarizeJson(SummarizeRequest request) {
        if (request == null) {
            throw new BadInputException("The body is empty: send {\"text\": \"...\"}.");
        }
        return summarizer.summarize(request.text(), LengthBudget.of(request.sentences(), request.words(),
                request.ratio(), summarizer.defaultSentences()));
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Summarise a plain-text body; the length goes in the query (sentences, words or ratio)")
    public CompletionStage<Summary> summarizeText(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @RestQuery String sentences, @RestQuery String words, @RestQuery String ratio) {
        LengthBudget budget = budget(sentences, words, ratio);
        if (body != null && body.length > (long) summarizer.maxChars() * MAX_BYTES_PER_CHAR) {
            throw new PayloadTooLargeException("The text has " + body.length + " bytes; at most "
                    + summarizer.maxChars() + " characters are accepted.");
        }
        return summarizer.summarize(decode(body == null ? new byte[0] : body, charset(type)), budget);
    }

    /** Any other body, or none: a 415 that names the types taken and a curl command that works. */
    @POST
    @Operation(hidden = true)
    public Summary otherContentType(@Context HttpHeaders headers, @Context UriInfo uri) {
        throw TEXT.refuse(headers, uri);
    }

    private LengthBudget budget(String sentences, String words, String ratio) {
        return LengthBudget.of(QueryParams.wholeNumber("sentences", sentences).orElse(null),
                QueryParams.wholeNumber("words", words).orElse(null), QueryParams.number("ratio", ratio).orElse(null),
                summarizer.defaultSentences());
    }

    private static Charset charset(String contentType) {
        String name = contentType == null ? null : MediaType.valueOf(contentType).getParameters().get("charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedMediaException("Unknown charset '" + name + "'; send UTF-8 text.");
        }
    }

    /** Strict decoding: bytes that are not valid in the charset are an error, not replacement characters. */
    static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("The body is not valid " + charset.name() + " text.");
        }
    }
}
