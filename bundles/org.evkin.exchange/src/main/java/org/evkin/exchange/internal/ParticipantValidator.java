package org.evkin.exchange.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.evkin.exchange.Category;
import org.evkin.exchange.ImportOptions;
import org.evkin.exchange.ImportResult;
import org.evkin.exchange.ParticipantRow;
import org.evkin.exchange.ProgramCatalog;
import org.evkin.exchange.Provinces;
import org.evkin.model.Target;

/** Checks every row of a participant import (SPEC 5) and the rows against each other; all-or-nothing. */
final class ParticipantValidator {

    static final String NIP = "nip";
    static final String NAME = "nama";
    static final String EMAIL = "email";
    static final String PHONE = "telepon";
    static final String CATEGORY = "kategori";
    static final String LEVEL = "jenjang";
    static final String INSTITUTION = "instansi";
    static final String PROVINCE = "provinsi";
    static final String REGENCY = "kabupaten_kota";
    static final String PROGRAM = "program";
    static final String SCORE = "nilai_pelatihan";

    /** The header names of SPEC 5, in the documented order. */
    static final List<String> COLUMNS = List.of(NIP, NAME, EMAIL, PHONE, CATEGORY, LEVEL, INSTITUTION, PROVINCE,
            REGENCY, PROGRAM, SCORE);

    private final ProgramCatalog catalog;
    private final ImportOptions options;
    private final Messages messages;
    private final Problems problems;

    private final Map<String, Identity> identities = new HashMap<>();
    private final Map<String, Integer> enrolments = new HashMap<>();
    private final Map<String, Owner> emailOwners = new HashMap<>();
    private final Map<String, Optional<Category>> programCategories = new HashMap<>();

    ParticipantValidator(ProgramCatalog catalog, ImportOptions options, Messages messages, Problems problems) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.options = options;
        this.messages = messages;
        this.problems = problems;
    }

    ImportResult<ParticipantRow> validate(Table table) {
        List<ParticipantRow> rows = Columns.checkRows(table, COLUMNS, problems, this::row);
        return problems.result(rows == null ? List.of() : rows);
    }

    /** The valid row, or null when it has a problem (reported). */
    private ParticipantRow row(SheetRow row, Columns columns) {
        int before = problems.count();
        int r = row.number();
        Fields f = Fields.of(row, columns, problems);

        Category category = null;
        String categoryText = f.text(CATEGORY);
        if (categoryText != null) {
            if (categoryText.isEmpty()) {
                problems.cell(r, CATEGORY, "value.required.category");
            } else {
                category = Category.parse(categoryText).orElse(null);
                if (category == null) {
                    problems.cell(r, CATEGORY, "category.invalid", Text.shown(categoryText));
                }
            }
        }

        String nip = nip(f, r, category);
        String name = f.required(NAME);
        String email = null;
        String emailText = f.required(EMAIL);
        if (emailText != null) {
            email = Values.email(emailText);
            if (email == null) {
                problems.cell(r, EMAIL, "email.invalid", Text.shown(emailText));
            }
        }
        String phone = null;
        String phoneText = f.text(PHONE);
        if (phoneText != null && !phoneText.isEmpty()) {
            phone = Values.phone(phoneText);
            if (phone == null) {
                problems.cell(r, PHONE, "phone.invalid", Text.shown(phoneText));
            }
        }
        Target level = level(f, r, category);
        String institution = f.required(INSTITUTION);
        String province = null;
        String provinceText = f.required(PROVINCE);
        if (provinceText != null) {
            province = Provinces.normalize(provinceText).orElse(null);
            if (province == null) {
                problems.cell(r, PROVINCE, "province.invalid", Text.shown(provinceText));
            }
        }
        String regencyText = f.text(REGENCY);
        String regency = regencyText == null || regencyText.isEmpty() ? null : regencyText;
        String program = program(f, r, category, level);
        BigDecimal score = score(f, r);

        String identityKey = null;
        String who = null;
        if (nip != null) {
            identityKey = "nip:" + nip;
            who = messages.format("who.nip", nip);
        } else if (email != null && category != Category.PK && Text.clean(f.cell(NIP).text()).isEmpty()) {
            identityKey = "email:" + email;
            who = messages.format("who.email", email);
        }
        if (identityKey != null) {
            crossCheck(r, identityKey, who, new Identity(r, name, email, category, level, institution, province,
                    regency), program);
        }

        if (problems.count() > before) {
            return null;
        }
        boolean eligible = score.compareTo(options.eligibilityThreshold()) >= 0;
        String reason = eligible ? null : messages.format("eligibility.belowThreshold", Text.decimal(score),
                Text.decimal(options.eligibilityThreshold()));
        return new ParticipantRow(r, nip, name, email, phone, category, category == Category.PK ? level : null,
                institution, province, regency, program, score, eligible, reason);
    }

    private String nip(Fields f, int r, Category category) {
        Cell cell = f.cell(NIP);
        if (cell.kind() == Cell.Kind.NUMBER) {
            problems.cell(r, NIP, "nip.numericCell", Text.shown(cell.text()));
            return null;
        }
        String text = f.text(NIP);
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            if (category == Category.PK) {
                problems.cell(r, NIP, "nip.required");
            }
            return null;
        }
        String nip = Values.nip(text);
        if (nip == null) {
            problems.cell(r, NIP, Values.scientific(text) ? "nip.scientific" : "nip.invalid", Text.shown(text));
        }
        return nip;
    }

    private Target level(Fields f, int r, Category category) {
        String text = f.text(LEVEL);
        if (text == null) {
            return null;
        }
        boolean pakLike = text.isEmpty() || text.equals("-") || text.equalsIgnoreCase("PAK")
                || text.equalsIgnoreCase(Target.PAK.label());
        if (category == Category.PAK) {
            if (!pakLike) {
                problems.cell(r, LEVEL, "level.notForPak", Text.shown(text));
            }
            return Target.PAK;
        }
        if (category == Category.PK && text.isEmpty()) {
            problems.cell(r, LEVEL, "level.required");
            return null;
        }
        if (text.isEmpty() || (category == null && pakLike)) {
            return null;
        }
        Target level = Target.parseLevel(text).orElse(null);
        if (level == null) {
            problems.cell(r, LEVEL, "level.invalid", Text.shown(text));
        }
        return level;
    }

    private String program(Fields f, int r, Category category, Target target) {
        String text = f.required(PROGRAM);
        if (text == null) {
            return null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        Optional<Category> programCategory = programCategories.computeIfAbsent(code,
                k -> Objects.requireNonNullElse(catalog.programCategory(k), Optional.empty()));
        if (programCategory.isEmpty()) {
            problems.cell(r, PROGRAM, "program.unknown", Text.shown(text));
            return null;
        }
        if (category != null && programCategory.get() != category) {
            problems.cell(r, PROGRAM, "program.categoryMismatch", code, programCategory.get(), category);
            return null;
        }
        if (category != null && target != null && !catalog.hasBatteryAt(code, target)) {
            problems.cell(r, PROGRAM, "program.noBatteryAtLevel", code, target.label());
            return null;
        }
        return code;
    }

    private BigDecimal score(Fields f, int r) {
        Cell cell = f.cell(SCORE);
        String text = f.required(SCORE);
        if (text == null) {
            return null;
        }
        BigDecimal score;
        if (cell.kind() == Cell.Kind.NUMBER) {
            score = new BigDecimal(text);
        } else {
            score = Values.decimal(text);
        }
        if (score == null) {
            problems.cell(r, SCORE, "score.notNumber", Text.shown(text));
            return null;
        }
        if (!Values.percentRange(score)) {
            problems.cell(r, SCORE, "score.outOfRange", Text.shown(cell.kind() == Cell.Kind.NUMBER
                    ? Text.decimal(score) : text));
            return null;
        }
        return score;
    }

    /** The same person's rows must agree; one person per e-mail; one enrolment per person and program. */
    private void crossCheck(int r, String key, String who, Identity current, String program) {
        Identity first = identities.putIfAbsent(key, current);
        if (first != null) {
            compare(r, who, first, NAME, first.name, current.name, true);
            compare(r, who, first, EMAIL, first.email, current.email, false);
            compare(r, who, first, CATEGORY, first.category, current.category, false);
            if (current.category == Category.PK && first.category == Category.PK) {
                compare(r, who, first, LEVEL, label(first.level), label(current.level), false);
            }
            compare(r, who, first, INSTITUTION, first.institution, current.institution, true);
            compare(r, who, first, PROVINCE, first.province, current.province, false);
            compare(r, who, first, REGENCY, first.regency, current.regency, true);
        }
        if (current.email != null) {
            Owner owner = emailOwners.putIfAbsent(current.email, new Owner(key, r, who));
            if (owner != null && !owner.key.equals(key)) {
                problems.cell(r, EMAIL, "email.usedByOther", current.email, owner.row, owner.who);
            }
        }
        if (program != null) {
            Integer previous = enrolments.putIfAbsent(key + "\u0000" + program, r);
            if (previous != null) {
                problems.cell(r, PROGRAM, "enrolment.duplicate", who, program, previous);
            }
        }
    }

    private void compare(int r, String who, Identity first, String column, Object a, Object b, boolean ignoreCase) {
        if (a == null || b == null) {
            return;
        }
        boolean same = ignoreCase ? a.toString().equalsIgnoreCase(b.toString()) : a.equals(b);
        if (!same) {
            problems.cell(r, column, "identity.conflict", Text.shown(b.toString()), first.row, who,
                    Text.shown(a.toString()));
        }
    }

    private static String label(Target level) {
        return level == null ? null : level.label();
    }

    /** The identity fields of a person as the first of his or her rows gives them. */
    private record Identity(int row, String name, String email, Category category, Target level, String institution,
            String province, String regency) {
    }

    /** Who first used an e-mail. */
    private record Owner(String key, int row, String who) {
    }
}
