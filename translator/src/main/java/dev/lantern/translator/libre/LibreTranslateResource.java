package dev.lantern.translator.libre;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantern.shared.document.DocumentReader;
import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.LanternException;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.text.DetectedLanguage;
import dev.lantern.translator.DocumentTranslation;
import dev.lantern.translator.HtmlTranslation;
import dev.lantern.translator.PairStatus;
import dev.lantern.translator.TranslatedDocument;
import dev.lantern.translator.TranslationService;
import dev.lantern.translator.document.HtmlText;
import dev.lantern.web.http.DocumentUploads;
import dev.lantern.web.http.RequestId;
import dev.lantern.web.security.AccessRefused;
import dev.lantern.web.security.ApiAccess;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * LibreTranslate's API over Lantern's translator, so that its many clients (editor and CMS plug-ins, bots, browser
 * extensions) work unchanged: {@code POST /translate} and {@code /detect} in JSON or form encoding, {@code GET
 * /languages} and {@code /frontend/settings}, and {@code POST /translate_file} with its {@code /download_file} link.
 * Errors are LibreTranslate's {@code {"error": "..."}}. Lantern's API keys and rate limit apply to the POSTs, the key
 * coming as {@code api_key} or in the usual headers.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = "LibreTranslate-compatible API")
public class LibreTranslateResource {

    private static final Logger LOG = Logger.getLogger(LibreTranslateResource.class);

    @Inject
    TranslationService translator;

    @Inject
    HtmlTranslation html;

    @Inject
    ApiAccess access;

    @Inject
    DocumentTranslation documentTranslation;

    @Inject
    DocumentReader documents;

    @Inject
    TranslatedFiles files;

    @Inject
    ObjectMapper json;

    @POST
    @Path("translate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Translate {\"q\": \"Hi!\" or an array, \"source\": \"en\" or \"auto\", \"target\": \"de\"}")
    public LibreTranslation translateJson(String body, @Context HttpServerRequest request) {
        return translate(LibreRequest.of(parse(body)), request);
    }

    @POST
    @Path("translate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Translate q from source (or auto) into target, form-encoded")
    public LibreTranslation translateForm(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        return translate(LibreRequest.of(form), request);
    }

    @POST
    @Path("detect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Detect the language of {\"q\": \"...\"}")
    public List<LibreDetection> detectJson(String body, @Context HttpServerRequest request) {
        return detect(LibreRequest.of(parse(body)), request);
    }

    @POST
    @Path("detect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Detect the language of q, form-encoded")
    public List<LibreDetection> detectForm(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        return detect(LibreRequest.of(form), request);
    }

    @POST
    @Path("translate_file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Translate the document in the multipart field 'file'; answers the URL to download it from")
    public CompletionStage<Map<String, String>> translateFile(@RestForm("file") FileUpload file,
            @RestForm String source, @RestForm String target, @RestForm("api_key") String apiKey,
            @Context HttpServerRequest request, @Context UriInfo uri) {
        access.admit(apiKey, request);
        LibreRequest fields = new LibreRequest(List.of(), false, source, target, false, apiKey);
        String from = fields.sourceOrAuto();
        String to = fields.requireTarget();
        byte[] bytes = DocumentUploads.bytes(file, documents.limits().maxBytes());
        return documentTranslation.translate(bytes, DocumentUploads.name(file), from, to).thenApply(done -> Map.of(
                "translatedFileUrl", uri.getBaseUriBuilder().path("download_file").path(files.keep(done)).build()
                        .toString()));
    }

    @GET
    @Path("download_file/{name}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A document that /translate_file translated, for 30 minutes")
    public Response downloadFile(@PathParam("name") String name) {
        TranslatedDocument done = files.find(name).orElseThrow(() -> new NotFoundException(
                "No such translated file: it is kept for 30 minutes after /translate_file."));
        return Response.ok(done.bytes()).type(done.mediaType()).header("Content-Disposition",
                done.contentDisposition()).build();
    }

    @GET
    @Path("languages")
    @Operation(summary = "Every language with the languages it can be translated into")
    public List<LibreLanguage> languages() {
        Map<String, LibreLanguage> byCode = new LinkedHashMap<>();
        for (PairStatus pair : servable()) {
            byCode.computeIfAbsent(pair.source(), code -> new LibreLanguage(code, pair.sourceName(), new ArrayList<>()))
                    .targets().add(pair.target());
        }
        for (PairStatus pair : servable()) { // a language only translated into is listed too: clients check targets
            byCode.putIfAbsent(pair.target(), new LibreLanguage(pair.target(), pair.targetName(), List.of()));
        }
        return List.copyOf(byCode.values());
    }

    @GET
    @Path("frontend/settings")
    @Operation(summary = "The character limit, whether a key is needed, and the languages a page starts with")
    public LibreSettings settings() {
        List<PairStatus> pairs = servable();
        PairStatus first = pairs.isEmpty() ? null : pairs.get(0);
        LibreSettings.Named auto = new LibreSettings.Named("auto", "Auto Detect");
        LibreSettings.Named target = first == null ? auto : new LibreSettings.Named(first.target(), first.targetName());
        List<String> files = DocumentReader.parsersPresent() ? List.of(".txt", ".md", ".html", ".docx", ".pdf", ".odt",
                ".epub") : List.of(".txt", ".md", ".html");
        return new LibreSettings(translator.maxChars(), 500, access.keyRequired(), access.keyRequired(), false, true,
                files, new LibreSettings.Defaults(auto, target));
    }

    private LibreTranslation translate(LibreRequest request, HttpServerRequest http) {
        access.admit(request.apiKey(), http);
        List<String> texts = request.requireTexts();
        String target = request.requireTarget();
        String source = request.sourceOrAuto();
        checkLength(texts);
        List<String> translated = new ArrayList<>();
        List<LibreDetection> detected = new ArrayList<>();
        for (String text : texts) {
            if (text.isBlank()) { // a blank item of a batch is answered with itself
                translated.add(text);
                detected.add(new LibreDetection(0, source == null ? "" : source));
                continue;
            }
            String from = source;
            if (source == null) {
                DetectedLanguage language = translator.detectLanguage(request.html() ? HtmlText.parse(text).text()
                        : text).orElseThrow(() -> new BadInputException("The language of this text cannot be told"
                                + " with confidence: it is too short or mixes languages. Give source."));
                detected.add(LibreDetection.of(language));
                from = language.code();
            }
            translated.add(translation(text, from, target, request.html()));
        }
        if (!request.batch()) {
            return new LibreTranslation(translated.get(0), source == null ? detected.get(0) : null);
        }
        return new LibreTranslation(translated, source == null ? detected : null);
    }

    private List<LibreDetection> detect(LibreRequest request, HttpServerRequest http) {
        access.admit(request.apiKey(), http);
        String text = String.join("\n", request.requireTexts());
        checkLength(List.of(text));
        // LibreTranslate always names a language: where Lantern cannot tell, its best guess with its low confidence
        DetectedLanguage language = translator.detectLanguage(text).orElseGet(() -> translator.guessLanguage(text));
        return List.of(LibreDetection.of(language));
    }

    /** LibreTranslate counts the characters of all of a request's texts against its limit. */
    private void checkLength(List<String> texts) {
        int total = texts.stream().mapToInt(String::length).sum();
        if (total > translator.maxChars()) {
            throw new PayloadTooLargeException("Invalid request: request (" + total + ") exceeds text limit ("
                    + translator.maxChars() + ")");
        }
    }

    /** The translation; a failure of the model's future as the exception it carries, for the mappers below. */
    private String translation(String text, String source, String target, boolean html) {
        try {
            return (html ? this.html.translate(text, source, target) : translator.translate(text, source, target))
                    .join().translation();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadInputException("Invalid request: the body is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** Only the pairs that are, or will soon be, able to translate; a pair without a model is left out. */
    private List<PairStatus> servable() {
        return translator.pairs().stream().filter(pair -> !pair.state().equals("unavailable")).toList();
    }

    @ServerExceptionMapper
    public Response refused(AccessRefused e) {
        Response.ResponseBuilder response = Response.status(e.status());
        if (e.retryAfterSeconds() > 0) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return error(response, e.getMessage(), e.status());
    }

    /**
     * Lantern's kinds of failure in LibreTranslate's statuses: every fault of the request is its 400; a busy server is
     * its 429 ("slow down"); a model still loading or missing stays a 503 with {@code Retry-After}.
     */
    @ServerExceptionMapper
    public Response lantern(LanternException e) {
        int status = switch (e.kind()) {
            case BAD_INPUT, TOO_LARGE, UNSUPPORTED_MEDIA, UNPROCESSABLE -> 400;
            case BUSY -> 429;
            case UNAVAILABLE -> 503;
        };
        Response.ResponseBuilder response = Response.status(status);
        e.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", seconds));
        return error(response, e.getMessage(), status);
    }

    private static Response error(Response.ResponseBuilder response, String message, int status) {
        LOG.infof("Request %s answered %d: %s", RequestId.current(), status, message);
        return response.type(MediaType.APPLICATION_JSON).entity(new LibreError(message)).build();
    }

    /** A translation's future failed: what it carries, mapped as above. */
    @ServerExceptionMapper
    public Response wrapped(CompletionException e) {
        if (e.getCause() instanceof LanternException lantern) {
            return lantern(lantern);
        }
        LOG.errorf(e, "Request %s failed unexpectedly", RequestId.current());
        return error(Response.status(500), "Cannot translate: the server log has the details.", 500);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(Response.status(404), e.getMessage(), 404);
    }

    /** LibreTranslate's error body. */
    public record LibreError(String error) {}
}
