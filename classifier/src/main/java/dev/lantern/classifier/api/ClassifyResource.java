package dev.lantern.classifier.api;

import dev.lantern.classifier.Classification;
import dev.lantern.classifier.ImageClassifier;
import dev.lantern.shared.error.BadInputException;
import dev.lantern.web.http.QueryParams;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
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

    @POST
    @Path("batch")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Classify several images, each in a repeated multipart field 'image'")
    public CompletionStage<BatchResponse> classifyBatch(@RestForm("image") List<FileUpload> images,
            @RestQuery String topK) {
        List<byte[]> bytes = images == null ? List.of() : images.stream().map(ClassifyResource::read).toList();
        return classifier.classifyAll(bytes, topK(topK)).thenApply(results -> BatchResponse.of(images, results));
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

    /** The answer of the batch endpoint: one classification per image, in the order sent. */
    public record BatchResponse(List<Item> results) {

        /** A classification with the name of the file it is for. */
        public record Item(String filename, Classification result) {}

        static BatchResponse of(List<FileUpload> uploads, List<Classification> results) {
            return new BatchResponse(IntStream.range(0, results.size())
                    .mapToObj(i -> new Item(uploads.get(i).fileName(), results.get(i))).toList());
        }
    }
}
