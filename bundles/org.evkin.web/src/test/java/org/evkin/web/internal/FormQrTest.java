package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The QR code drawn as an SVG path decodes back to the link, and stays small enough for the page budget. */
class FormQrTest {

    @Test
    void theSvgPathDecodesToTheLink() throws Exception {
        String link = "https://evkin.kemnaker.go.id/t/" + "aB3_-xY9".repeat(5) + "zQ7";
        FormQr qr = FormQr.of(link);
        assertTrue(qr.size() >= 21 + 8, "at least version 1 with its quiet zone: " + qr.size());
        assertTrue(qr.path().length() < 8_000, "the path weighs " + qr.path().length());

        // draw the path's rectangles (M x y h w v1 h-w z) at 4 pixels per module, then read it as a camera would
        int scale = 4;
        int side = qr.size() * scale;
        int[] pixels = new int[side * side];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(qr.path());
        int runs = 0;
        while (m.find()) {
            runs++;
            int x0 = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            int w = Integer.parseInt(m.group(3));
            for (int py = y * scale; py < (y + 1) * scale; py++) {
                for (int px = x0 * scale; px < (x0 + w) * scale; px++) {
                    pixels[py * side + px] = 0xFF000000;
                }
            }
        }
        assertTrue(runs > 50);
        assertEquals("", qr.path().replaceAll("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z", ""), "nothing but one-module-high rectangles");
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        String decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertEquals(link, decoded);
    }
}
