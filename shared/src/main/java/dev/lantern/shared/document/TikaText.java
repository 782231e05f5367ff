package dev.lantern.shared.document;

import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.error.UnprocessableInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.epub.EpubParser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.SAXException;

/**
 * Text out of HTML, PDF, .docx, .odt and .epub with Apache Tika's parser for that one format: no auto-detection over
 * every parser, no embedded documents followed (the context names no parser for them), no OCR, nothing fetched. The
 * only class besides {@link DocxParagraphs} that touches Tika's or POI's classes, and only loaded (by name) once
 * {@link DocumentReader} has found them, so that a build without the parsers ({@code -Dlantern.documents=off}) still
 * loads and links the rest.
 */
final class TikaText implements DocumentReader.TextExtraction {

    TikaText() {}

    @Override
    public String extract(byte[] bytes, DocumentType type, DocumentLimits limits) {
        if (type == DocumentType.PDF) {
            checkPages(bytes, limits.maxPages());
        }
        Parser parser = switch (type) {
            case HTML -> new JSoupParser();
            case PDF -> new PDFParser();
            case DOCX -> new OOXMLParser();
            case ODT -> new OpenDocumentParser();
            case EPUB -> new EpubParser();
            case TEXT, MARKDOWN -> throw new IllegalArgumentException(type + " needs no parser");
        };
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setExtractAnnotationText(false);
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        StringWriter text = new StringWriter();
        // one character over the limit tells "too long" from "exactly at the limit"
        BodyContentHandler handler = new BodyContentHandler(new WriteOutContentHandler(text, limits.maxChars() + 1));
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, type.mediaType());
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            parser.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new UnprocessableInputException("The document is encrypted: save it without a password and send it"
                    + " again.");
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new PayloadTooLargeException("The document has more than " + limits.maxChars()
                        + " characters of text (lantern.documents.max-chars).");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new UnprocessableInputException("Reading the document was stopped.");
            }
            throw new UnprocessableInputException("The document cannot be read as " + type.describe() + ": "
                    + reason(e));
        }
        return text.toString();
    }

    /** A PDF's pages are counted before it is parsed: a 2,000-page file is refused at once. */
    private static void checkPages(byte[] bytes, int maxPages) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages > maxPages) {
                throw new PayloadTooLargeException("The PDF has " + pages + " pages; at most " + maxPages
                        + " are read (lantern.documents.max-pages).");
            }
        } catch (InvalidPasswordException e) {
            throw new UnprocessableInputException("The PDF is encrypted: save it without a password and send it"
                    + " again.");
        } catch (IOException e) {
            throw new UnprocessableInputException("The file cannot be read as a PDF: " + reason(e));
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "its content is damaged or of an unsupported kind"
                : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
