package dev.lantern.shared.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Real documents for the tests, written here with PDFBox, POI and plain zip code (nothing fetched), and the hostile
 * ones the readers must refuse: a zip bomb named .docx, a .docx with an external entity, an encrypted PDF.
 */
public final class TestDocuments {

    private TestDocuments() {}

    /** A PDF of {@code pages} pages, each holding {@code lines} (plain ASCII: the standard fonts know no more). */
    public static byte[] pdf(int pages, List<String> lines) {
        return pdf(pages, lines, null);
    }

    /** The same, encrypted with a user password. */
    public static byte[] encryptedPdf(List<String> lines) {
        return pdf(1, lines, "secret");
    }

    private static byte[] pdf(int pages, List<String> lines, String password) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(15);
                    content.newLineAtOffset(50, 740);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", password,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .docx with one paragraph per text, the first in style {@code Title}, the rest {@code Normal}. */
    public static byte[] docx(List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < paragraphs.size(); i++) {
                var paragraph = document.createParagraph();
                if (i == 0) {
                    paragraph.setStyle("Title");
                }
                paragraph.createRun().setText(paragraphs.get(i));
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paragraph of a .docx as a reader sees it: its text and its style (null for the default). */
    public record Paragraph(String text, String style) {}

    /** The body paragraphs of a .docx, read with POI, so that tests elsewhere need no POI of their own. */
    public static List<Paragraph> paragraphsOf(byte[] docx) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return document.getParagraphs().stream().map(p -> new Paragraph(p.getText(), p.getStyle())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OpenDocument text file: one {@code text:p} per paragraph. */
    public static byte[] odt(List<String> paragraphs) {
        StringBuilder body = new StringBuilder();
        paragraphs.forEach(p -> body.append("<text:p>").append(escape(p)).append("</text:p>"));
        return zip(List.of(
                entry("mimetype", "application/vnd.oasis.opendocument.text"),
                entry("META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
                        + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                        + " manifest:version=\"1.2\">"
                        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis"
                        + ".opendocument.text\"/><manifest:file-entry manifest:full-path=\"content.xml\""
                        + " manifest:media-type=\"text/xml\"/></manifest:manifest>"),
                entry("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                        + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                        + "<office:body><office:text>" + body + "</office:text></office:body>"
                        + "</office:document-content>")));
    }

    /** An EPUB with one chapter, one {@code p} per paragraph. */
    public static byte[] epub(List<String> paragraphs) {
        StringBuilder body = new StringBuilder();
        paragraphs.forEach(p -> body.append("<p>").append(escape(p)).append("</p>"));
        return zip(List.of(
                entry("mimetype", "application/epub+zip"),
                entry("META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\""
                        + " xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile"
                        + " full-path=\"content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>"
                        + "</container>"),
                entry("content.opf", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><package"
                        + " xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"id\"><metadata"
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier id=\"id\">test</dc:identifier>"
                        + "<dc:title>Test</dc:title><dc:language>en</dc:language></metadata><manifest><item"
                        + " id=\"c1\" href=\"chapter.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>"
                        + "<spine><itemref idref=\"c1\"/></spine></package>"),
                entry("chapter.xhtml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html"
                        + " xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Chapter</title></head><body>" + body
                        + "</body></html>")));
    }

    /** A file named .docx that unpacks to {@code unpackedBytes} of zeros: a zip bomb in a few kilobytes. */
    public static byte[] zipBombDocx(int unpackedBytes) {
        return withEntry(docx(List.of("Harmless.")), "word/media/zeros.bin", out -> {
            byte[] zeros = new byte[1 << 20];
            for (int written = 0; written < unpackedBytes; written += zeros.length) {
                out.write(zeros, 0, Math.min(zeros.length, unpackedBytes - written));
            }
        });
    }

    /** A .docx whose document declares an external entity that would read {@code target} if it were resolved. */
    public static byte[] externalEntityDocx(String target) {
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>"
                + "<!DOCTYPE w:document [<!ENTITY secret SYSTEM \"" + target + "\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
                + "<w:r><w:t>Before &secret; after.</w:t></w:r></w:p></w:body></w:document>";
        return withEntry(docx(List.of("Placeholder.")), "word/document.xml",
                out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
    }

    /** What writes an entry's content. */
    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** The zip {@code source} with its entry {@code name} added, or replaced, by {@code content}. */
    private static byte[] withEntry(byte[] source, String name, Content content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out);
                ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(source))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().equals(name)) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry(name));
            content.write(zip);
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Entry(String name, byte[] bytes) {}

    private static Entry entry(String name, String text) {
        return new Entry(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A zip whose first entry, {@code mimetype}, is stored uncompressed, as OpenDocument and EPUB require. */
    private static byte[] zip(List<Entry> entries) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry entry : entries) {
                ZipEntry zipEntry = new ZipEntry(entry.name());
                if (entry.name().equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(entry.bytes());
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(entry.bytes().length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(entry.bytes());
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
