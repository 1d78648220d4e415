package org.evkin.instrument.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.evkin.instrument.DeploymentProblem.Problem;
import org.evkin.model.CompetencyModel;
import org.evkin.model.internal.LoadedCompetencyModel;

/** Test support: the competency model, a compact valid descriptor to mutate, the published descriptors, assertions. */
final class Descriptors {

    static final ObjectMapper JSON = new ObjectMapper();
    static final CompetencyModel MODEL = LoadedCompetencyModel.fromBundledResource();
    static final String SCHEMA_RESOURCE = "/org/evkin/instrument/instrument-1.schema.json";

    /** The nine instrument bundles shipped with the platform. */
    static final List<String> PUBLISHED = List.of("bimtek-konselor-jkp-2025", "bimtek-pak-wonogiri-2025",
            "bimtek-pak-yogya-2025", "cdmp-sea-2025", "cop-bisindo-2025", "cop-disabilitas-2025", "cop-jkp-dis-2025",
            "genai-pak-2025", "genai-pk-2025");
    static final List<String> PUBLISHED_PAK = List.of("bimtek-pak-wonogiri-2025", "bimtek-pak-yogya-2025", "genai-pak-2025");

    /**
     * A small valid PK descriptor: levels Ahli Pertama and Ahli Muda, battery 5, 8 and 14 (14 exists at Ahli Muda
     * only), one item per cell except two for 5 at Ahli Muda. Items, by index: 0 AP-05-01, 1 AP-08-01, 2 AMU-05-01,
     * 3 AMU-05-02, 4 AMU-08-01, 5 AMU-14-01.
     */
    static final String COMPACT = """
            {
              "$schema": "https://evkin.kemnaker.go.id/schemas/instrument-1.schema.json",
              "code": "TEST-PROGRAM-2025",
              "version": "1.2.3",
              "title": "Program Uji",
              "organizer": "Direktorat Uji",
              "training": { "start": "2025-09-01", "end": "2025-10-31", "schedule": "September–Oktober 2025" },
              "description": "Program untuk pengujian.",
              "target": { "kind": "PK", "levels": ["AHLI_PERTAMA", "AHLI_MUDA"] },
              "battery": [5, 8, 14],
              "scale": {
                "labels": { "1": "Tidak pernah", "2": "Kadang-kadang", "3": "Sering", "4": "Selalu" },
                "notObserved": "Tidak dapat menilai"
              },
              "items": [
                { "code": "UJI-AP-05-01", "subcompetency": 5, "level": "AHLI_PERTAMA", "self": "Saya AP 5.", "other": "Ybs AP 5." },
                { "code": "UJI-AP-08-01", "subcompetency": 8, "level": "AHLI_PERTAMA", "self": "Saya AP 8.", "other": "Ybs AP 8." },
                { "code": "UJI-AMU-05-01", "subcompetency": 5, "level": "AHLI_MUDA", "self": "Saya AMU 5a.", "other": "Ybs AMU 5a." },
                { "code": "UJI-AMU-05-02", "subcompetency": 5, "level": "AHLI_MUDA", "self": "Saya AMU 5b.", "other": "Ybs AMU 5b." },
                { "code": "UJI-AMU-08-01", "subcompetency": 8, "level": "AHLI_MUDA", "self": "Saya AMU 8.", "other": "Ybs AMU 8." },
                { "code": "UJI-AMU-14-01", "subcompetency": 14, "level": "AHLI_MUDA", "self": "Saya AMU 14.", "other": "Ybs AMU 14." }
              ],
              "report": { "title": "Laporan Uji", "intro": "Pengantar.", "closing": "Penutup." }
            }
            """;

    private Descriptors() {
    }

    static DescriptorReader reader() {
        return new DescriptorReader(MODEL);
    }

    /** A fresh copy of the compact valid descriptor, to mutate. */
    static ObjectNode compact() {
        return (ObjectNode) parse(COMPACT);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] bytes(JsonNode descriptor) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode item(String code, int subcompetency, String level) {
        ObjectNode item = JSON.createObjectNode();
        item.put("code", code);
        item.put("subcompetency", subcompetency);
        item.put("level", level);
        item.put("self", "Saya melakukan " + code + ".");
        item.put("other", "Yang bersangkutan melakukan " + code + ".");
        return item;
    }

    static ArrayNode items(ObjectNode descriptor) {
        return (ArrayNode) descriptor.get("items");
    }

    static ArrayNode levels(ObjectNode descriptor) {
        return (ArrayNode) descriptor.get("target").get("levels");
    }

    static ArrayNode battery(ObjectNode descriptor) {
        return (ArrayNode) descriptor.get("battery");
    }

    /** Valid report bands, highest first, the lowest at 1.00. */
    static ArrayNode categories(String... mins) {
        ArrayNode cats = JSON.createArrayNode();
        for (String min : mins) {
            cats.addObject().put("min", min).put("category", "Kategori " + min).put("predicate", "Predikat " + min);
        }
        return cats;
    }

    /** The module's directory: surefire runs with it as the working directory and sets basedir. */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    static Path instrumentsDir() {
        return moduleDir().resolve("../instruments").normalize();
    }

    static Path publishedFile(String name) {
        return instrumentsDir().resolve(name).resolve("src/main/resources/EVKIN-INF/instrument.json");
    }

    /** Every instrument bundle directory that has a descriptor, by name. */
    static List<String> publishedOnDisk() {
        try (Stream<Path> dirs = Files.list(instrumentsDir())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("src/main/resources/EVKIN-INF/instrument.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] publishedBytes(String name) {
        try {
            return Files.readAllBytes(publishedFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode published(String name) {
        try {
            return (ObjectNode) JSON.readTree(publishedBytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream schemaStream() {
        InputStream in = Descriptors.class.getResourceAsStream(SCHEMA_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the class path");
        }
        return in;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that the descriptor was rejected (no definition) with exactly this one problem. */
    static void assertOnlyProblem(DescriptorReader.Result result, String path, String messagePart) {
        assertNull(result.definition(), "no definition for a rejected descriptor");
        assertEquals(1, result.problems().size(), () -> "expected exactly one problem, got " + result.problems());
        Problem p = result.problems().get(0);
        assertEquals(path, p.path(), () -> "path of " + p);
        assertTrue(p.message().contains(messagePart), () -> "message of " + p + " should contain '" + messagePart + "'");
    }

    /** Asserts that the descriptor was rejected (no definition) with, among others, a problem at path saying this. */
    static Problem assertHasProblem(DescriptorReader.Result result, String path, String messagePart) {
        assertNull(result.definition(), "no definition for a rejected descriptor");
        assertFalse(result.ok());
        return result.problems().stream().filter(p -> p.path().equals(path) && p.message().contains(messagePart))
                .findFirst().orElseThrow(() -> new AssertionError("expected a problem at " + path + " containing '"
                        + messagePart + "', got " + result.problems()));
    }
}
