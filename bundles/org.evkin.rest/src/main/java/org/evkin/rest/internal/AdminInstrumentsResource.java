package org.evkin.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
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
        Files.createDirectories(s.deployDir());
        Path tmp = s.deployDir().resolve(".upload-" + UUID.randomUUID() + ".tmp");
        try {
            long size;
            try (InputStream in = uploadStream()) {
                size = copyLimited(in, tmp, s.maxBytes());
            }
            Upload upload = inspect(tmp);
            Path target = existingJarOf(s.deployDir(), upload.symbolicName()).orElse(s.deployDir().resolve(upload.symbolicName() + ".jar"));
            Instant started = Instant.now();
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            audit("instrument.upload", upload.code(), upload.symbolicName() + " " + upload.version() + " (" + size + " bytes) -> "
                    + target.getFileName());
            LOG.info("Admin uploaded {} {} as {}", upload.code(), upload.version(), target.getFileName());
            return awaitOutcome(upload, target, started, s.waitSeconds());
        } finally {
            Files.deleteIfExists(tmp);
        }
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
            Optional<InstrumentDefinition> current = r.current(upload.code());
            if (current.isPresent() && current.get().checksum().equals(upload.checksum())) {
                return Response.status(201).entity(InstrumentJson.summary(r.summary(upload.code()).orElseThrow())).build();
            }
            for (DeploymentProblem p : r.problems()) {
                if (!p.at().isBefore(started) && p.location() != null && p.location().endsWith(target.getFileName().toString())) {
                    return Response.status(422).entity(Map.of("error", "bundleRejected",
                            "message", Messages.get(headers.getAcceptableLanguages(), "error.bundleRejected"),
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

    private static Upload inspect(Path jar) {
        Upload u = inspectQuietly(jar);
        if (u == null) {
            throw new BadRequest("notAJar", "error.notAJar");
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
                bytes = in.readAllBytes();
            }
            String code = null;
            try {
                JsonNode n = JSON.readTree(bytes);
                code = n == null ? null : n.path("code").asText(null);
            } catch (IOException invalidJson) {
                // the extender reports it with its position
            }
            return new Upload(bsn, manifest.getMainAttributes().getValue("Bundle-Version"), code, sha256(bytes));
        } catch (IOException e) {
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
            try {
                Part part = request.getPart("file");
                if (part == null) {
                    throw new BadRequest("notAJar", "error.notAJar");
                }
                return part.getInputStream();
            } catch (ServletException | IllegalStateException e) {
                throw new BadRequest(413, "tooLarge", "error.tooLarge", settings.get().maxBytes());
            }
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
