package dev.lantern.web.error;

import dev.lantern.shared.error.UnsupportedMediaException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * What an endpoint's body may be, for the 415 of a request whose Content-Type is missing or another: it names the
 * types taken and a curl command that works, since a forgotten header is the commonest curl mistake ({@code curl
 * --data-binary @cat.jpg} sends {@code application/x-www-form-urlencoded}).
 *
 * @param types the types the endpoint takes, in words
 * @param curl a working curl command with {@code %s} where the request's URL goes
 */
public record AcceptedTypes(String types, String curl) {

    /** The image endpoints' types: a multipart field or a raw body. */
    public static final AcceptedTypes ONE_IMAGE = new AcceptedTypes("an image, as multipart/form-data field 'image' "
            + "or as the raw body with Content-Type image/jpeg, image/png, image/gif or image/bmp",
            "curl -F image=@photo.jpg '%1$s' or curl -H 'Content-Type: image/jpeg' --data-binary @photo.jpg '%1$s'");

    /** The refusal of a request whose body is of none of the types. */
    public UnsupportedMediaException refuse(HttpHeaders headers, UriInfo uri) {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return new UnsupportedMediaException("This endpoint takes " + types + "; the request had "
                + (sent == null || sent.isBlank() ? "no Content-Type header" : "Content-Type: " + sent)
                + ". For example: " + String.format(curl, uri.getRequestUri()));
    }
}
