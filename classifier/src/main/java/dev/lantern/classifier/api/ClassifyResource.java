package dev.lantern.classifier.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lantern.classifier.Classification;
import dev.lantern.classifier.ImageClassifier;
import dev.lantern.shared.error.BadInputException;
import dev.lantern.web.error.AcceptedTypes;
import dev.lantern.web.error.ErrorBody;
import dev.lantern.web.error.ErrorMapper;
import dev.lantern.web.http.QueryParams;
import dev.lantern.web.http.RequestId;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code POST /api/classify}: an image in, its top-k ImageNet labels out. Decoding runs on a worker thread. */
@Path("/api/classify")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ClassifyResource {

    static final AcceptedTypes IMAGES = new AcceptedTypes("images as multipart/form-data, each in a field 'image'",
            "curl -F image=@a.jpg -F image=@b.png '%s'");

    @Inject
    ImageClassifier classifier;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Classify the image in the multipart field 'image'")
    public CompletionStage<Classification> classifyForm(@RestForm("image") FileUpload image,
            @RestQuery String topK) {
        if (image == null) {
            throw new BadInputException("The multipart field 'image' is missing.");
        }
        return classifier.classify(read(image), topK(topK));
    }

    /**
     * On the I/O thread, so that the framework reads the whole body before calling (on a worker thread it streams the
     * body over in small chunks, which cost a 2 MB photo 13 ms); the service decodes on a worker thread.
     */
    @POST
    @NonBlocking
    @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Classify an image sent as the raw request body")
    public CompletionStage<Classification> classifyBody(byte[] image, @RestQuery String topK) {
        return classifier.classify(image, topK(topK));
    }

    /**
     * One answer per image, in order: its classification, or its error (what the single-image endpoint would have
     * answered). The status is 200 when the request itself was sound, whatever became of its images; a request with
     * no image, too many, a bad topK or no model ready fails whole, as the single-image endpoint does.
     */
    @POST
    @Path("batch")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Classify several images, each in a repeated multipart field 'image'")
    public CompletionStage<BatchResponse> classifyBatch(@RestForm("image") List<FileUpload> images,
            @RestQuery String topK) {
        List<byte[]> bytes = images == null ? List.of() : images.stream().map(ClassifyResource::read).toList();
        List<CompletableFuture<Classification>> each = classifier.classifyEach(bytes, topK(topK));
        String requestId = RequestId.current();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .handle((done, someFailed) -> BatchResponse.of(images, each, requestId));
    }

    /** Any other body, or none: a 415 that names the types taken and a curl command that works. */
    @POST
    @Operation(hidden = true)
    public Classification otherContentType(@Context HttpHeaders headers, @Context UriInfo uri) {
        throw AcceptedTypes.ONE_IMAGE.refuse(headers, uri);
    }

    @POST
    @Path("batch")
    @Operation(hidden = true)
    public BatchResponse otherBatchContentType(@Context HttpHeaders headers, @Context UriInfo uri) {
        throw IMAGES.refuse(headers, uri);
    }

    private int topK(String text) {
        return QueryParams.wholeNumber("topK", text).orElse(classifier.defaultTopK());
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer of the batch endpoint: one item per image, in the order sent. */
    public record BatchResponse(List<Item> results) {

        /** The file's name and either its classification or, when that image failed, its error. */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Item(String filename, Classification result, ErrorBody error) {}

        static BatchResponse of(List<FileUpload> uploads, List<CompletableFuture<Classification>> results,
                String requestId) {
            return new BatchResponse(IntStream.range(0, results.size())
                    .mapToObj(i -> item(uploads.get(i).fileName(), results.get(i), requestId)).toList());
        }

        private static Item item(String filename, CompletableFuture<Classification> result, String requestId) {
            try {
                return new Item(filename, result.join(), null);
            } catch (CompletionException | CancellationException e) {
                return new Item(filename, null, ErrorMapper.partFailed(e, requestId));
            }
        }
    }
}
