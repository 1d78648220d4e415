package org.evkin.distribution.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated evaluation cycle: participants with their enrolments, the raters, the Part-2 forms (item → 1..4, or
 * null for "tidak dapat menilai") and the Part-1 forms (ticked tasks), exactly as they are written to the import files.
 * A form that is absent was never submitted.
 */
record Dataset(List<Participant> participants) {

    /** The four rater sources, in the order of SPEC §2. */
    enum Source {
        DIRI, ATASAN, REKAN, PENGGUNA;

        /** The Part-1 sources. */
        static final List<Source> PART1 = List.of(DIRI, ATASAN, REKAN);
    }

    /**
     * One person. target: AHLI_PERTAMA … AHLI_UTAMA or PAK; province: the official name; provinceWritten: as the
     * import file writes it (e.g. "DIY"); raters: the named rater of each source other than DIRI; part1Ticks: the
     * ticked tasks of each submitted Part-1 form; part1Zeros: tasks the same form lists with 0.
     */
    record Participant(int key, String nip, String name, String email, String phone, String target, String institution,
            String province, String provinceWritten, String district, List<Enrolment> enrolments, Map<Source, Rater> raters,
            Map<Source, Set<String>> part1Ticks, Map<Source, Set<String>> part1Zeros) {

        boolean pak() {
            return Catalog.PAK.equals(target);
        }

        /** How the responses file names the participant. */
        String nipOrEmail() {
            return nip != null && key % 10 != 3 ? nip : email;
        }

        List<Enrolment> eligibleEnrolments() {
            return enrolments.stream().filter(Enrolment::eligible).toList();
        }
    }

    /** A rater of a participant (one per source, SPEC §2). */
    record Rater(String name, String email) {
    }

    /** trainingScore: nilai_pelatihan as written in the file; forms: the submitted Part-2 forms by source. */
    record Enrolment(String program, String trainingScore, boolean eligible, Map<Source, Map<String, Integer>> forms) {
    }

    List<Participant> eligibleParticipants() {
        return participants.stream().filter(p -> !p.eligibleEnrolments().isEmpty()).toList();
    }

    static final String PARTICIPANTS_HEADER = "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan";
    static final String RESPONSES_HEADER = "nip_or_email;program;rater_role;rater_name;rater_email;part;item_code;value";

    /** The participants import (SPEC §5): UTF-8 with BOM, ';', one row per enrolment. */
    byte[] participantsCsv(Catalog catalog) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(PARTICIPANTS_HEADER).append('\n');
        for (Participant p : participants) {
            for (Enrolment e : p.enrolments()) {
                csv.append(String.join(";", nz(p.nip()), p.name(), p.email(), nz(p.phone()), p.pak() ? "PAK" : "PK",
                        p.pak() ? "" : catalog.levelLabel(p.target()), p.institution(), p.provinceWritten(), nz(p.district()),
                        e.program(), e.trainingScore())).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The responses import (SPEC §5), split into files of about maxRows rows; a participant's rows always stay in one
     * file (a file must hold every item of a form and names each rater once).
     */
    List<byte[]> responsesCsv(Catalog catalog, int maxRows) {
        List<byte[]> files = new ArrayList<>();
        StringBuilder csv = null;
        int rows = 0;
        for (Participant p : participants) {
            List<String> lines = responseLines(catalog, p);
            if (lines.isEmpty()) {
                continue;
            }
            if (csv == null || rows + lines.size() > maxRows) {
                if (csv != null) {
                    files.add(csv.toString().getBytes(StandardCharsets.UTF_8));
                }
                csv = new StringBuilder(RESPONSES_HEADER).append('\n');
                rows = 0;
            }
            for (String l : lines) {
                csv.append(l).append('\n');
            }
            rows += lines.size();
        }
        if (csv != null) {
            files.add(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** How many forms the responses files hold for these participants. */
    static int formCount(List<Participant> participants) {
        int n = 0;
        for (Participant p : participants) {
            n += p.part1Ticks().size();
            for (Enrolment e : p.enrolments()) {
                n += e.forms().size();
            }
        }
        return n;
    }

    private static List<String> responseLines(Catalog catalog, Participant p) {
        List<String> lines = new ArrayList<>();
        for (Enrolment e : p.enrolments()) {
            for (Source source : Source.values()) {
                Map<String, Integer> form = e.forms().get(source);
                if (form == null) {
                    continue;
                }
                for (Catalog.Item item : catalog.items(e.program(), p.target())) {
                    Integer v = form.get(item.code());
                    lines.add(line(p, e.program(), source, 2, item.code(), v == null ? "NA" : v.toString()));
                }
            }
        }
        for (Source s : Source.PART1) {
            if (p.part1Ticks().containsKey(s)) {
                p.part1Ticks().get(s).stream().sorted().forEach(t -> lines.add(line(p, "", s, 1, t, "1")));
                p.part1Zeros().getOrDefault(s, Set.of()).stream().sorted().forEach(t -> lines.add(line(p, "", s, 1, t, "0")));
            }
        }
        return lines;
    }

    private static String line(Participant p, String program, Source source, int part, String item, String value) {
        Rater r = p.raters().get(source);
        return String.join(";", p.nipOrEmail(), program, source.name(), r == null ? "" : r.name(),
                r == null || r.email() == null ? "" : r.email(), Integer.toString(part), item, value);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
