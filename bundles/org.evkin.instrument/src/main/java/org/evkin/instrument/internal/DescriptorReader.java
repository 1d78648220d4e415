package org.evkin.instrument.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.evkin.instrument.Band;
import org.evkin.instrument.DeploymentProblem.Problem;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.Item;
import org.evkin.instrument.ReportTemplate;
import org.evkin.instrument.Scale;
import org.evkin.instrument.TargetKind;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Target;

/**
 * Reads an instrument descriptor (EVKIN-INF/instrument.json) and checks it against the published schema
 * (instrument-1.schema.json) and the competency model. Collects every problem with its JSON path instead of
 * stopping at the first, so that an instrument designer can fix them all in one go.
 */
public final class DescriptorReader {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");
    static final Pattern VERSION = Pattern.compile("(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})");
    private static final Set<String> ROOT = Set.of("$schema", "code", "version", "title", "organizer", "training", "description",
            "target", "battery", "scale", "items", "report");
    /** Numbers with a fraction are read as BigDecimal (as written, never through a double): weights, idealThreshold. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** The rater sources whose weights a report template may set, in the order the platform lists them. */
    static final List<String> SOURCES = List.of("DIRI", "ATASAN", "REKAN", "PENGGUNA");
    private static final Pattern BAND_MIN = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,2})?");

    private final CompetencyModel model;

    public DescriptorReader(CompetencyModel model) {
        this.model = model;
    }

    /** The outcome: a definition when there are no problems, else the problems (never both). */
    public record Result(InstrumentDefinition definition, List<Problem> problems, String code, String version) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result read(byte[] descriptor) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(descriptor);
        } catch (JsonParseException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return new Result(null, List.of(new Problem("$", "not valid JSON" + where + ": " + e.getOriginalMessage())), null, null);
        } catch (IOException e) {
            return new Result(null, List.of(new Problem("$", "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""))),
                    null, null);
        }
        if (root == null || !root.isObject()) {
            return new Result(null, List.of(new Problem("$", "must be a JSON object")), null, null);
        }
        unknown(root, "$", ROOT, problems);
        if (root.has("$schema") && !root.get("$schema").isTextual()) {
            problems.add(new Problem("$.$schema", "must be text"));
        }
        String code = identifier(root, "code", "$", problems);
        if (code != null && !CODE.matcher(code).matches()) {
            problems.add(new Problem("$.code", "must be 3-64 capital letters, digits or '-', e.g. COP-BISINDO-2025"));
        }
        String version = identifier(root, "version", "$", problems);
        if (version != null && !VERSION.matcher(version).matches()) {
            problems.add(new Problem("$.version", "must be major.minor.micro, e.g. 1.0.0"));
        }
        String title = text(root, "title", "$", problems, true);
        String organizer = text(root, "organizer", "$", problems, true);
        String description = text(root, "description", "$", problems, false);
        LocalDate start = null;
        LocalDate end = null;
        String schedule = null;
        JsonNode training = object(root, "training", "$", problems);
        if (training != null) {
            unknown(training, "$.training", Set.of("start", "end", "schedule"), problems);
            start = date(training, "start", problems);
            end = date(training, "end", problems);
            schedule = text(training, "schedule", "$.training", problems, false);
            if (start != null && end != null && end.isBefore(start)) {
                problems.add(new Problem("$.training.end", "ends before it starts (" + start + ")"));
            }
        }
        TargetKind kind = null;
        List<Target> levels = new ArrayList<>();
        JsonNode target = object(root, "target", "$", problems);
        if (target != null) {
            unknown(target, "$.target", Set.of("kind", "levels"), problems);
            String k = identifier(target, "kind", "$.target", problems);
            if ("PK".equals(k)) {
                kind = TargetKind.PK;
                JsonNode ls = target.get("levels");
                if (ls == null || !ls.isArray() || ls.isEmpty()) {
                    problems.add(new Problem("$.target.levels", "a PK instrument needs a non-empty list of levels"));
                } else {
                    for (int i = 0; i < ls.size(); i++) {
                        Target t = pkLevel(ls.get(i).asText());
                        if (t == null) {
                            problems.add(new Problem("$.target.levels[" + i + "]", "unknown level '" + ls.get(i).asText()
                                    + "' (AHLI_PERTAMA, AHLI_MUDA, AHLI_MADYA or AHLI_UTAMA)"));
                        } else if (levels.contains(t)) {
                            problems.add(new Problem("$.target.levels[" + i + "]", "level " + t + " is listed twice"));
                        } else {
                            levels.add(t);
                        }
                    }
                }
            } else if ("PAK".equals(k)) {
                kind = TargetKind.PAK;
                levels.add(Target.PAK);
                if (target.has("levels")) {
                    problems.add(new Problem("$.target.levels", "a PAK instrument has no levels"));
                }
            } else if (k != null) {
                problems.add(new Problem("$.target.kind", "must be PK or PAK, not '" + k + "'"));
            }
        }
        List<Integer> battery = new ArrayList<>();
        JsonNode b = root.get("battery");
        if (b == null || !b.isArray() || b.isEmpty()) {
            problems.add(new Problem("$.battery", "a non-empty list of subkompetensi numbers (1-15) is required"));
        } else {
            for (int i = 0; i < b.size(); i++) {
                JsonNode n = b.get(i);
                if (!n.isNumber() || !n.canConvertToExactIntegral() || model.subcompetency(n.asInt()).isEmpty()) {
                    problems.add(new Problem("$.battery[" + i + "]", "unknown subkompetensi " + n + " (1-15)"));
                } else if (battery.contains(n.asInt())) {
                    problems.add(new Problem("$.battery[" + i + "]", "subkompetensi " + n.asInt() + " is listed twice"));
                } else {
                    battery.add(n.asInt());
                }
            }
        }
        Scale scale = scale(root, problems);
        List<Item> items = items(root, kind, levels, battery, problems);
        coverage(kind, levels, battery, items, problems);
        ReportTemplate report = report(root, problems);
        boolean idOk = code != null && CODE.matcher(code).matches() && version != null && VERSION.matcher(version).matches();
        if (!problems.isEmpty()) {
            return new Result(null, problems, idOk ? code : null, idOk ? version : null);
        }
        return new Result(new InstrumentDefinition(code, version, title, organizer, start, end, schedule, description, kind,
                levels, battery, scale, items, report, sha256(descriptor)), List.of(), code, version);
    }

    private List<Item> items(JsonNode root, TargetKind kind, List<Target> levels, List<Integer> battery, List<Problem> problems) {
        List<Item> items = new ArrayList<>();
        JsonNode arr = root.get("items");
        if (arr == null || !arr.isArray() || arr.isEmpty()) {
            problems.add(new Problem("$.items", "a non-empty list of items is required"));
            return items;
        }
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < arr.size(); i++) {
            String path = "$.items[" + i + "]";
            JsonNode it = arr.get(i);
            if (!it.isObject()) {
                problems.add(new Problem(path, "must be an object"));
                continue;
            }
            unknown(it, path, Set.of("code", "subcompetency", "level", "self", "other"), problems);
            String code = identifier(it, "code", path, problems);
            if (code != null) {
                if (!CODE.matcher(code).matches()) {
                    problems.add(new Problem(path + ".code", "must be 3-64 capital letters, digits or '-'"));
                }
                Integer previous = codes.putIfAbsent(code, i);
                if (previous != null) {
                    problems.add(new Problem(path + ".code", "duplicate item code " + code + " (also $.items[" + previous + "])"));
                }
            }
            JsonNode sn = it.get("subcompetency");
            Integer sub = null;
            if (sn == null || !sn.isNumber() || !sn.canConvertToExactIntegral()) {
                problems.add(new Problem(path + ".subcompetency", "a subkompetensi number (1-15) is required"));
            } else if (model.subcompetency(sn.asInt()).isEmpty()) {
                problems.add(new Problem(path + ".subcompetency", "unknown subkompetensi " + sn.asInt() + " (1-15)"));
            } else {
                sub = sn.asInt();
                if (!battery.contains(sub)) {
                    problems.add(new Problem(path + ".subcompetency", "subkompetensi " + sub + " is not in the battery " + battery));
                }
            }
            String l = identifier(it, "level", path, problems);
            Target level = null;
            if (l != null) {
                level = kind == TargetKind.PAK ? ("PAK".equals(l) ? Target.PAK : null) : pkLevel(l);
                if (level == null) {
                    problems.add(new Problem(path + ".level", kind == TargetKind.PAK ? "must be PAK in a PAK instrument"
                            : "unknown level '" + l + "'"));
                } else if (!levels.isEmpty() && !levels.contains(level)) {
                    problems.add(new Problem(path + ".level", "level " + level + " is not among the target levels " + levels));
                }
            }
            if (sub != null && level != null && model.blueprint(level, sub).isEmpty()) {
                problems.add(new Problem(path, "subkompetensi " + sub + " (" + model.subcompetency(sub).get().name()
                        + ") does not exist at " + level.label() + ": its blueprint cell is empty"));
            }
            String self = text(it, "self", path, problems, true);
            String other = text(it, "other", path, problems, true);
            if (code != null && sub != null && level != null && self != null && other != null) {
                items.add(new Item(code, sub, level, self, other));
            }
        }
        return items;
    }

    /** Every battery subkompetensi that exists at a target level must have items there; every level something to rate. */
    private void coverage(TargetKind kind, List<Target> levels, List<Integer> battery, List<Item> items, List<Problem> problems) {
        if (kind == null) {
            return;
        }
        for (Target level : levels) {
            boolean any = false;
            for (int s : battery) {
                if (model.blueprint(level, s).isEmpty()) {
                    continue;
                }
                any = true;
                if (items.stream().noneMatch(i -> i.level() == level && i.subcompetency() == s)) {
                    problems.add(new Problem("$.items", "no items for subkompetensi " + s + " at " + level.label()));
                }
            }
            if (!any) {
                problems.add(new Problem("$.target.levels", "no battery subkompetensi exists at " + level.label()
                        + ": remove the level or change the battery"));
            }
        }
    }

    private Scale scale(JsonNode root, List<Problem> problems) {
        JsonNode s = object(root, "scale", "$", problems);
        if (s == null) {
            return null;
        }
        unknown(s, "$.scale", Set.of("labels", "notObserved"), problems);
        Map<Integer, String> labels = new TreeMap<>();
        JsonNode l = object(s, "labels", "$.scale", problems);
        if (l != null) {
            unknown(l, "$.scale.labels", Set.of("1", "2", "3", "4"), problems);
            for (int v = 1; v <= 4; v++) {
                String label = text(l, Integer.toString(v), "$.scale.labels", problems, true);
                if (label != null) {
                    labels.put(v, label);
                }
            }
        }
        String na = text(s, "notObserved", "$.scale", problems, true);
        return new Scale(labels, na);
    }

    private ReportTemplate report(JsonNode root, List<Problem> problems) {
        JsonNode r = object(root, "report", "$", problems);
        if (r == null) {
            return null;
        }
        unknown(r, "$.report", Set.of("title", "intro", "closing", "categories", "weights", "idealThreshold"), problems);
        String title = text(r, "title", "$.report", problems, true);
        String intro = text(r, "intro", "$.report", problems, false);
        String closing = text(r, "closing", "$.report", problems, false);
        List<Band> bands = new ArrayList<>();
        JsonNode cats = r.get("categories");
        if (cats != null) {
            if (!cats.isArray() || cats.size() < 2) {
                problems.add(new Problem("$.report.categories", "at least two bands, highest first"));
            } else {
                for (int i = 0; i < cats.size(); i++) {
                    String path = "$.report.categories[" + i + "]";
                    JsonNode c = cats.get(i);
                    unknown(c, path, Set.of("min", "category", "predicate"), problems);
                    BigDecimal min = null;
                    JsonNode m = c.path("min");
                    if (m.isTextual() && BAND_MIN.matcher(m.asText()).matches()) {
                        min = new BigDecimal(m.asText()).setScale(2);
                    } else {
                        problems.add(new Problem(path + ".min", "a score with at most two decimals, written as text, e.g. \"3.41\""));
                    }
                    String category = text(c, "category", path, problems, true);
                    String predicate = text(c, "predicate", path, problems, true);
                    if (min != null && (min.compareTo(BigDecimal.ONE) < 0 || min.compareTo(BigDecimal.valueOf(4)) > 0)) {
                        problems.add(new Problem(path + ".min", "must be between 1.00 and 4.00"));
                    }
                    if (min != null && !bands.isEmpty() && min.compareTo(bands.get(bands.size() - 1).min()) >= 0) {
                        problems.add(new Problem(path + ".min", "bands must be listed highest first, each lower than the one before"));
                    }
                    if (min != null && category != null && predicate != null) {
                        bands.add(new Band(min, category, predicate));
                    }
                }
                if (!bands.isEmpty() && bands.get(bands.size() - 1).min().compareTo(new BigDecimal("1.00")) != 0) {
                    problems.add(new Problem("$.report.categories", "the lowest band must start at 1.00 so that every score has a category"));
                }
            }
        }
        Map<String, BigDecimal> weights = weights(r, problems);
        BigDecimal idealThreshold = idealThreshold(r, problems);
        return new ReportTemplate(title, intro, closing, bands, weights, idealThreshold);
    }

    /** Optional $.report.weights: a number ≥ 0 for each of the four sources, at least one above 0; absent = the platform's. */
    private static Map<String, BigDecimal> weights(JsonNode report, List<Problem> problems) {
        JsonNode w = report.get("weights");
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        if (w == null) {
            return weights;
        }
        String path = "$.report.weights";
        if (!w.isObject()) {
            problems.add(new Problem(path, "must be an object with a weight for each of " + String.join(", ", SOURCES)));
            return weights;
        }
        unknown(w, path, new LinkedHashSet<>(SOURCES), problems);
        boolean complete = true;
        for (String source : SOURCES) {
            JsonNode n = w.get(source);
            if (n == null) {
                problems.add(new Problem(path + "." + source, "is required: when weights are given, all four sources "
                        + String.join(", ", SOURCES) + " need one"));
                complete = false;
            } else if (!n.isNumber()) {
                problems.add(new Problem(path + "." + source, "must be a number, 0 or more, e.g. 1 or 2"));
                complete = false;
            } else if (n.decimalValue().signum() < 0) {
                problems.add(new Problem(path + "." + source, "must not be negative (" + n.decimalValue().toPlainString() + ")"));
                complete = false;
            } else {
                weights.put(source, n.decimalValue());
            }
        }
        if (complete && weights.values().stream().noneMatch(v -> v.signum() > 0)) {
            problems.add(new Problem(path, "at least one weight must be greater than 0"));
        }
        return weights;
    }

    /** Optional $.report.idealThreshold: the share of the own level's activities for the kondisi kerja ideal, in (0, 1]. */
    private static BigDecimal idealThreshold(JsonNode report, List<Problem> problems) {
        JsonNode t = report.get("idealThreshold");
        if (t == null) {
            return null;
        }
        String path = "$.report.idealThreshold";
        if (!t.isNumber()) {
            problems.add(new Problem(path, "must be a number greater than 0 and at most 1, e.g. 0.75"));
            return null;
        }
        BigDecimal value = t.decimalValue();
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
            problems.add(new Problem(path, "must be greater than 0 and at most 1, e.g. 0.75 for 75 %, not " + value.toPlainString()));
            return null;
        }
        return value;
    }

    private static Target pkLevel(String s) {
        try {
            Target t = Target.valueOf(s);
            return t.isPkLevel() ? t : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(JsonNode training, String field, List<Problem> problems) {
        String path = "$.training." + field;
        JsonNode n = training.get(field);
        if (n == null || !n.isTextual()) {
            problems.add(new Problem(path, "a date (YYYY-MM-DD) is required"));
            return null;
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(path, "'" + n.asText() + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** A required identifier (code, version, kind, level): taken exactly as written, surrounding spaces are an error. */
    private static String identifier(JsonNode parent, String field, String path, List<Problem> problems) {
        String value = text(parent, field, path, problems, true);
        if (value != null && !value.equals(parent.get(field).asText())) {
            problems.add(new Problem(path + "." + field, "must not have spaces before or after it"));
            return null;
        }
        return value;
    }

    private static JsonNode object(JsonNode parent, String field, String path, List<Problem> problems) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            problems.add(new Problem(path + "." + field, n == null ? "is required" : "must be an object"));
            return null;
        }
        return n;
    }

    private static String text(JsonNode parent, String field, String path, List<Problem> problems, boolean required) {
        JsonNode n = parent.get(field);
        String p = path + "." + field;
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(new Problem(p, "is required"));
            }
            return null;
        }
        if (!n.isTextual()) {
            problems.add(new Problem(p, "must be text"));
            return null;
        }
        if (n.asText().isBlank()) {
            if (required) {
                problems.add(new Problem(p, "must not be empty"));
            }
            return null;
        }
        return n.asText().strip();
    }

    private static void unknown(JsonNode node, String path, Set<String> allowed, List<Problem> problems) {
        Set<String> extra = new LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                extra.add(f);
            }
        }
        for (String f : extra) {
            problems.add(new Problem(path + "." + f, "unknown property (allowed: " + String.join(", ", allowed) + ")"));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Orders versions: major, minor, micro as numbers. */
    static long versionOrder(String version) {
        String[] p = version.split("\\.");
        return Long.parseLong(p[0]) * 1_000_000_000_000L + Long.parseLong(p[1]) * 1_000_000L + Long.parseLong(p[2]);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
