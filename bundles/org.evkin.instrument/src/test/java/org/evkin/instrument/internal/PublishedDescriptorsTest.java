package org.evkin.instrument.internal;

import static org.evkin.instrument.internal.Descriptors.PUBLISHED;
import static org.evkin.instrument.internal.Descriptors.PUBLISHED_PAK;
import static org.evkin.instrument.internal.Descriptors.battery;
import static org.evkin.instrument.internal.Descriptors.bytes;
import static org.evkin.instrument.internal.Descriptors.categories;
import static org.evkin.instrument.internal.Descriptors.compact;
import static org.evkin.instrument.internal.Descriptors.item;
import static org.evkin.instrument.internal.Descriptors.items;
import static org.evkin.instrument.internal.Descriptors.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.Item;
import org.evkin.instrument.TargetKind;
import org.evkin.model.Target;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The nine instrument descriptors shipped with the platform are valid, and the published JSON Schema
 * (instrument-1.schema.json) agrees with DescriptorReader: it accepts what the reader accepts, and rejects the
 * schema-level mistakes that the reader rejects. Model-level checks (blueprint cells, coverage, band order) are the
 * reader's alone, as the schema's description says.
 */
class PublishedDescriptorsTest {

    private static final Schema SCHEMA = loadSchema();
    private final DescriptorReader reader = Descriptors.reader();

    private static Schema loadSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_PATH)
                        .build()));
        try (InputStream in = Descriptors.schemaStream()) {
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Error> schemaErrors(JsonNode descriptor) {
        return SCHEMA.validate(descriptor);
    }

    private static String describe(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).collect(Collectors.joining("\n"));
    }

    // ---------------------------------------------------------------- the nine descriptors

    @Test
    void theNineDescriptorsAreOnDisk() {
        assertEquals(PUBLISHED, Descriptors.publishedOnDisk());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.evkin.instrument.internal.Descriptors#PUBLISHED")
    void readsOk(String name) {
        byte[] bytes = Descriptors.publishedBytes(name);
        JsonNode json = Descriptors.published(name);

        DescriptorReader.Result r = reader.read(bytes);

        assertTrue(r.ok(), () -> name + ": " + r.problems());
        InstrumentDefinition d = r.definition();
        assertNotNull(d);
        assertEquals(json.get("code").asText(), d.code());
        assertEquals(json.get("version").asText(), d.version());
        assertEquals(json.get("items").size(), d.items().size());
        assertEquals(Descriptors.sha256Hex(bytes), d.checksum());
        for (Target level : d.levels()) {
            assertFalse(d.itemsFor(level).isEmpty(), () -> name + " has no items at " + level);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.evkin.instrument.internal.Descriptors#PUBLISHED")
    void itemCodesAreUnique(String name) {
        Set<String> seen = new HashSet<>();
        for (JsonNode item : Descriptors.published(name).get("items")) {
            String code = item.get("code").asText();
            assertTrue(seen.add(code), () -> name + ": item code " + code + " is used twice");
        }
    }

    /** The draft's convention: SHORT-LEVEL-SS-NN, one SHORT per file, LEVEL and SS matching the item, NN from 01. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("org.evkin.instrument.internal.Descriptors#PUBLISHED")
    void itemCodesFollowTheNamingConvention(String name) {
        Pattern convention = Pattern.compile("([A-Z0-9]+)-(AP|AMU|AMA|AU|PAK)-(\\d\\d)-(\\d\\d)");
        Set<String> shorts = new HashSet<>();
        Map<String, Integer> perCell = new TreeMap<>();
        for (Item item : reader.read(Descriptors.publishedBytes(name)).definition().items()) {
            Matcher m = convention.matcher(item.code());
            assertTrue(m.matches(), () -> name + ": " + item.code());
            shorts.add(m.group(1));
            assertEquals(item.level().taskPrefix(), m.group(2), item::code);
            assertEquals(item.subcompetency(), Integer.parseInt(m.group(3)), item::code);
            int nth = perCell.merge(m.group(2) + "-" + m.group(3), 1, Integer::sum);
            assertEquals(nth, Integer.parseInt(m.group(4)), () -> item.code() + " is item " + nth + " of its cell");
        }
        assertEquals(1, shorts.size(), () -> name + " uses several short tags: " + shorts);
    }

    /** The draft: one item per indikator perilaku of each blueprint cell. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("org.evkin.instrument.internal.Descriptors#PUBLISHED")
    void eachCellHasOneItemPerIndikatorPerilaku(String name) {
        InstrumentDefinition d = reader.read(Descriptors.publishedBytes(name)).definition();
        for (Target level : d.levels()) {
            for (int s : d.batteryAt(level)) {
                int indicators = Descriptors.MODEL.blueprint(level, s).orElseThrow().indicators().size();
                long items = d.itemsFor(level).stream().filter(i -> i.subcompetency() == s).count();
                assertEquals(indicators, items, () -> name + ": subkompetensi " + s + " at " + level);
            }
        }
    }

    @Test
    void theThreePakDescriptorsEvaluateSubkompetensi3To11() {
        for (String name : PUBLISHED) {
            InstrumentDefinition d = reader.read(Descriptors.publishedBytes(name)).definition();
            if (PUBLISHED_PAK.contains(name)) {
                assertEquals(TargetKind.PAK, d.targetKind(), name);
                assertEquals(List.of(Target.PAK), d.levels(), name);
                assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11), d.battery(), name);
            } else {
                assertEquals(TargetKind.PK, d.targetKind(), name);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.evkin.instrument.internal.Descriptors#PUBLISHED")
    void matchesThePublishedSchema(String name) {
        List<Error> errors = schemaErrors(Descriptors.published(name));

        assertEquals(List.of(), errors, () -> name + ":\n" + describe(errors));
    }

    // ---------------------------------------------------------------- schema and reader agree

    @Test
    void schemaAcceptsTheCompactDescriptor() {
        ObjectNode d = compact();
        ((ObjectNode) d.get("report")).set("categories", categories("3.41", "2.5", "1"));

        assertEquals(List.of(), schemaErrors(d), () -> describe(schemaErrors(d)));
        assertTrue(reader.read(bytes(d)).ok());
    }

    private static Arguments broken(String name, Consumer<ObjectNode> mutation) {
        return Arguments.of(Named.of(name, mutation));
    }

    /** Mistakes that the schema can see on its own: both must reject them. */
    static Stream<Arguments> schemaLevelMistakes() {
        return Stream.of(
                broken("unknown property at the root", d -> d.put("organiser", "x")),
                broken("unknown property in an item", d -> ((ObjectNode) items(d).get(1)).put("weight", 2)),
                broken("unknown property in the training", d -> ((ObjectNode) d.get("training")).put("venue", "x")),
                broken("bad code pattern", d -> d.put("code", "cop-bisindo-2025")),
                broken("bad item code pattern", d -> ((ObjectNode) items(d).get(2)).put("code", "uji-amu-05-01")),
                broken("bad version", d -> d.put("version", "1.0")),
                broken("missing code", d -> d.remove("code")),
                broken("missing version", d -> d.remove("version")),
                broken("missing title", d -> d.remove("title")),
                broken("missing organizer", d -> d.remove("organizer")),
                broken("missing training", d -> d.remove("training")),
                broken("missing target", d -> d.remove("target")),
                broken("missing battery", d -> d.remove("battery")),
                broken("missing scale", d -> d.remove("scale")),
                broken("missing items", d -> d.remove("items")),
                broken("missing report", d -> d.remove("report")),
                broken("missing training start", d -> ((ObjectNode) d.get("training")).remove("start")),
                broken("missing item self", d -> ((ObjectNode) items(d).get(3)).remove("self")),
                broken("empty item other", d -> ((ObjectNode) items(d).get(3)).put("other", " ")),
                broken("missing scale label", d -> ((ObjectNode) d.at("/scale/labels")).remove("3")),
                broken("bad date", d -> ((ObjectNode) d.get("training")).put("start", "2025-02-30")),
                broken("unknown target kind", d -> ((ObjectNode) d.get("target")).put("kind", "PENGANTAR_KERJA")),
                broken("PK without levels", d -> ((ObjectNode) d.get("target")).remove("levels")),
                broken("unknown level in the target", d -> levels(d).add("AHLI_SENIOR")),
                broken("PAK among PK levels", d -> levels(d).add("PAK")),
                broken("duplicate level", d -> levels(d).add("AHLI_PERTAMA")),
                broken("PAK with levels", d -> ((ObjectNode) d.get("target")).put("kind", "PAK")),
                broken("unknown item level", d -> ((ObjectNode) items(d).get(3)).put("level", "Ahli Muda")),
                broken("battery entry 16", d -> battery(d).add(16)),
                broken("battery entry 0", d -> battery(d).add(0)),
                broken("duplicate battery entry", d -> battery(d).add(8)),
                broken("empty battery", d -> battery(d).removeAll()),
                broken("empty items", d -> items(d).removeAll()),
                broken("item subkompetensi 16", d -> items(d).add(item("UJI-AMU-16-01", 16, "AHLI_MUDA"))),
                broken("single report category", d -> ((ObjectNode) d.get("report")).set("categories", categories("1.00"))),
                broken("report category min 3.415", d -> ((ObjectNode) d.get("report")).set("categories",
                        categories("3.415", "1.00"))),
                broken("report weights without PENGGUNA", d -> weights(d, "{\"DIRI\": 1, \"ATASAN\": 2, \"REKAN\": 1}")),
                broken("negative report weight", d -> weights(d, "{\"DIRI\": 1, \"ATASAN\": -1, \"REKAN\": 1, \"PENGGUNA\": 1}")),
                broken("report weight as text", d -> weights(d, "{\"DIRI\": \"1\", \"ATASAN\": 1, \"REKAN\": 1, \"PENGGUNA\": 1}")),
                broken("every report weight 0", d -> weights(d, "{\"DIRI\": 0, \"ATASAN\": 0, \"REKAN\": 0, \"PENGGUNA\": 0}")),
                broken("unknown report weight source", d -> weights(d,
                        "{\"DIRI\": 1, \"ATASAN\": 1, \"REKAN\": 1, \"PENGGUNA\": 1, \"GURU\": 1}")),
                broken("report weights as a list", d -> weights(d, "[1, 1, 1, 1]")),
                broken("idealThreshold 0", d -> ((ObjectNode) d.get("report")).put("idealThreshold", 0)),
                broken("idealThreshold 1.5", d -> ((ObjectNode) d.get("report")).put("idealThreshold", 1.5)),
                broken("idealThreshold 75", d -> ((ObjectNode) d.get("report")).put("idealThreshold", 75)),
                broken("idealThreshold as text", d -> ((ObjectNode) d.get("report")).put("idealThreshold", "0.75")));
    }

    private static void weights(ObjectNode descriptor, String json) {
        ((ObjectNode) descriptor.get("report")).set("weights", Descriptors.parse(json));
    }

    @Test
    void schemaAndReaderAcceptReportOverrides() {
        ObjectNode d = compact();
        weights(d, "{\"DIRI\": 1, \"ATASAN\": 2, \"REKAN\": 0, \"PENGGUNA\": 1.5}");
        ((ObjectNode) d.get("report")).put("idealThreshold", 1);

        assertEquals(List.of(), schemaErrors(d), () -> describe(schemaErrors(d)));
        assertTrue(reader.read(bytes(d)).ok(), () -> reader.read(bytes(d)).problems().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaLevelMistakes")
    void schemaAndReaderBothRejectSchemaLevelMistakes(Consumer<ObjectNode> mutation) {
        ObjectNode d = compact();
        mutation.accept(d);

        DescriptorReader.Result r = reader.read(bytes(d));
        List<Error> errors = schemaErrors(d);

        assertFalse(r.ok(), "DescriptorReader accepts it");
        assertFalse(errors.isEmpty(), () -> "the schema accepts it; DescriptorReader says " + r.problems());
    }

    /** Mistakes that need the competency model or relate several fields: the reader's alone. */
    static Stream<Arguments> modelLevelMistakes() {
        return Stream.of(
                broken("training ends before it starts", d -> ((ObjectNode) d.get("training")).put("end", "2025-08-31")),
                broken("duplicate item code", d -> ((ObjectNode) items(d).get(4)).put("code", "UJI-AP-08-01")),
                broken("item subkompetensi not in the battery", d -> items(d).add(item("UJI-AMU-07-01", 7, "AHLI_MUDA"))),
                broken("item level not among the target levels", d -> items(d).add(item("UJI-AMA-05-01", 5, "AHLI_MADYA"))),
                broken("PAK item in a PK instrument", d -> items(d).add(item("UJI-PAK-05-01", 5, "PAK"))),
                broken("subkompetensi 5 at Ahli Utama", d -> {
                    levels(d).add("AHLI_UTAMA");
                    items(d).add(item("UJI-AU-14-01", 14, "AHLI_UTAMA"));
                    items(d).add(item("UJI-AU-05-01", 5, "AHLI_UTAMA"));
                }),
                broken("battery subkompetensi without items", d -> items(d).remove(5)),
                broken("level without battery subkompetensi", d -> {
                    battery(d).remove(2);
                    items(d).remove(5);
                    levels(d).add("AHLI_UTAMA");
                }),
                broken("report categories not descending", d -> ((ObjectNode) d.get("report")).set("categories",
                        categories("3.00", "3.50", "1.00"))),
                broken("lowest report category not 1.00", d -> ((ObjectNode) d.get("report")).set("categories",
                        categories("3.00", "2.00"))),
                broken("report category min 4.50", d -> ((ObjectNode) d.get("report")).set("categories",
                        categories("4.50", "1.00"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelLevelMistakes")
    void onlyTheReaderRejectsModelLevelMistakes(Consumer<ObjectNode> mutation) {
        ObjectNode d = compact();
        mutation.accept(d);

        List<Error> errors = schemaErrors(d);

        assertFalse(reader.read(bytes(d)).ok(), "DescriptorReader accepts it");
        assertEquals(List.of(), errors, () -> describe(errors));
    }

    /** Descriptors the schema rejects but DescriptorReader (today) accepts. */
    static Stream<Arguments> acceptedOnlyByTheReader() {
        return Stream.of(
                broken("code with surrounding spaces", d -> d.put("code", " TEST-PROGRAM-2025 ")),
                broken("code with a trailing newline", d -> d.put("code", "TEST-PROGRAM-2025\n")),
                broken("version with a trailing space", d -> d.put("version", "1.2.3 ")),
                broken("target kind with a leading space", d -> ((ObjectNode) d.get("target")).put("kind", " PK")),
                broken("item code with a leading space", d -> ((ObjectNode) items(d).get(0)).put("code", " UJI-AP-05-01")),
                broken("item level with a leading space", d -> ((ObjectNode) items(d).get(0)).put("level", " AHLI_PERTAMA")),
                broken("report category min as a JSON number", d -> {
                    ObjectNode band = (ObjectNode) categories("1.00").get(0);
                    ((ObjectNode) d.get("report")).set("categories", categories("3.41").add(band.put("min", 1)));
                }),
                broken("report category min '+2.00'", d -> ((ObjectNode) d.get("report")).set("categories",
                        categories("+2.00", "1.00"))),
                broken("report category min '1e0'", d -> ((ObjectNode) d.get("report")).set("categories",
                        categories("3.00", "1e0"))),
                broken("$schema that is not text", d -> d.put("$schema", 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedOnlyByTheReader")
    void readerRejectsWhatTheSchemaRejects(Consumer<ObjectNode> mutation) {
        ObjectNode d = compact();
        mutation.accept(d);

        assertFalse(schemaErrors(d).isEmpty(), "the schema rejects it");
        assertFalse(reader.read(bytes(d)).ok(), "DescriptorReader accepts what the schema rejects");
    }

    @Test
    void schemaErrorPointsWhereTheReaderDoes() {
        ObjectNode d = compact();
        ((ObjectNode) items(d).get(1)).put("weight", 2);
        d.put("code", "bad code");

        List<Error> errors = schemaErrors(d);
        Set<String> locations = errors.stream().map(e -> e.getInstanceLocation().toString()).collect(Collectors.toSet());

        assertEquals(Set.of("$.items[1]", "$.code"), locations, () -> describe(errors));
        assertEquals(List.of("$.code", "$.items[1].weight"),
                reader.read(bytes(d)).problems().stream().map(p -> p.path()).toList());
    }
}
