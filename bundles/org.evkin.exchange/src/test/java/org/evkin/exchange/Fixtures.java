package org.evkin.exchange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.evkin.model.Target;

/** Test data: a small program catalog, known participants, and builders of import files. */
final class Fixtures {

    static final String NIP_A = "198501012010011001";
    static final String NIP_B = "199002022015022002";
    static final String NIP_C = "197703032000031003";

    /** PK-A: PK, items at AP, AMU and AMA, nothing at Ahli Utama. PK-B: PK, all levels. PAK-A, PAK-B: PAK. */
    static final ProgramCatalog CATALOG = new ProgramCatalog() {
        private final Map<String, Map<Target, Set<String>>> items = Map.of(
                "PK-A", Map.of(
                        Target.AHLI_PERTAMA, ordered("PKA-AP-07-01", "PKA-AP-07-02", "PKA-AP-08-01"),
                        Target.AHLI_MUDA, ordered("PKA-AMU-07-01"),
                        Target.AHLI_MADYA, ordered("PKA-AMA-07-01")),
                "PK-B", Map.of(
                        Target.AHLI_PERTAMA, ordered("PKB-AP-01-01"),
                        Target.AHLI_MUDA, ordered("PKB-AMU-01-01"),
                        Target.AHLI_MADYA, ordered("PKB-AMA-01-01"),
                        Target.AHLI_UTAMA, ordered("PKB-AU-01-01")),
                "PAK-A", Map.of(
                        Target.PAK, ordered("PAKA-03-01", "PAKA-04-01", "PAKA-05-01")),
                "PAK-B", Map.of(
                        Target.PAK, ordered("PAKB-03-01")));

        @Override
        public Optional<Category> programCategory(String programCode) {
            if (!items.containsKey(programCode)) {
                return Optional.empty();
            }
            return Optional.of(programCode.startsWith("PAK") ? Category.PAK : Category.PK);
        }

        @Override
        public Set<String> itemCodes(String programCode, Target target) {
            return items.getOrDefault(programCode, Map.of()).getOrDefault(target, Set.of());
        }

        @Override
        public boolean taskExists(String taskCode) {
            return Set.of("AP-01-01", "AP-07-02", "AMA-03-02", "AU-15-01").contains(taskCode);
        }
    };

    /** Three known participants: A (Ahli Pertama, PK-A and PK-B), B (Ahli Madya, PK-A), P (PAK by e-mail, PAK-A). */
    static final ParticipantLookup PARTICIPANTS = nipOrEmail -> Optional.ofNullable(Map.of(
            NIP_A, new KnownParticipant("p-a", Target.AHLI_PERTAMA, Set.of("PK-A", "PK-B")),
            "a@contoh.go.id", new KnownParticipant("p-a", Target.AHLI_PERTAMA, Set.of("PK-A", "PK-B")),
            NIP_B, new KnownParticipant("p-b", Target.AHLI_MADYA, Set.of("PK-A")),
            "pak@lpk.co.id", new KnownParticipant("p-p", Target.PAK, Set.of("PAK-A"))).get(nipOrEmail));

    static final String PARTICIPANT_HEADER =
            "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan";

    private Fixtures() {
    }

    private static Set<String> ordered(String... codes) {
        return new LinkedHashSet<>(List.of(codes));
    }

    /** A valid PK participant row as a column → value map, to change before writing. */
    static Map<String, String> pkRow() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("nip", NIP_A);
        row.put("nama", "Budi Santoso");
        row.put("email", "budi@contoh.go.id");
        row.put("telepon", "0812-3456-7890");
        row.put("kategori", "PK");
        row.put("jenjang", "Ahli Pertama");
        row.put("instansi", "Disnaker Kabupaten Wonogiri");
        row.put("provinsi", "Jawa Tengah");
        row.put("kabupaten_kota", "Kabupaten Wonogiri");
        row.put("program", "PK-A");
        row.put("nilai_pelatihan", "85,5");
        return row;
    }

    /** A valid PAK participant row without NIP. */
    static Map<String, String> pakRow() {
        Map<String, String> row = pkRow();
        row.put("nip", "");
        row.put("nama", "Siti Aminah");
        row.put("email", "siti@lpk.co.id");
        row.put("kategori", "PAK");
        row.put("jenjang", "");
        row.put("instansi", "LPK Maju Jaya");
        row.put("provinsi", "DIY");
        row.put("kabupaten_kota", "Kota Yogyakarta");
        row.put("program", "PAK-A");
        return row;
    }

    /** A map with some values changed: with(pkRow(), "nip", "123"). */
    static Map<String, String> with(Map<String, String> row, String... pairs) {
        Map<String, String> copy = new LinkedHashMap<>(row);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put(pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    /** A CSV line of the row's values in the order of the header, quoted where needed. */
    static String line(Map<String, String> row, char delimiter) {
        return row.values().stream().map(v -> quote(v, delimiter))
                .collect(Collectors.joining(String.valueOf(delimiter)));
    }

    static String quote(String v, char delimiter) {
        if (v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** A ';' participant CSV of these rows, header first, lines ending with \n. */
    @SafeVarargs
    static String participantCsv(Map<String, String>... rows) {
        List<String> lines = new ArrayList<>();
        lines.add(PARTICIPANT_HEADER);
        for (Map<String, String> r : rows) {
            lines.add(line(r, ';'));
        }
        return String.join("\n", lines) + "\n";
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static ImportResult<ParticipantRow> importParticipants(String csv) throws IOException {
        return new ParticipantImport(CATALOG).readCsv(utf8(csv));
    }

    static ImportResult<ParticipantRow> importParticipants(String csv, ImportOptions options) throws IOException {
        return new ParticipantImport(CATALOG, options).readCsv(utf8(csv));
    }

    /** The single error of a rejected import, asserting there is exactly one. */
    static ImportError onlyError(ImportResult<?> result) {
        assertFalse(result.ok(), "expected the file to be rejected");
        assertTrue(result.rows().isEmpty());
        if (result.errors().size() != 1) {
            throw new AssertionError("expected one error, got " + result.errors());
        }
        return result.errors().get(0);
    }

    /** Fails with the errors when the import was rejected. */
    static <T> List<T> accepted(ImportResult<T> result) {
        if (!result.ok()) {
            throw new AssertionError("expected the file to be accepted, got " + result.errors());
        }
        return result.rows();
    }
}
