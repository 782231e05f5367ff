package dev.lantern.shared.document;

import dev.lantern.shared.error.UnprocessableInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A .docx as its paragraphs of text (body and table cells), to be written back translated: each paragraph keeps its
 * properties (its style, alignment, numbering) and its first run's formatting, which then holds the whole translated
 * text; everything else in the file (headers, pictures, styles) is kept as it was. Apache POI; check
 * {@link DocumentReader#requireParsers()} first.
 */
public final class DocxParagraphs {

    private final XWPFDocument document;
    private final List<XWPFParagraph> paragraphs;

    private DocxParagraphs(XWPFDocument document, List<XWPFParagraph> paragraphs) {
        this.document = document;
        this.paragraphs = paragraphs;
    }

    /** Opens a file that {@link DocumentReader#detect} found to be a .docx (so its zip checks have passed). */
    public static DocxParagraphs open(byte[] bytes) {
        DocumentReader.requireParsers();
        try {
            XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
            List<XWPFParagraph> found = new ArrayList<>(document.getParagraphs());
            for (XWPFTable table : document.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        found.addAll(cell.getParagraphs());
                    }
                }
            }
            return new DocxParagraphs(document, found.stream().filter(p -> !p.getText().isBlank()).toList());
        } catch (IOException | RuntimeException e) {
            throw new UnprocessableInputException("The file cannot be read as a .docx file.");
        }
    }

    /** Each paragraph's text on one line (breaks and tabs inside it become spaces). */
    public List<String> texts() {
        return paragraphs.stream().map(p -> p.getText().replaceAll("\\s+", " ").strip()).toList();
    }

    /** The document with each paragraph's text replaced, in order, as .docx bytes. */
    public byte[] write(List<String> translations) {
        if (translations.size() != paragraphs.size()) {
            throw new IllegalArgumentException(translations.size() + " translations for " + paragraphs.size()
                    + " paragraphs");
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            XWPFParagraph paragraph = paragraphs.get(i);
            for (int run = paragraph.getRuns().size() - 1; run > 0; run--) {
                paragraph.removeRun(run);
            }
            if (paragraph.getRuns().isEmpty()) {
                paragraph.createRun();
            }
            paragraph.getRuns().get(0).setText(translations.get(i), 0);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UnprocessableInputException("The translated .docx could not be written.");
        }
    }
}
