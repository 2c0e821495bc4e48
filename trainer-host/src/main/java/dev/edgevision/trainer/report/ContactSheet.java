package dev.edgevision.trainer.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Rows of captioned pictures drawn into one image, for a Markdown report that cannot embed a
 * gallery: each picture is scaled to fit its cell with its aspect kept, its caption under it, in
 * the rows the caller groups them into.
 */
public final class ContactSheet {
    /** Side of a cell's picture area, in pixels. */
    public static final int CELL = 96;
    private static final int CAPTION = 16;
    private static final int GAP = 6;

    private ContactSheet() {
    }

    /** The sheet of {@code rows}, each row's pictures left to right; at least one picture in all. */
    public static BufferedImage render(List<List<GalleryImage>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        if (columns == 0) {
            throw new IllegalArgumentException("a contact sheet needs at least one picture");
        }
        int cellWidth = CELL + 40;
        int width = GAP + columns * (cellWidth + GAP);
        int height = GAP + rows.size() * (CELL + CAPTION + GAP);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            FontMetrics fm = g.getFontMetrics();
            for (int r = 0; r < rows.size(); r++) {
                int top = GAP + r * (CELL + CAPTION + GAP);
                List<GalleryImage> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    int left = GAP + c * (cellWidth + GAP);
                    BufferedImage picture = row.get(c).image();
                    double scale = Math.min((double) cellWidth / picture.getWidth(), (double) CELL / picture.getHeight());
                    int w = Math.max(1, (int) Math.round(picture.getWidth() * scale));
                    int h = Math.max(1, (int) Math.round(picture.getHeight() * scale));
                    g.drawImage(picture, left + (cellWidth - w) / 2, top + (CELL - h) / 2, w, h, null);
                    g.setColor(Color.DARK_GRAY);
                    String caption = row.get(c).caption();
                    g.drawString(caption, left + Math.max(0, (cellWidth - fm.stringWidth(caption)) / 2),
                            top + CELL + fm.getAscent() + 2);
                }
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }
}
