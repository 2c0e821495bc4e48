package dev.edgevision.trainer.testsets;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/**
 * Letters that look most like digits (O o I l S B Z g q), as pen paths for a given letter height:
 * the baseline at {@code y = height}, the top of a capital at 0, descenders below the baseline.
 */
final class PenLetters {
    /** The letters drawn. */
    static final String ALL = "OoIlSBZgq";

    private PenLetters() {
    }

    /** Width of the letter {@code c} drawn {@code h} px tall. */
    static double width(char c, double h) {
        return switch (c) {
            case 'O' -> 0.7 * h;
            case 'I', 'l' -> 0.3 * h;
            case 'o', 'g', 'q' -> 0.5 * h;
            default -> 0.6 * h;
        };
    }

    /** The path of {@code c}, {@code h} px tall, top left at the origin. */
    static Shape path(char c, double h) {
        Path2D.Double p = new Path2D.Double();
        switch (c) {
            case 'O' -> p.append(new Ellipse2D.Double(0, 0, 0.7 * h, h), false);
            case 'o' -> p.append(new Ellipse2D.Double(0, 0.45 * h, 0.5 * h, 0.55 * h), false);
            case 'I' -> {
                p.moveTo(0.15 * h, 0);
                p.lineTo(0.15 * h, h);
                p.moveTo(0, 0);
                p.lineTo(0.3 * h, 0);
                p.moveTo(0, h);
                p.lineTo(0.3 * h, h);
            }
            case 'l' -> {
                p.moveTo(0.12 * h, 0);
                p.lineTo(0.1 * h, 0.85 * h);
                p.quadTo(0.12 * h, h, 0.3 * h, 0.92 * h);
            }
            case 'S' -> {
                p.moveTo(0.55 * h, 0.12 * h);
                p.curveTo(0.4 * h, -0.05 * h, 0, 0.02 * h, 0.05 * h, 0.26 * h);
                p.curveTo(0.1 * h, 0.5 * h, 0.6 * h, 0.45 * h, 0.6 * h, 0.75 * h);
                p.curveTo(0.6 * h, 1.02 * h, 0.12 * h, 1.02 * h, 0, 0.86 * h);
            }
            case 'B' -> {
                p.moveTo(0, 0);
                p.lineTo(0, h);
                p.moveTo(0, 0);
                p.curveTo(0.55 * h, 0, 0.55 * h, 0.48 * h, 0, 0.48 * h);
                p.curveTo(0.65 * h, 0.48 * h, 0.65 * h, h, 0, h);
            }
            case 'Z' -> {
                p.moveTo(0, 0);
                p.lineTo(0.6 * h, 0);
                p.lineTo(0, h);
                p.lineTo(0.6 * h, h);
            }
            case 'g' -> {
                p.append(new Ellipse2D.Double(0, 0.45 * h, 0.45 * h, 0.5 * h), false);
                p.moveTo(0.45 * h, 0.5 * h);
                p.lineTo(0.45 * h, 1.2 * h);
                p.quadTo(0.4 * h, 1.4 * h, 0.05 * h, 1.25 * h);
            }
            case 'q' -> {
                p.append(new Ellipse2D.Double(0, 0.45 * h, 0.45 * h, 0.5 * h), false);
                p.moveTo(0.45 * h, 0.5 * h);
                p.lineTo(0.45 * h, 1.35 * h);
                p.lineTo(0.55 * h, 1.25 * h);
            }
            default -> throw new IllegalArgumentException("no pen path for letter '" + c + "'");
        }
        return p;
    }
}
