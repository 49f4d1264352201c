package com.canon.cps.billing.invoice.document;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes rows of text top-down on A4 pages with one embedded font. Invariants: text never leaves the page (every cell
 * wraps within its column, a word wider than its column is broken, a row that does not fit continues on a new page);
 * characters the font cannot show are replaced by {@code ?} and control characters by spaces, so any input renders.
 */
final class PdfCanvas implements AutoCloseable {

    static final float MARGIN = 56f;
    private static final float LEADING = 1.3f;
    private static final char REPLACEMENT = '?';

    enum Align {
        LEFT,
        RIGHT
    }

    /** One column of a row: text wrapped within {@code [x, x + width]}. */
    record Cell(String text, float x, float width, Align align) {}

    private final PDDocument document;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    PdfCanvas(PDDocument document, PDType0Font font) {
        this.document = document;
        this.font = font;
        newPage();
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    Cell cell(String text, float x, float width) {
        return new Cell(text, x, width, Align.LEFT);
    }

    Cell rightAligned(String text, float x, float width) {
        return new Cell(text, x, width, Align.RIGHT);
    }

    /** A paragraph over the whole width. */
    void paragraph(String text, float size) {
        row(size, cell(text, left(), width()));
    }

    /** Cells side by side, each wrapped within its column; the row is as high as its longest cell. */
    void row(float size, Cell... cells) {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 0;
        for (Cell cell : cells) {
            List<String> l = wrap(cell.text(), cell.width(), size);
            wrapped.add(l);
            lines = Math.max(lines, l.size());
        }
        float leading = size * LEADING;
        for (int i = 0; i < lines; i++) {
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            for (int c = 0; c < cells.length; c++) {
                List<String> l = wrapped.get(c);
                if (i < l.size() && !l.get(i).isEmpty()) {
                    Cell cell = cells[c];
                    float x = cell.align() == Align.RIGHT ? cell.x() + cell.width() - width(l.get(i), size) : cell.x();
                    show(l.get(i), x, y + leading - size, size);
                }
            }
        }
    }

    /** Vertical space; never starts a page. */
    void gap(float height) {
        y = Math.max(MARGIN, y - height);
    }

    /** A thin horizontal line over the whole width. */
    void rule() {
        try {
            if (y - 4 < MARGIN) {
                newPage();
            }
            y -= 4;
            stream.setLineWidth(0.5f);
            stream.moveTo(left(), y);
            stream.lineTo(left() + width(), y);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A QR code of {@code size} points square at the left margin (on a new page when it does not fit): one filled
     * rectangle per run of dark modules in a row, so the code stays a few hundred bytes of vector drawing.
     */
    void qrCode(BitMatrix modules, float size) {
        try {
            if (y - size < MARGIN) {
                newPage();
            }
            float module = size / modules.getWidth();
            float top = y;
            for (int row = 0; row < modules.getHeight(); row++) {
                int column = 0;
                while (column < modules.getWidth()) {
                    if (!modules.get(column, row)) {
                        column++;
                        continue;
                    }
                    int start = column;
                    while (column < modules.getWidth() && modules.get(column, row)) {
                        column++;
                    }
                    stream.addRect(
                            left() + start * module, top - (row + 1) * module, (column - start) * module, module);
                }
            }
            stream.fill();
            y = top - size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text as the font can show it: unknown glyphs become {@code ?}, control characters and tabs spaces. */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
                sb.append(' ');
            } else if (glyphs.computeIfAbsent(cp, this::hasGlyph)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(REPLACEMENT);
            }
        });
        return sb.toString();
    }

    /** Lines of at most {@code width} points; breaks at spaces, and inside a word only when the word alone is wider. */
    List<String> wrap(String text, float width, float size) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : printable(text).trim().split(" +")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(candidate, size) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            String rest = word;
            while (width(rest, size) > width) {
                int cut = fitting(rest, width, size);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        if (!current.isEmpty() || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** The length of the longest prefix (at least one code point) that fits. */
    private int fitting(String word, float width, float size) {
        int cut = word.offsetByCodePoints(0, 1);
        while (cut < word.length()) {
            int next = word.offsetByCodePoints(cut, 1);
            if (width(word.substring(0, next), size) > width) {
                break;
            }
            cut = next;
        }
        return cut;
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void show(String text, float x, float baseline, float size) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        try {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
