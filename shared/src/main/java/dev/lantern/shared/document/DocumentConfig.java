package dev.lantern.shared.document;

import dev.lantern.shared.runtime.Ranges;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code lantern.documents.*}: what one uploaded document may cost the summarizer or the translator. */
@ConfigMapping(prefix = "lantern.documents")
public interface DocumentConfig {

    /** The largest file accepted, in bytes (10 MB). */
    @WithDefault("10485760")
    @WithConverter(Ranges.AtLeastOneLong.class)
    long maxBytes();

    /** The most that a .docx, .odt or .epub may unpack to, in bytes (100 MB): a zip bomb stops here. */
    @WithDefault("104857600")
    @WithConverter(Ranges.AtLeastOneLong.class)
    long maxUnpackedBytes();

    /** The most pages a PDF may have; counted before it is read. */
    @WithDefault("300")
    @WithConverter(Ranges.AtLeastOne.class)
    int maxPages();

    /** The most characters of text read from one document; the task's own limit (max-chars) applies after. */
    @WithDefault("1000000")
    @WithConverter(Ranges.AtLeastOne.class)
    int maxChars();

    /** The longest one document may take to read; it is stopped then and answered 422. */
    @WithDefault("20s")
    Duration parseTimeout();

    /** How many documents are read at once; one more gets a 503. */
    @WithDefault("2")
    @WithConverter(Ranges.AtLeastOne.class)
    int parsers();

    default DocumentLimits limits() {
        return new DocumentLimits(maxBytes(), maxUnpackedBytes(), maxPages(), maxChars(), parseTimeout(), parsers());
    }
}
