package dev.lantern.captioner.api;

import dev.lantern.captioner.Caption;
import dev.lantern.captioner.ImageCaptioner;
import dev.lantern.captioner.describe.Detail;
import dev.lantern.shared.error.BadInputException;
import dev.lantern.web.error.AcceptedTypes;
import dev.lantern.web.http.QueryParams;
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
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code POST /api/caption}: an image in; a sentence, the objects found and the tags out. */
@Path("/api/caption")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CaptionResource {

    @Inject
    ImageCaptioner captioner;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Caption the image in the multipart field 'image'")
    public CompletionStage<Caption> captionForm(@RestForm("image") FileUpload image, @RestQuery String detail) {
        if (image == null) {
            throw new BadInputException("The multipart field 'image' is missing.");
        }
        Detail level = detail(detail);
        return captioner.caption(read(image), level);
    }

    /** On the I/O thread, so that the whole body is read before the call; the service decodes on a worker thread. */
    @POST
    @NonBlocking
    @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Caption an image sent as the raw request body")
    public CompletionStage<Caption> captionBody(byte[] image, @RestQuery String detail) {
        return captioner.caption(image, detail(detail));
    }

    /** Any other body, or none: a 415 that names the types taken and a curl command that works. */
    @POST
    @Operation(hidden = true)
    public Caption otherContentType(@Context HttpHeaders headers, @Context UriInfo uri) {
        throw AcceptedTypes.ONE_IMAGE.refuse(headers, uri);
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Detail detail(String text) {
        return QueryParams.oneOf("detail", text, Detail.class).orElse(captioner.defaultDetail());
    }
}
