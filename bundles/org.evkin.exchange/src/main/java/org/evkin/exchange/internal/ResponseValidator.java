package org.evkin.exchange.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.evkin.exchange.Category;
import org.evkin.exchange.ImportOptions;
import org.evkin.exchange.ImportResult;
import org.evkin.exchange.KnownParticipant;
import org.evkin.exchange.ParticipantLookup;
import org.evkin.exchange.ProgramCatalog;
import org.evkin.exchange.RaterRole;
import org.evkin.exchange.ResponseRow;
import org.evkin.model.Target;

/** Checks every row of a responses import (SPEC 5) and the rows against each other; all-or-nothing. */
final class ResponseValidator {

    static final String WHO = "nip_or_email";
    static final String PROGRAM = "program";
    static final String ROLE = "rater_role";
    static final String RATER_NAME = "rater_name";
    static final String RATER_EMAIL = "rater_email";
    static final String PART = "part";
    static final String ITEM = "item_code";
    static final String VALUE = "value";

    /** The header names of SPEC 5, in the documented order. */
    static final List<String> COLUMNS = List.of(WHO, PROGRAM, ROLE, RATER_NAME, RATER_EMAIL, PART, ITEM, VALUE);

    private static final int MISSING_SHOWN = 5;

    private final ProgramCatalog catalog;
    private final ParticipantLookup lookup;
    private final ImportOptions options;
    private final Messages messages;
    private final Problems problems;

    private final Map<String, Optional<KnownParticipant>> participants = new HashMap<>();
    private final Map<String, Optional<Category>> programs = new HashMap<>();
    private final Map<String, Rater> raters = new HashMap<>();
    private final Map<String, Integer> answers = new HashMap<>();
    private final Map<String, Form> forms = new LinkedHashMap<>();
    /** Participants with a row in error: their forms' completeness is not judged, to avoid a consequential error. */
    private final Set<String> troubled = new HashSet<>();

    ResponseValidator(ProgramCatalog catalog, ParticipantLookup lookup, ImportOptions options, Messages messages,
            Problems problems) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.options = options;
        this.messages = messages;
        this.problems = problems;
    }

    ImportResult<ResponseRow> validate(Table table) {
        List<ResponseRow> rows = Columns.checkRows(table, COLUMNS, problems, this::row);
        if (rows == null) {
            return problems.result(List.of());
        }
        if (options.requireCompleteForms()) {
            checkComplete();
        }
        return problems.result(rows);
    }

    private ResponseRow row(SheetRow row, Columns columns) {
        int before = problems.count();
        int r = row.number();
        Fields f = Fields.of(row, columns, problems);

        String who = null;
        KnownParticipant participant = null;
        String whoText = f.required(WHO);
        if (whoText != null) {
            who = whoText.indexOf('@') >= 0 ? Values.email(whoText) : Values.nip(whoText);
            if (who == null) {
                problems.cell(r, WHO, "who.invalid", Text.shown(whoText));
            } else {
                participant = participants.computeIfAbsent(who,
                        k -> Objects.requireNonNullElse(lookup.find(k), Optional.empty())).orElse(null);
                if (participant == null) {
                    problems.cell(r, WHO, "who.unknown", who);
                }
            }
        }

        Integer part = null;
        String partText = f.required(PART);
        if (partText != null) {
            if (partText.equals("1") || partText.equals("2")) {
                part = Integer.valueOf(partText);
            } else {
                problems.cell(r, PART, "part.invalid", Text.shown(partText));
            }
        }
        if (part != null && part == 1 && participant != null && participant.target() == Target.PAK) {
            problems.cell(r, PART, "part1.notForPak", who);
        }

        RaterRole role = null;
        String roleText = f.required(ROLE);
        if (roleText != null) {
            role = RaterRole.parse(roleText).orElse(null);
            if (role == null) {
                problems.cell(r, ROLE, "role.invalid", Text.shown(roleText));
            } else if (part != null && part == 1 && !role.mapsActivities()) {
                problems.cell(r, ROLE, "role.notForPart1", role);
            }
        }

        String raterName = f.text(RATER_NAME);
        if (raterName != null && raterName.isEmpty()) {
            if (role != null && role != RaterRole.DIRI) {
                problems.cell(r, RATER_NAME, "rater.nameRequired", role);
            }
            raterName = null;
        }
        String raterEmail = null;
        String raterEmailText = f.text(RATER_EMAIL);
        if (raterEmailText != null && !raterEmailText.isEmpty()) {
            raterEmail = Values.email(raterEmailText);
            if (raterEmail == null) {
                problems.cell(r, RATER_EMAIL, "email.invalid", Text.shown(raterEmailText));
            }
        }

        String program = program(f, r, part, participant, who);
        String item = item(f, r, part, program, participant);
        Integer value = value(f, r, part);

        if (participant != null && role != null) {
            checkRater(r, participant, who, role, raterName, raterEmail, raterEmailText);
            if (part != null && item != null) {
                String key = participant.id() + "\u0000" + part + "\u0000" + (program == null ? "" : program)
                        + "\u0000" + role + "\u0000" + item;
                Integer previous = answers.putIfAbsent(key, r);
                if (previous != null) {
                    problems.cell(r, ITEM, "answer.duplicate", item, role, previous);
                }
                if (part == 2 && program != null) {
                    String formKey = participant.id() + "\u0000" + program + "\u0000" + role;
                    Form form = forms.get(formKey);
                    if (form == null) {
                        form = new Form(r, participant.id(), who, program, role, participant.target(), new HashSet<>());
                        forms.put(formKey, form);
                    }
                    form.items.add(item);
                }
            }
        }

        if (problems.count() > before) {
            if (participant != null) {
                troubled.add(participant.id());
            }
            return null;
        }
        return new ResponseRow(r, who, participant.id(), part == 1 ? null : program, role, raterName, raterEmail, part,
                item, value);
    }

    private String program(Fields f, int r, Integer part, KnownParticipant participant, String who) {
        String text = f.text(PROGRAM);
        if (text == null || part == null) {
            return null;
        }
        if (part == 1) {
            if (!text.isEmpty()) {
                problems.cell(r, PROGRAM, "program.notForPart1", Text.shown(text));
            }
            return null;
        }
        if (text.isEmpty()) {
            problems.cell(r, PROGRAM, "program.requiredForPart2");
            return null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (programs.computeIfAbsent(code,
                k -> Objects.requireNonNullElse(catalog.programCategory(k), Optional.empty())).isEmpty()) {
            problems.cell(r, PROGRAM, "program.unknown", Text.shown(text));
            return null;
        }
        if (participant != null && !participant.programs().contains(code)) {
            problems.cell(r, PROGRAM, "program.notEnrolled", who, code);
            return null;
        }
        return code;
    }

    private String item(Fields f, int r, Integer part, String program, KnownParticipant participant) {
        String text = f.required(ITEM);
        if (text == null) {
            return null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (part == null) {
            return null;
        }
        if (part == 1) {
            if (!catalog.taskExists(code)) {
                problems.cell(r, ITEM, "task.unknown", Text.shown(text));
                return null;
            }
            return code;
        }
        if (program == null) {
            return null;
        }
        Optional<Target> target = catalog.itemTarget(program, code);
        if (target.isEmpty()) {
            problems.cell(r, ITEM, "item.unknown", Text.shown(text), program);
            return null;
        }
        if (participant != null && target.get() != participant.target()) {
            problems.cell(r, ITEM, "item.wrongLevel", code, target.get().label(), participant.target().label());
            return null;
        }
        return code;
    }

    /** The value: 1 to 4 (or null for NA) in Part 2, 1 or 0 in Part 1; null also when invalid (reported). */
    private Integer value(Fields f, int r, Integer part) {
        String text = f.required(VALUE);
        if (text == null || part == null) {
            return null;
        }
        if (part == 2) {
            if (text.equalsIgnoreCase("NA")) {
                return null;
            }
            if (text.length() == 1 && text.charAt(0) >= '1' && text.charAt(0) <= '4') {
                return text.charAt(0) - '0';
            }
            problems.cell(r, VALUE, "value.invalidPart2", Text.shown(text));
            return null;
        }
        if (text.equals("1") || text.equals("0")) {
            return text.charAt(0) - '0';
        }
        problems.cell(r, VALUE, "value.invalidPart1", Text.shown(text));
        return null;
    }

    /** One rater per source per participant: every row of (participant, role) names the same person. */
    private void checkRater(int r, KnownParticipant participant, String who, RaterRole role, String name,
            String email, String emailText) {
        if (emailText != null && !emailText.isEmpty() && email == null) {
            return; // invalid e-mail already reported
        }
        Rater current = new Rater(r, name, email);
        Rater first = raters.putIfAbsent(participant.id() + "\u0000" + role, current);
        if (first == null) {
            return;
        }
        String a = first.name == null ? "" : first.name;
        String b = name == null ? "" : name;
        if (!a.equalsIgnoreCase(b)) {
            problems.cell(r, RATER_NAME, "rater.conflict", role, who, first.row, Text.shown(a), Text.shown(b));
        }
        String ea = first.email == null ? "" : first.email;
        String eb = email == null ? "" : email;
        if (!ea.equals(eb)) {
            problems.cell(r, RATER_EMAIL, "rater.conflict", role, who, first.row, ea, eb);
        }
    }

    /**
     * Every Part-2 form must answer each item of its battery at the participant's level (a value or NA); forms of a
     * participant with another problem in the file are judged once that problem is fixed.
     */
    private void checkComplete() {
        for (Form form : forms.values()) {
            if (troubled.contains(form.participantId)) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String code : catalog.itemCodes(form.program, form.target)) {
                if (!form.items.contains(code)) {
                    missing.add(code);
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            String shown = String.join(", ", missing.subList(0, Math.min(MISSING_SHOWN, missing.size())));
            if (missing.size() > MISSING_SHOWN) {
                shown = messages.format("list.andMore", shown, missing.size() - MISSING_SHOWN);
            }
            problems.cell(form.firstRow, ITEM, "form.incomplete", form.program, form.role, form.who, missing.size(),
                    shown);
        }
    }

    /** The rater a participant's rows name for one source. */
    private record Rater(int row, String name, String email) {
    }

    /** A Part-2 form of the file: where it starts and which items it answers. */
    private record Form(int firstRow, String participantId, String who, String program, RaterRole role,
            Target target, Set<String> items) {
    }
}
