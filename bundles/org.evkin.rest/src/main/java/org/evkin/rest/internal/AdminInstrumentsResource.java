package org.evkin.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.evkin.instrument.DeploymentProblem;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.instrument.InstrumentStatus;
import org.evkin.instrument.InstrumentSummary;
import org.evkin.store.InstrumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API for programs: upload an instrument bundle (multipart field "file", or the jar as the body), withdraw
 * one, list rejected bundles, set a battery's status and period. Uploads go through deploy/, like a copied jar.
 */
@jakarta.ws.rs.Path("admin/instruments")
public class AdminInstrumentsResource {

    private static final Logger LOG = LoggerFactory.getLogger(AdminInstrumentsResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = "EvKin-Instrument";

    private final Supplier<InstrumentRegistry> registry;
    private final Supplier<InstrumentStore> store;
    private final Supplier<AdminSettings> settings;
    private final Authenticator authenticator;

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest request;

    private String actor;

    /** The admin settings in force: deploy folder, limits. */
    record AdminSettings(Path deployDir, int waitSeconds, long maxBytes) {
    }

    AdminInstrumentsResource(Supplier<InstrumentRegistry> registry, Supplier<InstrumentStore> store,
            Supplier<AdminSettings> settings, Authenticator authenticator) {
        this.registry = registry;
        this.store = store;
        this.settings = settings;
        this.authenticator = authenticator;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object list() {
        authorize();
        return Map.of("instruments", registry().list().stream().map(InstrumentJson::summary).toList(),
                "problems", registry().problems().stream().map(InstrumentJson::problem).toList());
    }

    @GET
    @jakarta.ws.rs.Path("problems")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object problems() {
        authorize();
        return Map.of("problems", registry().problems().stream().map(InstrumentJson::problem).toList());
    }

    @POST
    @Consumes({MediaType.MULTIPART_FORM_DATA, "application/java-archive", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response upload() throws IOException, InterruptedException {
        AdminSettings s = authorize();
        Path deployDir = s.deployDir().toAbsolutePath().normalize();
        Files.createDirectories(deployDir);
        String id = UUID.randomUUID().toString();
        Path tmp = deployDir.resolve(".upload-" + id + ".tmp");
        Path backup = null;
        Path target = null;
        boolean placed = false;
        boolean keep = false;
        try {
            long size;
            try (InputStream in = uploadStream()) {
                size = copyLimited(in, tmp, s.maxBytes());
            }
            // everything is checked before anything in deploy/ changes
            Upload upload = inspect(tmp);
            target = targetFor(deployDir, upload.symbolicName());
            audit("instrument.upload", upload.code(), upload.symbolicName() + " " + upload.version() + " (" + size + " bytes) -> "
                    + target.getFileName());
            if (Files.exists(target)) {
                backup = deployDir.resolve(".upload-" + id + ".bak");
                Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING);
            }
            Instant started = Instant.now();
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            placed = true;
            LOG.info("Admin uploaded {} {} as {}", upload.code(), upload.version(), target.getFileName());
            Response outcome = awaitOutcome(upload, target, started, s.waitSeconds());
            // deployed, or rejected by the extender (which keeps the previous version serving and lists the problems)
            keep = true;
            return outcome;
        } finally {
            Files.deleteIfExists(tmp);
            if (placed && !keep) {
                rollBack(target, backup);
            }
            if (backup != null) {
                Files.deleteIfExists(backup);
            }
        }
    }

    /**
     * Undoes a placed upload that timed out or failed: the previous jar of the bundle comes back, or the new one is
     * removed, so nothing half-checked stays in deploy/.
     */
    private static void rollBack(Path target, Path backup) {
        try {
            if (backup != null && Files.exists(backup)) {
                Files.move(backup, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.warn("Upload as {} not deployed in time: the previous jar is back", target.getFileName());
            } else {
                Files.deleteIfExists(target);
                LOG.warn("Upload as {} not deployed in time: removed from deploy/", target.getFileName());
            }
        } catch (IOException e) {
            LOG.warn("Upload as {} could not be rolled back: {}", target.getFileName(), e.toString());
        }
    }

    /** Allowed symbolic names (OSGi tokens separated by dots): they become file names in deploy/. */
    static final java.util.regex.Pattern SYMBOLIC_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    static final int MAX_SYMBOLIC_NAME = 100;
    /** Program codes, as the instrument extender accepts them. */
    static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");
    static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d{1,9}(\\.\\d{1,9}(\\.\\d{1,9}(\\.[A-Za-z0-9_-]{1,64})?)?)?");

    /**
     * Where the jar goes: the jar of the same bundle already in deploy/, else {symbolicName}.jar. The name was checked
     * by inspect; the resolved path must still lie directly in the deploy folder.
     */
    static Path targetFor(Path deployDir, String symbolicName) throws IOException {
        if (!validSymbolicName(symbolicName)) {
            throw new BadRequest(422, "badSymbolicName", "error.badSymbolicName");
        }
        Path dir = deployDir.toAbsolutePath().normalize();
        Path target = existingJarOf(dir, symbolicName).orElse(dir.resolve(symbolicName + ".jar")).toAbsolutePath().normalize();
        if (!dir.equals(target.getParent()) || !target.getFileName().toString().endsWith(".jar")) {
            throw new BadRequest(422, "badSymbolicName", "error.badSymbolicName");
        }
        return target;
    }

    static boolean validSymbolicName(String name) {
        return name != null && name.length() <= MAX_SYMBOLIC_NAME && SYMBOLIC_NAME.matcher(name).matches();
    }

    @DELETE
    @jakarta.ws.rs.Path("{code}")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object withdraw(@PathParam("code") String code) throws IOException, InterruptedException {
        AdminSettings s = authorize();
        InstrumentRegistry r = registry();
        r.summary(code).orElseThrow(() -> new BadRequest(404, "unknownInstrument", "error.unknownInstrument"));
        List<Path> removed = new ArrayList<>();
        for (Path jar : jars(s.deployDir())) {
            Upload u = inspectQuietly(jar);
            if (u != null && code.equals(u.code())) {
                Files.delete(jar);
                removed.add(jar.getFileName());
            }
        }
        audit("instrument.withdraw", code, "removed " + removed);
        long deadline = System.nanoTime() + s.waitSeconds() * 1_000_000_000L;
        while (System.nanoTime() < deadline && r.summary(code).map(InstrumentSummary::deployed).orElse(false)) {
            Thread.sleep(200);
        }
        return Map.of("removed", removed.stream().map(Path::toString).toList(), "instrument",
                InstrumentJson.summary(r.summary(code).orElseThrow()));
    }

    @PUT
    @jakarta.ws.rs.Path("{code}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object schedule(@PathParam("code") String code, Map<String, String> body) {
        authorize();
        InstrumentRegistry r = registry();
        r.summary(code).orElseThrow(() -> new BadRequest(404, "unknownInstrument", "error.unknownInstrument"));
        InstrumentStatus status;
        LocalDate start;
        LocalDate end;
        try {
            status = InstrumentStatus.valueOf(String.valueOf(body == null ? null : body.get("status")));
            start = date(body.get("periodStart"));
            end = date(body.get("periodEnd"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequest("badSchedule", "error.badSchedule",
                    "status ACTIVE/INACTIVE, periodStart dan periodEnd dalam format YYYY-MM-DD");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new BadRequest("badSchedule", "error.badSchedule", "periode berakhir (" + end + ") sebelum dimulai (" + start + ")");
        }
        try {
            return InstrumentJson.summary(r.schedule(code, status, start, end, actor()));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("badSchedule", "error.badSchedule", e.getMessage());
        }
    }

    private Response awaitOutcome(Upload upload, Path target, Instant started, int waitSeconds) throws InterruptedException {
        InstrumentRegistry r = registry();
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<InstrumentDefinition> current = upload.code() == null ? Optional.empty() : r.current(upload.code());
            if (current.isPresent() && current.get().checksum().equals(upload.checksum())) {
                return Response.status(201).entity(InstrumentJson.summary(r.summary(upload.code()).orElseThrow())).build();
            }
            for (DeploymentProblem p : r.problems()) {
                if (!p.at().isBefore(started) && p.location() != null && p.location().endsWith(target.getFileName().toString())) {
                    return Response.status(422).entity(Map.of("error", "bundleRejected",
                            "message", Messages.get(Messages.acceptable(headers), "error.bundleRejected"),
                            "problems", InstrumentJson.problem(p).get("problems"))).build();
                }
            }
            Thread.sleep(200);
        }
        throw new BadRequest(504, "deployTimeout", "error.deployTimeout", waitSeconds);
    }

    /** What the uploaded jar is: its symbolic name, version, and the code and checksum of its descriptor. */
    record Upload(String symbolicName, String version, String code, String checksum) {
    }

    /** Largest descriptor read, and most bytes all entries of an uploaded jar may unpack to. */
    static final int MAX_DESCRIPTOR_BYTES = 8 << 20;
    static final long MAX_UNPACKED_BYTES = 256L << 20;

    /**
     * Checks an uploaded jar strictly, before it may go into deploy/: a zip (else 400 notAJar) whose first local header
     * is at offset 0, readable entry by entry as a stream (CRCs and sizes) and through its central directory, with the
     * same entries both ways; a manifest with Bundle-SymbolicName and EvKin-Instrument (else 400 notAJar); a symbolic
     * name that can be a file name, an OSGi version, and a descriptor code the extender accepts (else 422).
     */
    static Upload inspect(Path jar) {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(jar)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                throw new BadRequest("notAJar", "error.notAJar");
            }
        } catch (IOException e) {
            throw new BadRequest("notAJar", "error.notAJar");
        }
        boolean zipStart = head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        java.util.Set<String> central = new java.util.HashSet<>();
        try (java.util.zip.ZipFile zf = new java.util.zip.ZipFile(jar.toFile())) {
            zf.stream().forEach(e -> central.add(e.getName()));
        } catch (IOException | RuntimeException e) {
            throw new BadRequest("notAJar", "error.notAJar");
        }
        if (!zipStart) {
            throw new BadRequest(422, "badBundle", "error.badBundle");
        }
        java.util.Set<String> streamed = new java.util.HashSet<>();
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(Files.newInputStream(jar), false)) {
            if (in.getManifest() == null) {
                throw new BadRequest(422, "badBundle", "error.badBundle");
            }
            long unpacked = 0;
            byte[] buf = new byte[65536];
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (!streamed.add(e.getName())) {
                    throw new BadRequest(422, "badBundle", "error.badBundle");
                }
                for (int n; (n = in.read(buf)) > 0;) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new BadRequest(422, "badBundle", "error.badBundle");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadRequest b) {
                throw b;
            }
            throw new BadRequest(422, "badBundle", "error.badBundle");
        }
        // JarInputStream hands the manifest (and the META-INF/ folder before it) over separately
        java.util.function.Predicate<String> manifestEntry = n -> n.equalsIgnoreCase(JarFile.MANIFEST_NAME) || n.equalsIgnoreCase("META-INF/");
        streamed.removeIf(manifestEntry);
        central.removeIf(manifestEntry);
        if (!streamed.equals(central)) {
            throw new BadRequest(422, "badBundle", "error.badBundle");
        }
        Upload u = inspectQuietly(jar);
        if (u == null) {
            throw new BadRequest("notAJar", "error.notAJar");
        }
        if (!validSymbolicName(u.symbolicName())) {
            throw new BadRequest(422, "badSymbolicName", "error.badSymbolicName");
        }
        if (u.version() != null && !VERSION.matcher(u.version().strip()).matches()) {
            throw new BadRequest(422, "badBundle", "error.badBundle");
        }
        if (u.code() != null && !CODE.matcher(u.code()).matches()) {
            throw new BadRequest(422, "badCode", "error.badCode");
        }
        return u;
    }

    private static Upload inspectQuietly(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            var manifest = jf.getManifest();
            if (manifest == null) {
                return null;
            }
            String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            String descriptor = manifest.getMainAttributes().getValue(HEADER);
            if (bsn == null || descriptor == null) {
                return null;
            }
            bsn = bsn.split(";")[0].strip();
            ZipEntry e = jf.getEntry(descriptor.strip());
            if (e == null) {
                return new Upload(bsn, manifest.getMainAttributes().getValue("Bundle-Version"), null, null);
            }
            byte[] bytes;
            try (InputStream in = jf.getInputStream(e)) {
                bytes = in.readNBytes(MAX_DESCRIPTOR_BYTES + 1);
            }
            if (bytes.length > MAX_DESCRIPTOR_BYTES) {
                return null;
            }
            String code = null;
            try {
                JsonNode n = JSON.readTree(bytes);
                code = n == null ? null : n.path("code").asText(null);
            } catch (IOException invalidJson) {
                // the extender reports it with its position
            }
            return new Upload(bsn, manifest.getMainAttributes().getValue("Bundle-Version"), code, sha256(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Optional<Path> existingJarOf(Path deployDir, String symbolicName) throws IOException {
        for (Path jar : jars(deployDir)) {
            try (JarFile jf = new JarFile(jar.toFile())) {
                String bsn = jf.getManifest() == null ? null : jf.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
                if (bsn != null && bsn.split(";")[0].strip().equals(symbolicName)) {
                    return Optional.of(jar);
                }
            } catch (IOException notAJar) {
                // ignore files that are not jars
            }
        }
        return Optional.empty();
    }

    private static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private InputStream uploadStream() throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/form-data")) {
            Part part = Multipart.part(request, "file", settings.get().maxBytes());
            if (part == null) {
                throw new BadRequest("notAJar", "error.notAJar");
            }
            return part.getInputStream();
        }
        return request.getInputStream();
    }

    private static long copyLimited(InputStream in, Path target, long max) throws IOException {
        long total = 0;
        byte[] buf = new byte[65536];
        try (var out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buf)) > 0;) {
                total += n;
                if (total > max) {
                    throw new BadRequest(413, "tooLarge", "error.tooLarge", max);
                }
                out.write(buf, 0, n);
            }
        }
        return total;
    }

    /** Programs are deployed by national admins only. */
    private AdminSettings authorize() {
        actor = authenticator.requireNational(headers).actor();
        return settings.get();
    }

    private String actor() {
        return actor;
    }

    private void audit(String action, String subject, String detail) {
        InstrumentStore st = store.get();
        if (st != null) {
            st.audit(actor(), action, subject == null ? "?" : subject, detail);
        }
    }

    private InstrumentRegistry registry() {
        InstrumentRegistry r = registry.get();
        if (r == null) {
            throw new ServiceUnavailableException(5L);
        }
        return r;
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
