package org.evkin.report.pdf.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Writes the sample PDFs and PNGs of their pages to target/samples for a look: mvn … -Devkin.samples=true. */
@EnabledIfSystemProperty(named = "evkin.samples", matches = "true")
class SampleFilesTest {

    @Test
    void writeSamples() throws IOException {
        Path dir = Path.of("target", "samples");
        Files.createDirectories(dir);
        write(dir, "individual-pk-ideal", Pdf.individual(Samples.pkFinal(1, true)).bytes());
        write(dir, "individual-pk-kurang-ideal", Pdf.individual(Samples.pkFinal(1, false)).bytes());
        write(dir, "individual-pak", Pdf.individual(Samples.pak(2)).bytes());
        write(dir, "individual-pending", Pdf.individual(Samples.pending(3)).bytes());
        write(dir, "individual-partial", Pdf.individual(Samples.partial(4)).bytes());
        write(dir, "national", Pdf.national(Samples.national()).bytes());
    }

    private static void write(Path dir, String name, byte[] pdf) throws IOException {
        Files.write(dir.resolve(name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 80);
                ImageIO.write(image, "png", dir.resolve(name + "-" + (i + 1) + ".png").toFile());
            }
        }
        System.out.printf("%s.pdf: %d bytes%n", name, pdf.length);
    }
}
