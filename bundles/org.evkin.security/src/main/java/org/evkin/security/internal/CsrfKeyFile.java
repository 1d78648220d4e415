package org.evkin.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSRF secret kept in {@code <data>/security/csrf.key} (32 random bytes, base64url on one line), created at the
 * first start with owner-only permissions so that it survives restarts.
 */
final class CsrfKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(CsrfKeyFile.class);
    static final String RELATIVE_PATH = "security/csrf.key";
    static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private CsrfKeyFile() {
    }

    /** The key in the data folder, created first if there is none yet. */
    static synchronized byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(RELATIVE_PATH);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the CSRF key " + file + ": " + e, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.getParent();
        boolean posix = Files.getFileStore(Files.exists(dir) ? dir : existingAncestor(dir)).supportsFileAttributeView("posix");
        if (!Files.exists(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] content = (Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        FileAttribute<?>[] attributes = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        // Written completely under another name first, so that no reader ever sees a half-written key.
        Path temporary = Files.createTempFile(dir, "csrf", ".tmp", attributes);
        try {
            Files.write(temporary, content);
            Files.move(temporary, file);
            LOG.info("Created the CSRF key {}", file);
        } catch (FileAlreadyExistsException e) {
            LOG.debug("Another process created {} first", file);
        } finally {
            Files.deleteIfExists(temporary);
        }
        if (!posix) {
            LOG.warn("{} is on a file system without POSIX permissions: make sure only the server's user can read it", file);
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_FILE.containsAll(permissions)) {
                LOG.warn("{} was readable or writable by others ({}); restricting it to its owner", file,
                        PosixFilePermissions.toString(permissions));
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException("the CSRF key " + file + " is damaged (expected " + KEY_BYTES
                    + " bytes in base64url on one line); delete it to have a new one generated (open forms then need a reload)");
        }
        return key;
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.toAbsolutePath().getRoot() : p;
    }
}
