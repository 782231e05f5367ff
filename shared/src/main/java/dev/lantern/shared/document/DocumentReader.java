package dev.lantern.shared.document;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.BusyException;
import dev.lantern.shared.error.LanternException;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.error.UnprocessableInputException;
import dev.lantern.shared.error.UnsupportedMediaException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads the text of an uploaded document within {@link DocumentLimits}: the bytes are checked first (size, type
 * against the name, a zip's unpacked size, a PDF's pages), then one format's parser runs on a thread of its own under
 * the time limit. A parse that runs over is interrupted and answered 422 at the limit; the pool is small and fixed, so
 * hostile files can hold at most {@code parsers} threads and never the server's.
 */
public final class DocumentReader implements AutoCloseable {

    private final DocumentLimits limits;
    private final ThreadPoolExecutor pool;

    public DocumentReader(DocumentLimits limits) {
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.parsers(), limits.parsers(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), work -> {
                    Thread thread = new Thread(work, "lantern-document-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    public DocumentLimits limits() {
        return limits;
    }

    /** What the file holds, told by its bytes and checked against its name; the zip checks run here too. */
    public DocumentType detect(byte[] bytes, String fileName) {
        if (bytes.length == 0) {
            throw new BadInputException("The file " + fileName + " is empty.");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new PayloadTooLargeException("The file has " + bytes.length + " bytes; at most " + limits.maxBytes()
                    + " are accepted (lantern.documents.max-bytes).");
        }
        ZipContents zip = DocumentTypeDetection.isZip(bytes) ? ZipContents.scan(bytes, limits.maxUnpackedBytes())
                : null;
        return DocumentTypeDetection.detect(bytes, fileName, zip);
    }

    /**
     * The document's text.
     *
     * @throws BadInputException for an empty file
     * @throws PayloadTooLargeException over a byte, unpacked, page or character limit
     * @throws UnsupportedMediaException for a type not read, or one other than its name says
     * @throws UnprocessableInputException for a damaged or encrypted file, one with no text, or one that takes too long
     * @throws BusyException when {@code parsers} documents are being read already
     */
    public ExtractedDocument read(byte[] bytes, String fileName) {
        DocumentType type = detect(bytes, fileName);
        String text = type.plainText() ? plain(bytes) : parse(bytes, type);
        if (text.isBlank()) {
            throw new UnprocessableInputException("The document has no text to read (" + type.describe()
                    + "; a scanned PDF holds pictures of text, which Lantern does not read).");
        }
        return new ExtractedDocument(type, text.strip());
    }

    /** The text of a plain-text or HTML file: UTF-8. */
    public static String plain(byte[] bytes) {
        return DocumentTypeDetection.utf8(bytes).orElseThrow(() -> new UnsupportedMediaException(
                "The file is not UTF-8 text; save it as UTF-8 and send it again."));
    }

    /** Whether this build has the document parsers: looked up by name, as loading a class that uses them would fail. */
    private static final boolean PARSERS = Stream.of("org.apache.tika.parser.Parser", "org.apache.pdfbox.Loader",
            "org.apache.poi.xwpf.usermodel.XWPFDocument").allMatch(DocumentReader::present);

    /** Tika's extraction ({@link TikaText}) in a build that has the parsers. */
    private static final TextExtraction TIKA = PARSERS ? tika() : null;

    /** Reads a document's text within its limits. */
    interface TextExtraction {
        String extract(byte[] bytes, DocumentType type, DocumentLimits limits);
    }

    /**
     * Looked up by name, not linked: the native image builder links every class it reaches, and a build without the
     * parsers (the native summarizer, {@code -Dlantern.documents=off}) lacks the classes TikaText uses.
     */
    private static TextExtraction tika() {
        try {
            return (TextExtraction) Class.forName(DocumentReader.class.getPackageName() + ".TikaText")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The document parsers are present but TikaText cannot be made", e);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, DocumentReader.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether this build reads PDF, .docx, .odt, .epub and HTML; not when built with -Dlantern.documents=off. */
    public static boolean parsersPresent() {
        return PARSERS;
    }

    /** Refuses with a 415 in a build without the document parsers ({@code -Dlantern.documents=off}). */
    public static void requireParsers() {
        if (!PARSERS) {
            throw new UnsupportedMediaException("This build of Lantern reads plain text and Markdown only (it was"
                    + " built without document parsers); send .txt or .md, or the text itself.");
        }
    }

    private String parse(byte[] bytes, DocumentType type) {
        requireParsers();
        Future<String> parsing;
        try {
            parsing = pool.submit(() -> TIKA.extract(bytes, type, limits));
        } catch (RejectedExecutionException e) {
            throw new BusyException("Every document reader is busy (lantern.documents.parsers=" + limits.parsers()
                    + "); try again in a moment.", 1);
        }
        try {
            return parsing.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parsing.cancel(true);
            throw new UnprocessableInputException("Reading " + type.describe() + " took longer than "
                    + limits.parseTimeout().toSeconds() + " s (lantern.documents.parse-timeout); it was stopped.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LanternException lantern) {
                throw lantern;
            }
            throw new UnprocessableInputException("The document cannot be read as " + type.describe() + ".");
        } catch (InterruptedException e) {
            parsing.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnprocessableInputException("Reading the document was interrupted.");
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
