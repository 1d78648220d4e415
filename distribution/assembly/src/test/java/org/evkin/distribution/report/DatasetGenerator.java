package org.evkin.distribution.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.evkin.distribution.report.Catalog.Item;
import org.evkin.distribution.report.Catalog.Task;
import org.evkin.distribution.report.Dataset.Enrolment;
import org.evkin.distribution.report.Dataset.Participant;
import org.evkin.distribution.report.Dataset.Rater;
import org.evkin.distribution.report.Dataset.Source;

/**
 * Generates a deterministic evaluation cycle over the programs the distribution serves: PK participants of every level
 * and PAK participants in 20 provinces (written officially or as common variants), each in one to three programs, with
 * ineligible enrolments, missing raters, "tidak dapat menilai" answers (some forms answer nothing on a subkompetensi),
 * and participants whose scores sit right at the rounding boundaries of the bands.
 */
final class DatasetGenerator {

    static final long SEED = 20250917L;

    /** Participants per level (PK) and PAK. */
    static final Map<String, Integer> SHAPE = shape();

    private static Map<String, Integer> shape() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("AHLI_PERTAMA", 150);
        m.put("AHLI_MUDA", 135);
        m.put("AHLI_MADYA", 105);
        m.put("AHLI_UTAMA", 18);
        m.put(Catalog.PAK, 132);
        return m;
    }

    /**
     * Windows [low, high) for score(p) that straddle the band boundaries: the first of each pair rounds up into the
     * higher band (3,405 → 3,41 Sangat Baik), the second stays below (3,404… → 3,40 Baik).
     */
    static final long[][] BOUNDARY_WINDOWS = {
        {3405, 3410}, {3400, 3405}, {2805, 2810}, {2800, 2805}, {2205, 2210}, {2200, 2205}, {1605, 1610}, {1600, 1605}};

    /** Official name, relative weight, variants the import accepts. */
    private record Province(String name, int weight, List<String> variants, List<String> districts) {
    }

    private static final List<Province> PROVINCES = List.of(
            new Province("Aceh", 3, List.of("NAD"), List.of("Kota Banda Aceh", "Kabupaten Aceh Besar")),
            new Province("Sumatera Utara", 6, List.of("Sumut", "Sumatra Utara"), List.of("Kota Medan", "Kabupaten Deli Serdang")),
            new Province("Sumatera Barat", 3, List.of(), List.of("Kota Padang")),
            new Province("Riau", 3, List.of(), List.of("Kota Pekanbaru")),
            new Province("Sumatera Selatan", 3, List.of("Sumsel"), List.of("Kota Palembang")),
            new Province("Lampung", 3, List.of(), List.of("Kota Bandar Lampung")),
            new Province("Kepulauan Riau", 2, List.of("Kepri"), List.of("Kota Batam")),
            new Province("Daerah Khusus Ibukota Jakarta", 10, List.of("Jakarta", "DKI Jakarta"),
                    List.of("Kota Jakarta Selatan", "Kota Jakarta Timur")),
            new Province("Jawa Barat", 10, List.of("Jabar"), List.of("Kota Bandung", "Kabupaten Bogor")),
            new Province("Jawa Tengah", 10, List.of("Jateng", "Provinsi Jawa Tengah"), List.of("Kota Semarang", "Kabupaten Wonogiri")),
            new Province("Daerah Istimewa Yogyakarta", 7, List.of("DIY", "Jogja", "DI Yogyakarta"),
                    List.of("Kota Yogyakarta", "Kabupaten Sleman")),
            new Province("Jawa Timur", 9, List.of("Jatim", "Prov. Jawa Timur"), List.of("Kota Surabaya", "Kabupaten Malang")),
            new Province("Banten", 4, List.of(), List.of("Kota Serang")),
            new Province("Bali", 4, List.of(), List.of("Kota Denpasar")),
            new Province("Nusa Tenggara Barat", 3, List.of("NTB"), List.of("Kota Mataram")),
            new Province("Kalimantan Barat", 2, List.of("Kalbar"), List.of("Kota Pontianak")),
            new Province("Kalimantan Timur", 3, List.of("Kaltim"), List.of("Kota Samarinda")),
            new Province("Sulawesi Selatan", 5, List.of("Sulsel"), List.of("Kota Makassar")),
            new Province("Maluku", 2, List.of(), List.of("Kota Ambon")),
            new Province("Papua", 2, List.of(), List.of("Kota Jayapura")));

    private static final List<String> FIRST = List.of("Agus", "Ahmad", "Andi", "Ani", "Bambang", "Budi", "Citra", "Dedi",
            "Dewi", "Dian", "Eka", "Endang", "Fajar", "Fitri", "Gita", "Hadi", "Hendra", "Indah", "Joko", "Kartika", "Lestari",
            "Made", "Maya", "Nur", "Putri", "Rahmat", "Rina", "Rizky", "Sari", "Siti", "Sri", "Taufik", "Tri", "Wahyu",
            "Wayan", "Yanti", "Yudi", "Yusuf", "Zainal", "Nyoman");
    private static final List<String> LAST = List.of("Aminah", "Anggraini", "Budiman", "Darmawan", "Fauzi", "Firmansyah",
            "Gunawan", "Handayani", "Harahap", "Hasibuan", "Hidayat", "Irawan", "Kurniawan", "Lubis", "Maharani", "Nasution",
            "Nugroho", "Pane", "Permana", "Pratama", "Purba", "Purnomo", "Putra", "Rahayu", "Ramadhan", "Saputra", "Setiawan",
            "Simanjuntak", "Siregar", "Situmorang", "Sulistyo", "Susanto", "Syahputra", "Tanjung", "Utami", "Wibowo", "Wijaya",
            "Yulianti", "Zulkarnain", "Sembiring");

    /** Training scores below 70,01, as people write them. */
    private static final List<String> INELIGIBLE_SCORES = List.of("70,00", "65,5", "70.005", "69,99", "52", "70.00");

    private final Catalog catalog;
    private final Random random;
    private final Map<String, List<Task>> tasksByLevel = new HashMap<>();
    private final Map<Integer, List<Task>> tasksBySubcompetency = new HashMap<>();

    DatasetGenerator(Catalog catalog, long seed) {
        this.catalog = catalog;
        this.random = new Random(seed);
        for (Task t : catalog.tasks()) {
            tasksByLevel.computeIfAbsent(t.level(), k -> new ArrayList<>()).add(t);
            tasksBySubcompetency.computeIfAbsent(t.subcompetency(), k -> new ArrayList<>()).add(t);
        }
    }

    /** A participant being built. */
    private static final class Draft {
        int key;
        String target;
        double ability;
        String nip;
        String name;
        String email;
        String phone;
        String institution;
        Province province;
        String provinceWritten;
        String district;
        final List<Enrolment> enrolments = new ArrayList<>();
        final Map<Source, Rater> raters = new EnumMap<>(Source.class);
        final Map<Source, Set<String>> ticks = new EnumMap<>(Source.class);
        final Map<Source, Set<String>> zeros = new EnumMap<>(Source.class);

        Participant freeze() {
            return new Participant(key, nip, name, email, phone, target, institution, province.name(), provinceWritten, district,
                    List.copyOf(enrolments), Map.copyOf(raters), Map.copyOf(ticks), Map.copyOf(zeros));
        }
    }

    Dataset generate() {
        List<String> targets = new ArrayList<>();
        SHAPE.forEach((target, n) -> targets.addAll(Collections.nCopies(n, target)));
        Collections.shuffle(targets, random);
        List<String> names = uniqueNames(targets.size());

        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            drafts.add(person(i + 1, targets.get(i), names.get(i)));
        }
        for (Draft d : drafts) {
            enrol(d, 1 + weighted(new int[] {50, 35, 15}));
            raters(d);
            for (int e = 0; e < d.enrolments.size(); e++) {
                d.enrolments.set(e, withForms(d, d.enrolments.get(e), null));
            }
            if (!d.target.equals(Catalog.PAK)) {
                part1(d);
            }
        }
        specialCases(drafts);
        return new Dataset(drafts.stream().map(Draft::freeze).toList());
    }

    // ------------------------------------------------------------------ people

    private Draft person(int key, String target, String name) {
        Draft d = new Draft();
        d.key = key;
        d.target = target;
        d.name = name;
        d.ability = 1.0 + 3.0 * random.nextDouble();
        boolean pak = target.equals(Catalog.PAK);
        if (!pak || random.nextInt(10) == 0) {
            d.nip = String.format(Locale.ROOT, "%04d%02d%02d%04d%02d%d%03d", 1965 + random.nextInt(34), 1 + random.nextInt(12),
                    1 + random.nextInt(28), 2000 + random.nextInt(24), 1 + random.nextInt(12), 1 + random.nextInt(2), key);
        }
        String slug = name.toLowerCase(Locale.ROOT).replace(' ', '.');
        d.email = slug + "." + key + (pak ? "@bkk-example.sch.id" : "@disnaker-example.go.id");
        d.phone = random.nextBoolean() ? String.format(Locale.ROOT, "08%010d", (long) (random.nextDouble() * 1e10)) : null;
        d.province = PROVINCES.get(weighted(PROVINCES.stream().mapToInt(Province::weight).toArray()));
        d.provinceWritten = !d.province.variants().isEmpty() && random.nextInt(100) < 35
                ? d.province.variants().get(random.nextInt(d.province.variants().size())) : d.province.name();
        d.district = random.nextInt(10) < 3 ? null : d.province.districts().get(random.nextInt(d.province.districts().size()));
        d.institution = pak ? (random.nextBoolean() ? "BKK SMK Negeri " + (1 + random.nextInt(9)) : "LPTKS Karya Mandiri " + key)
                : "Dinas Tenaga Kerja " + (d.district == null ? "Provinsi " + d.province.name() : d.district);
        return d;
    }

    private List<String> uniqueNames(int n) {
        List<String> all = new ArrayList<>();
        for (String f : FIRST) {
            for (String l : LAST) {
                all.add(f + " " + l);
            }
        }
        Collections.shuffle(all, random);
        return all.subList(0, n);
    }

    /** Enrols in n distinct programs that cover the participant's level (fewer when fewer exist). */
    private void enrol(Draft d, int n) {
        List<String> possible = new ArrayList<>(catalog.programs().keySet().stream().filter(p -> catalog.covers(p, d.target)).toList());
        Collections.shuffle(possible, random);
        for (String program : possible.subList(0, Math.min(n, possible.size()))) {
            d.enrolments.add(new Enrolment(program, trainingScore(random.nextInt(100) < 7), false, Map.of()));
        }
    }

    private String trainingScore(boolean ineligible) {
        if (ineligible) {
            return INELIGIBLE_SCORES.get(random.nextInt(INELIGIBLE_SCORES.size()));
        }
        if (random.nextInt(40) == 0) {
            return random.nextBoolean() ? "70,01" : "70.01";
        }
        int hundredths = 7001 + random.nextInt(2999);
        String s = String.format(Locale.ROOT, "%d.%02d", hundredths / 100, hundredths % 100);
        return random.nextInt(10) < 6 ? s.replace('.', ',') : s;
    }

    static boolean eligible(String trainingScore) {
        return new BigDecimal(trainingScore.replace(',', '.')).compareTo(new BigDecimal("70.01")) >= 0;
    }

    /** The supervisor, peer and service user; their names carry a token (PNL…) that no report may show. */
    private void raters(Draft d) {
        String[] emails = {"atasan", "rekan", "pengguna"};
        int[] emailPercent = {70, 50, 20};
        Source[] sources = {Source.ATASAN, Source.REKAN, Source.PENGGUNA};
        for (int i = 0; i < sources.length; i++) {
            String name = FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size())) + " "
                    + raterToken(d.key, sources[i]);
            String email = random.nextInt(100) < emailPercent[i] ? emails[i] + "." + d.key + "@example.go.id" : null;
            d.raters.put(sources[i], new Rater(name, email));
        }
    }

    /** The token in a rater's name, e.g. PNL0412A for the supervisor of participant 412. */
    static String raterToken(int key, Source source) {
        return String.format(Locale.ROOT, "PNL%04d%c", key, source.name().charAt(0));
    }

    // ------------------------------------------------------------------ Part 2

    /**
     * The enrolment with its eligibility and Part-2 forms: usually all four, sometimes one or two sources missing or no
     * form at all. sources overrides which forms exist.
     */
    private Enrolment withForms(Draft d, Enrolment e, Set<Source> sources) {
        boolean eligible = eligible(e.trainingScore());
        if (!eligible) {
            return new Enrolment(e.program(), e.trainingScore(), false, Map.of());
        }
        if (sources == null) {
            sources = new TreeSet<>(List.of(Source.values()));
            int x = random.nextInt(100);
            int missing = x < 3 ? 4 : x < 6 ? 2 : x < 14 ? 1 : 0;
            List<Source> order = new ArrayList<>(List.of(Source.values()));
            Collections.shuffle(order, random);
            order.subList(0, missing).forEach(sources::remove);
        }
        double programAbility = d.ability + random.nextGaussian() * 0.15;
        Map<Source, Map<String, Integer>> forms = new EnumMap<>(Source.class);
        for (Source s : sources) {
            double bias = s == Source.DIRI ? 0.25 : random.nextGaussian() * 0.2;
            forms.put(s, answers(catalog.items(e.program(), d.target), programAbility + bias, 0.04, 0.03));
        }
        return new Enrolment(e.program(), e.trainingScore(), true, forms);
    }

    /**
     * One Part-2 form: each item 1–4 around the ability, "tidak dapat menilai" (null) with naRate, and with
     * allNaRate a whole subkompetensi left unanswered.
     */
    private Map<String, Integer> answers(List<Item> items, double ability, double naRate, double allNaRate) {
        Set<Integer> unanswered = new TreeSet<>();
        items.stream().map(Item::subcompetency).distinct().forEach(s -> {
            if (random.nextDouble() < allNaRate) {
                unanswered.add(s);
            }
        });
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Item i : items) {
            boolean na = unanswered.contains(i.subcompetency()) || random.nextDouble() < naRate;
            answers.put(i.code(), na ? null : (int) Math.max(1, Math.min(4, Math.round(ability + random.nextGaussian() * 0.7))));
        }
        return answers;
    }

    // ------------------------------------------------------------------ Part 1

    /** Usually all three Part-1 forms, sometimes one or all missing. */
    private void part1(Draft d) {
        int x = random.nextInt(100);
        List<Source> sources = new ArrayList<>(Source.PART1);
        if (x < 5) {
            sources.clear();
        } else if (x < 14) {
            sources.remove(random.nextInt(3));
        }
        for (Source s : sources) {
            tickForm(d, s);
        }
    }

    /** Chooses 3–9 subkompetensi, then ticks mostly tasks of the own level, fewer of the neighbouring ones. */
    private void tickForm(Draft d, Source s) {
        List<Integer> subs = new ArrayList<>(tasksBySubcompetency.keySet());
        Collections.shuffle(subs, random);
        List<Integer> scope = subs.subList(0, 3 + random.nextInt(7));
        int own = Catalog.PK_LEVELS.indexOf(d.target);
        Set<String> ticks = new TreeSet<>();
        Set<String> zeros = new TreeSet<>();
        boolean listZeros = random.nextInt(10) < 3;
        for (int sub : scope) {
            for (Task t : tasksBySubcompetency.get(sub)) {
                int distance = Math.abs(Catalog.PK_LEVELS.indexOf(t.level()) - own);
                double p = distance == 0 ? 0.55 : distance == 1 ? 0.25 : 0.08;
                if (random.nextDouble() < p) {
                    ticks.add(t.code());
                } else if (listZeros) {
                    zeros.add(t.code());
                }
            }
        }
        if (ticks.isEmpty()) {
            Task t = tasksBySubcompetency.get(scope.get(0)).get(0);
            ticks.add(t.code());
            zeros.remove(t.code());
        }
        d.ticks.put(s, ticks);
        d.zeros.put(s, zeros);
    }

    /**
     * Part-1 forms with a given number of ticked tasks per level: per form, {own level, the next level}. Used for
     * shares of exactly 0,75 (ideal) and percentages at .5 (12,5 → 13).
     */
    private void tickPattern(Draft d, int[][] perForm) {
        int own = Catalog.PK_LEVELS.indexOf(d.target);
        String other = Catalog.PK_LEVELS.get(own == 3 ? 2 : own + 1);
        for (int f = 0; f < 3; f++) {
            Set<String> ticks = new TreeSet<>();
            ticks.addAll(pick(d.target, perForm[f][0]));
            ticks.addAll(pick(other, perForm[f][1]));
            d.ticks.put(Source.PART1.get(f), ticks);
            d.zeros.put(Source.PART1.get(f), Set.of());
        }
    }

    private List<String> pick(String level, int n) {
        List<Task> tasks = new ArrayList<>(tasksByLevel.get(level));
        Collections.shuffle(tasks, random);
        return tasks.subList(0, n).stream().map(Task::code).toList();
    }

    // ------------------------------------------------------------------ special cases

    /**
     * Overrides some participants (chosen by kind, deterministically) to make the edge cases certain: scores at the band
     * boundaries, a subkompetensi no source could rate, a complete program with nothing rated, Part-1 shares of exactly
     * 0,75 and .5 percentages, participants with no eligible enrolment.
     */
    private void specialCases(List<Draft> drafts) {
        Set<Draft> used = new HashSet<>();
        for (long[] window : BOUNDARY_WINDOWS) {
            boundary(take(drafts, used, d -> d.target.equals("AHLI_MUDA") || d.target.equals("AHLI_MADYA")), "CDMP-SEA-2025", window);
            boundary(take(drafts, used, d -> d.target.equals(Catalog.PAK)), "BIMTEK-PAK-YOGYA-2025", window);
        }
        // every source answers "tidak dapat menilai" on one subkompetensi: score(p,g,s) undefined, the others count
        for (int i = 0; i < 3; i++) {
            Draft d = take(drafts, used, x -> x.target.equals("AHLI_MUDA") || x.target.equals("AHLI_MADYA"));
            single(d, "COP-DISABILITAS-2025", Set.of(Source.values()));
            Enrolment e = d.enrolments.get(0);
            int s = catalog.rated(e.program(), d.target).get(1 + i);
            Map<Source, Map<String, Integer>> forms = new EnumMap<>(Source.class);
            e.forms().forEach((source, answers) -> {
                Map<String, Integer> copy = new LinkedHashMap<>(answers);
                catalog.items(e.program(), d.target, s).forEach(item -> copy.put(item.code(), null));
                forms.put(source, copy);
            });
            d.enrolments.set(0, new Enrolment(e.program(), e.trainingScore(), true, forms));
        }
        // all four forms submitted, every answer "tidak dapat menilai": no result, no missing rater
        Draft empty = take(drafts, used, d -> d.target.equals(Catalog.PAK));
        single(empty, "GENAI-PAK-2025", Set.of(Source.values()));
        Enrolment e = empty.enrolments.get(0);
        Map<Source, Map<String, Integer>> forms = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            Map<String, Integer> none = new LinkedHashMap<>();
            catalog.items(e.program(), empty.target).forEach(i -> none.put(i.code(), null));
            forms.put(s, none);
        }
        empty.enrolments.set(0, new Enrolment(e.program(), e.trainingScore(), true, forms));
        // Part 1 at the exact thresholds: {own, next level} ticks per form
        int[][][] patterns = {
            {{2, 0}, {2, 1}, {2, 1}}, // 6 of 8 own: share exactly 0,75 → ideal; 75 % / 25 %
            {{3, 0}, {2, 1}, {2, 0}}, // 7 and 1 of 8: 87,5 → 88 %, 12,5 → 13 %
            {{2, 1}, {2, 1}, {1, 1}}, // 5 and 3 of 8: 62,5 → 63 %, 37,5 → 38 %, not ideal
            {{1, 1}, {1, 0}, {1, 0}}}; // 3 of 4: 0,75 → ideal
        for (int[][] pattern : patterns) {
            tickPattern(take(drafts, used, d -> !d.target.equals(Catalog.PAK) && d.ticks.size() == 3
                    && d.enrolments.stream().anyMatch(x -> x.eligible() && x.forms().size() == 4)), pattern);
        }
        // no eligible enrolment at all (the PK ones keep their Part-1 forms, as on paper)
        for (int i = 0; i < 6; i++) {
            Draft d = take(drafts, used, x -> x.enrolments.size() == 1 && x.key % 3 == 0);
            Enrolment x = d.enrolments.get(0);
            d.enrolments.set(0, new Enrolment(x.program(), INELIGIBLE_SCORES.get(i), false, Map.of()));
        }
        exactHalfMean(drafts, used, "GENAI-PK-2025", "AHLI_PERTAMA");
    }

    /**
     * Makes the national Tabel 3.4 cell (program, level) an exact x,xx5 before rounding (so that only exact arithmetic
     * rounds it up): the cell's count is brought to a multiple of 5 (a participant loses the service user's form, hence
     * the result), then one participant's answers are drawn until the mean lands exactly there.
     */
    private void exactHalfMean(List<Draft> drafts, Set<Draft> used, String program, String level) {
        List<Draft> members = new ArrayList<>(drafts.stream().filter(d -> d.target.equals(level) && outcome(d, program) != null
                && outcome(d, program).result()).toList());
        Draft chosen = members.stream().filter(d -> !used.contains(d) && d.enrolments.size() == 1).findFirst().orElseThrow();
        used.add(chosen);
        for (Draft d : List.copyOf(members)) {
            if (members.size() % 5 == 0) {
                break;
            }
            if (d != chosen && !used.contains(d)) {
                used.add(d);
                int i = indexOf(d, program);
                Enrolment e = d.enrolments.get(i);
                Map<Source, Map<String, Integer>> forms = new EnumMap<>(e.forms());
                forms.remove(Source.PENGGUNA);
                d.enrolments.set(i, new Enrolment(program, e.trainingScore(), true, forms));
                members.remove(d);
            }
        }
        Q others = Q.ZERO;
        for (Draft d : members) {
            if (d != chosen) {
                others = others.plus(outcome(d, program).score());
            }
        }
        Q count = Q.of(members.size());
        for (int attempt = 0; attempt < 200_000; attempt++) {
            Map<Source, Map<String, Integer>> forms = new EnumMap<>(Source.class);
            for (Source s : Source.values()) {
                forms.put(s, answers(catalog.items(program, level), chosen.ability + random.nextGaussian() * 0.3, 0.2, 0));
            }
            Enrolment e = new Enrolment(program, chosen.enrolments.get(0).trainingScore(), true, forms);
            Q score = ReportCalculator.program(catalog, level, e).score();
            if (score == null) {
                continue;
            }
            Q thousandths = others.plus(score).dividedBy(count).times(Q.of(1000));
            if (thousandths.den().intValue() == 1 && thousandths.num().mod(BigInteger.TEN).intValue() == 5) {
                chosen.enrolments.set(0, e);
                return;
            }
        }
        throw new IllegalStateException("no answers found for an exact x,xx5 mean in " + program + " × " + level);
    }

    private ReportCalculator.ProgramOutcome outcome(Draft d, String program) {
        int i = indexOf(d, program);
        return i < 0 || !d.enrolments.get(i).eligible() ? null : ReportCalculator.program(catalog, d.target, d.enrolments.get(i));
    }

    private static int indexOf(Draft d, String program) {
        for (int i = 0; i < d.enrolments.size(); i++) {
            if (d.enrolments.get(i).program().equals(program)) {
                return i;
            }
        }
        return -1;
    }

    /** The first participant not used for another special case that matches. */
    private static Draft take(List<Draft> drafts, Set<Draft> used, Predicate<Draft> matches) {
        Draft d = drafts.stream().filter(x -> !used.contains(x) && matches.test(x)).findFirst().orElseThrow();
        used.add(d);
        return d;
    }

    /** Leaves only one eligible enrolment in this program with these forms. */
    private void single(Draft d, String program, Set<Source> sources) {
        d.enrolments.clear();
        d.enrolments.add(withForms(d, new Enrolment(program, trainingScore(false), true, Map.of()), sources));
    }

    /** Draws the answers of one complete program again and again until score(p) falls in the window (in thousandths). */
    private void boundary(Draft d, String program, long[] window) {
        Q low = Q.of(window[0], 1000);
        Q high = Q.of(window[1], 1000);
        d.ability = window[0] / 1000.0;
        for (int attempt = 0; attempt < 200_000; attempt++) {
            Enrolment e = new Enrolment(program, trainingScore(false), true, Map.of());
            Map<Source, Map<String, Integer>> forms = new EnumMap<>(Source.class);
            for (Source s : Source.values()) {
                forms.put(s, answers(catalog.items(program, d.target), d.ability + random.nextGaussian() * 0.05, 0.2, 0));
            }
            e = new Enrolment(program, e.trainingScore(), true, forms);
            Q score = ReportCalculator.program(catalog, d.target, e).score();
            if (score != null && score.compareTo(low) >= 0 && score.compareTo(high) < 0) {
                d.enrolments.clear();
                d.enrolments.add(e);
                return;
            }
        }
        throw new IllegalStateException("no answers found for score(p) in " + low + " … " + high + " (" + program + ", " + d.target + ")");
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
