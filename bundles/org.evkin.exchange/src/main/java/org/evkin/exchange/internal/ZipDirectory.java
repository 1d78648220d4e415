package org.evkin.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The entries of a zip archive held in memory, found through its central directory (with Zip64), as spreadsheet
 * programs read it: streaming writers leave sizes out of the local headers, which java.util.zip.ZipInputStream
 * cannot always follow. Names compare case-insensitively, as OPC part names do.
 */
final class ZipDirectory {

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final long MAX32 = 0xFFFFFFFFL;

    private final byte[] data;
    private final Map<String, Entry> entries = new HashMap<>();

    /** One stored file: where its data starts and how it is compressed. */
    private record Entry(int method, long compressedSize, long localHeader, boolean encrypted) {
    }

    private ZipDirectory(byte[] data) {
        this.data = data;
    }

    /** Reads the central directory; a broken or truncated archive throws an IOException. */
    static ZipDirectory of(byte[] data) throws IOException {
        ZipDirectory zip = new ZipDirectory(data);
        zip.readDirectory();
        return zip;
    }

    /** The uncompressed content of a part (name without a leading '/'), or null when there is no such part. */
    InputStream open(String name) throws IOException {
        Entry e = entries.get(name.toLowerCase(Locale.ROOT));
        if (e == null) {
            return null;
        }
        if (e.encrypted) {
            throw new IOException("encrypted entry");
        }
        long local = e.localHeader;
        check(local, 30);
        if (u32(local) != LOCAL) {
            throw new IOException("bad local header");
        }
        long start = local + 30 + u16(local + 26) + u16(local + 28);
        check(start, e.compressedSize);
        InputStream raw = new ByteArrayInputStream(data, (int) start, (int) e.compressedSize);
        switch (e.method) {
            case 0:
                return raw;
            case 8:
                return new InflaterInputStream(raw, new Inflater(true), 8192) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        inf.end();
                    }
                };
            default:
                throw new IOException("unsupported compression method " + e.method);
        }
    }

    private void readDirectory() throws IOException {
        long eocd = -1;
        for (long p = data.length - 22L; p >= 0 && p >= data.length - 22L - 65_535; p--) {
            if (u32(p) == EOCD) {
                eocd = p;
                break;
            }
        }
        if (eocd < 0) {
            throw new IOException("no end of central directory");
        }
        long count = u16(eocd + 10);
        long offset = u32(eocd + 16);
        if (count == 0xFFFF || offset == MAX32) {
            long locator = eocd - 20;
            check(locator, 20);
            if (u32(locator) != ZIP64_LOCATOR) {
                throw new IOException("no zip64 locator");
            }
            long z = u64(locator + 8);
            check(z, 56);
            if (u32(z) != ZIP64_EOCD) {
                throw new IOException("bad zip64 end record");
            }
            count = u64(z + 32);
            offset = u64(z + 48);
        }
        long p = offset;
        for (long i = 0; i < count; i++) {
            check(p, 46);
            if (u32(p) != CENTRAL) {
                throw new IOException("bad central directory entry");
            }
            int flags = u16(p + 8);
            int method = u16(p + 10);
            long compressed = u32(p + 20);
            long uncompressed = u32(p + 24);
            int nameLength = u16(p + 28);
            int extraLength = u16(p + 30);
            int commentLength = u16(p + 32);
            long local = u32(p + 42);
            check(p + 46, (long) nameLength + extraLength + commentLength);
            String name = new String(data, (int) (p + 46), nameLength,
                    (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            long extra = p + 46 + nameLength;
            long extraEnd = extra + extraLength;
            while (extra + 4 <= extraEnd) {
                int id = u16(extra);
                int size = u16(extra + 2);
                long field = extra + 4;
                if (id == 0x0001) {
                    if (uncompressed == MAX32 && field + 8 <= extra + 4 + size) {
                        uncompressed = u64(field);
                        field += 8;
                    }
                    if (compressed == MAX32 && field + 8 <= extra + 4 + size) {
                        compressed = u64(field);
                        field += 8;
                    }
                    if (local == MAX32 && field + 8 <= extra + 4 + size) {
                        local = u64(field);
                    }
                }
                extra += 4 + size;
            }
            name = name.replace('\\', '/');
            if (name.startsWith("/")) {
                name = name.substring(1);
            }
            if (!name.endsWith("/")) {
                entries.putIfAbsent(name.toLowerCase(Locale.ROOT),
                        new Entry(method, compressed, local, (flags & 1) != 0));
            }
            p += 46L + nameLength + extraLength + commentLength;
        }
    }

    private void check(long from, long length) throws IOException {
        if (from < 0 || length < 0 || from + length > data.length) {
            throw new IOException("zip structure out of bounds");
        }
    }

    private int u16(long p) throws IOException {
        check(p, 2);
        int i = (int) p;
        return (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8;
    }

    private long u32(long p) throws IOException {
        check(p, 4);
        int i = (int) p;
        return (data[i] & 0xFFL) | (data[i + 1] & 0xFFL) << 8 | (data[i + 2] & 0xFFL) << 16
                | (data[i + 3] & 0xFFL) << 24;
    }

    private long u64(long p) throws IOException {
        long v = u32(p) | u32(p + 4) << 32;
        if (v < 0) {
            throw new IOException("zip64 value out of range");
        }
        return v;
    }
}
