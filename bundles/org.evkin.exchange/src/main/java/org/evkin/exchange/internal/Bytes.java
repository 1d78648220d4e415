package org.evkin.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads an uploaded file into memory, refusing one over the limit, and tells its format from its first bytes. */
final class Bytes {

    private Bytes() {
    }

    /** All bytes of the stream, or a problem when there are more than {@code maxBytes}. */
    static byte[] readAll(InputStream in, long maxBytes) throws IOException, FileProblem {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new FileProblem(0, "file.tooLarge", megabytes(maxBytes));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** True for a zip archive, as an XLSX file is. */
    static boolean isZip(byte[] data) {
        return data.length >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4;
    }

    /** True for an OLE2 compound file: an old .xls workbook, or an encrypted .xlsx. */
    static boolean isOle2(byte[] data) {
        return data.length >= 8 && (data[0] & 0xFF) == 0xD0 && (data[1] & 0xFF) == 0xCF && (data[2] & 0xFF) == 0x11
                && (data[3] & 0xFF) == 0xE0;
    }

    static String megabytes(long bytes) {
        long mb = bytes / (1024 * 1024);
        return mb >= 1 ? mb + " MB" : bytes + " byte";
    }
}
