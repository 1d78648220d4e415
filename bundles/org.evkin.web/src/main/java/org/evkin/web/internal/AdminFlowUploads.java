package org.evkin.web.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Uploaded import files kept on the server between the preview and the commit, so that the commit form carries only a
 * random id and never the file: in memory, each bound to the admin account, the cycle and the kind of import that
 * uploaded it, for a short time, with a cap on the bytes held. An upload goes PREVIEWED → COMMITTING → COMMITTED once
 * (a second commit finds it COMMITTED and imports nothing), or ends REJECTED with its problems (kept for paging them).
 */
final class AdminFlowUploads {

    /** How long a preview (and the outcome of its commit) is kept. */
    static final Duration TTL = Duration.ofMinutes(15);
    /** The largest file accepted, as the workflow's default import limit. */
    static final int MAX_FILE_BYTES = 32 << 20;
    /** Bytes of all pending files together; the oldest are dropped beyond it. */
    static final long MAX_TOTAL_BYTES = 64L << 20;
    /** Uploads kept per account; an admin's oldest is dropped beyond it. */
    static final int MAX_PER_ACCOUNT = 5;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Kind {
        PARTICIPANTS, RESPONSES
    }

    enum State {
        PREVIEWED, COMMITTING, COMMITTED, REJECTED
    }

    /** One problem of a rejected file: its row (0 for the whole file), column (or null) and message. */
    record Problem(int row, String column, String message) {
    }

    /** One upload. Its state changes under its own lock. */
    static final class Upload {
        final String id;
        final long account;
        final long cycle;
        final Kind kind;
        final String fileName;
        private Instant expires;
        private State state;
        private byte[] bytes;
        private Object report;
        private String summary;
        private int status;
        private List<Problem> problems = List.of();

        private Upload(String id, long account, long cycle, Kind kind, String fileName, Instant expires) {
            this.id = id;
            this.account = account;
            this.cycle = cycle;
            this.kind = kind;
            this.fileName = fileName;
            this.expires = expires;
        }

        synchronized State state() {
            return state;
        }

        /** The preview's report while PREVIEWED, the commit's report once COMMITTED. */
        synchronized Object report() {
            return report;
        }

        synchronized String summary() {
            return summary;
        }

        /** The HTTP status that goes with the rejection (400, 403 or 409). */
        synchronized int status() {
            return status;
        }

        synchronized List<Problem> problems() {
            return problems;
        }

        private synchronized long heldBytes() {
            return bytes == null ? 0 : bytes.length;
        }

        /** The file for the commit, once: PREVIEWED becomes COMMITTING; null in any other state. */
        synchronized byte[] claim() {
            if (state != State.PREVIEWED) {
                return null;
            }
            state = State.COMMITTING;
            return bytes;
        }

        /** The commit stored the file: its report is kept, the bytes are let go. */
        synchronized void committed(Object commitReport, Instant now) {
            state = State.COMMITTED;
            report = commitReport;
            bytes = null;
            expires = now.plus(TTL);
        }

        /** The commit failed with problems (the data changed since the preview): nothing was stored. */
        synchronized void rejected(String message, int httpStatus, List<Problem> list, Instant now) {
            state = State.REJECTED;
            summary = message;
            status = httpStatus;
            problems = List.copyOf(list);
            bytes = null;
            report = null;
            expires = now.plus(TTL);
        }

        /** The commit failed for another reason (e.g. the database was away): it may be tried again. */
        synchronized void release() {
            if (state == State.COMMITTING) {
                state = State.PREVIEWED;
            }
        }
    }

    private final Clock clock;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();

    AdminFlowUploads(Clock clock) {
        this.clock = clock;
    }

    /** Keeps a previewed file (bytes and preview report) and answers its new upload with a fresh random id. */
    Upload previewed(long account, long cycle, Kind kind, String fileName, byte[] bytes, Object report) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("file above " + MAX_FILE_BYTES + " bytes");
        }
        Upload u = new Upload(newId(), account, cycle, kind, fileName, clock.instant().plus(TTL));
        u.state = State.PREVIEWED;
        u.bytes = bytes;
        u.report = report;
        add(u);
        return u;
    }

    /** Keeps the problems of a rejected file (not the file) so that a long list can be paged. */
    Upload rejected(long account, long cycle, Kind kind, String fileName, String message, int status, List<Problem> problems) {
        Upload u = new Upload(newId(), account, cycle, kind, fileName, clock.instant().plus(TTL));
        u.state = State.REJECTED;
        u.summary = message;
        u.status = status;
        u.problems = List.copyOf(problems);
        add(u);
        return u;
    }

    /** The upload with this id if it belongs to this account, cycle and kind and has not expired. */
    Optional<Upload> find(String id, long account, long cycle, Kind kind) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        synchronized (this) {
            expire(clock.instant());
            Upload u = uploads.get(id);
            return u != null && u.account == account && u.cycle == cycle && u.kind == kind ? Optional.of(u) : Optional.empty();
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** Uploads held now (for tests). */
    synchronized int size() {
        expire(clock.instant());
        return uploads.size();
    }

    /** Bytes of files held now (for tests). */
    synchronized long heldBytes() {
        expire(clock.instant());
        return uploads.values().stream().mapToLong(Upload::heldBytes).sum();
    }

    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private synchronized void add(Upload u) {
        expire(clock.instant());
        List<Upload> mine = new ArrayList<>();
        for (Upload x : uploads.values()) {
            if (x.account == u.account) {
                mine.add(x);
            }
        }
        for (int i = 0; i <= mine.size() - MAX_PER_ACCOUNT; i++) {
            uploads.remove(mine.get(i).id);
        }
        uploads.put(u.id, u);
        long total = uploads.values().stream().mapToLong(Upload::heldBytes).sum();
        for (Iterator<Upload> it = uploads.values().iterator(); total > MAX_TOTAL_BYTES && it.hasNext();) {
            Upload oldest = it.next();
            if (oldest != u && oldest.heldBytes() > 0) {
                total -= oldest.heldBytes();
                it.remove();
            }
        }
    }

    private void expire(Instant now) {
        uploads.values().removeIf(u -> {
            synchronized (u) {
                return !now.isBefore(u.expires) && u.state != State.COMMITTING;
            }
        });
    }

    private static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
