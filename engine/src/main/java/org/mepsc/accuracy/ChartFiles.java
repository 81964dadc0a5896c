package org.mepsc.accuracy;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.mepsc.output.AtomicOutput;

/** Writes a chart as PNG and SVG, each whole or not at all. */
public final class ChartFiles {

    public static final int WIDTH = 760;
    public static final int HEIGHT = 480;

    private ChartFiles() {
    }

    /** Writes {@code base}.png and {@code base}.svg; returns the two paths. */
    public static List<Path> write(JFreeChart chart, Path base) throws IOException {
        Path png = base.resolveSibling(base.getFileName() + ".png");
        Path svg = base.resolveSibling(base.getFileName() + ".svg");
        writePng(chart, png, List.of());
        writeSvg(chart, svg, List.of());
        return List.of(png, svg);
    }

    /** @param inputs files the output must not overwrite */
    public static void writePng(JFreeChart chart, Path file, Collection<Path> inputs) throws IOException {
        var image = chart.createBufferedImage(WIDTH, HEIGHT);
        AtomicOutput.writeBytes(file, inputs, out -> {
            if (!ImageIO.write(image, "png", out.stream())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    /** @param inputs files the output must not overwrite */
    public static void writeSvg(JFreeChart chart, Path file, Collection<Path> inputs) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        String document = g.getSVGDocument();
        AtomicOutput.writeText(file, inputs, w -> w.write(document));
    }
}
