package org.evkin.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.evkin.workflow.FormInput;
import org.evkin.workflow.FormService;
import org.evkin.workflow.FormView;
import org.evkin.workflow.LinkAccess;
import org.evkin.workflow.RaterRole;
import org.evkin.workflow.WorkflowException;

/**
 * The two forms behind a personal link, server-rendered and complete without JavaScript (form.js only adds autosave):
 *
 * <ul>
 * <li>Part 1 (bagian-1), in two steps: the rater chooses the subkompetensi that apply (saved as the draft's scope), then
 * ticks tasks of those subkompetensi only, so the whole catalog of all four levels is covered without a 133-task list.
 * <li>Part 2 (bagian-2/{program}): one fieldset per subkompetensi, one radio group per statement (1–4 with the form's
 * scale labels, and "tidak dapat menilai").
 * </ul>
 *
 * "Simpan sementara" saves the draft; "Kirim" submits. An incomplete submit keeps every answer (saved as the draft too)
 * and shows the problem in an error summary linked to the first unanswered statement. A submitted form shows read-only;
 * a second submit just shows it again. Tampered codes or values, and posts after the period, get the workflow's refusal
 * page and change nothing.
 */
final class FormPages {

    private final Messages messages;
    private final LinkPages pages;

    FormPages(Messages messages, LinkPages pages) {
        this.messages = messages;
        this.pages = pages;
    }

    // ---- Part 2 ----

    Result partTwo(Visit v, FormService forms, LinkPages.Link link, String program) {
        FormView f = forms.form(link.credential(), 2, program);
        LinkAccess a = forms.access(link.credential());
        String notice = null;
        if (!v.param("terkirim").isEmpty() && f.submitted()) {
            notice = messages.get("tautan.formulir.terkirim");
        } else if (!v.param("tersimpan").isEmpty() && !f.submitted()) {
            notice = messages.get("tautan.formulir.tersimpan");
        }
        return partTwoPage(200, f, a, link, program, f.answers(), Set.of(), List.of(), notice);
    }

    Result postPartTwo(Visit v, FormService forms, LinkPages.Link link, String program) {
        Map<String, String> answers = new LinkedHashMap<>();
        v.params().forEach((name, values) -> {
            if (name.startsWith("j.") && values != null && values.length > 0 && !values[0].isBlank()) {
                answers.put(name.substring(2), values[0].strip());
            }
        });
        FormInput input = new FormInput(answers, Set.of(), Set.of());
        String action = link.base() + "/bagian-2/" + program;
        if ("kirim".equals(v.param("aksi"))) {
            try {
                forms.submit(link.credential(), 2, program, input);
                return Result.redirect(action + "?terkirim=1");
            } catch (WorkflowException e) {
                if (e.kind() != WorkflowException.Kind.INVALID || !"incomplete".equals(e.code())) {
                    throw e;
                }
                // keep what was answered: as the draft, and on the page shown again
                FormView f = forms.saveDraft(link.credential(), 2, program, input);
                Set<String> missing = new LinkedHashSet<>();
                f.sections().forEach(s -> s.entries().forEach(en -> {
                    if (!answers.containsKey(en.code())) {
                        missing.add(en.code());
                    }
                }));
                String first = missing.isEmpty() ? "" : missing.iterator().next() + "-1";
                return partTwoPage(400, f, forms.access(link.credential()), link, program, answers, missing,
                        List.of(new FieldError(first, e.getMessage())), null);
            }
        }
        try {
            forms.saveDraft(link.credential(), 2, program, input);
        } catch (WorkflowException e) {
            if (e.kind() == WorkflowException.Kind.CONFLICT) {
                return Result.redirect(action); // submitted meanwhile (another tab, another device): show it as it is
            }
            throw e;
        }
        return Result.redirect(action + "?tersimpan=1");
    }

    private Result partTwoPage(int status, FormView f, LinkAccess a, LinkPages.Link link, String program, Map<String, String> answers,
            Set<String> missing, List<FieldError> errors, String notice) {
        boolean self = a.role() == RaterRole.DIRI;
        String name = a.participant().name();
        Map<String, Object> m = pages.model(link);
        m.put("title", messages.get(self ? "tautan.bagian2.judul.DIRI" : "tautan.bagian2.judul.LAIN"));
        m.put("programTitle", f.programTitle() == null ? program : f.programTitle());
        m.put("context", self ? messages.get("tautan.formulir.diri", a.cycleName()) : messages.get("tautan.formulir.untuk", name));
        m.put("intro", self ? messages.get("tautan.bagian2.intro.DIRI") : messages.get("tautan.bagian2.intro.LAIN", name));
        String notObserved = f.notObservedLabel() == null ? "NA" : f.notObservedLabel();
        m.put("notObservedHint", messages.get("tautan.bagian2.tdm", notObserved));
        List<LinkViews.Choice> choices = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            choices.add(new LinkViews.Choice(String.valueOf(i), String.valueOf(i), f.scaleLabels().getOrDefault(i, "")));
        }
        choices.add(new LinkViews.Choice("NA", "", notObserved));
        m.put("choices", choices);
        List<LinkViews.ItemGroup> groups = new ArrayList<>();
        int number = 0;
        int answered = 0;
        for (FormView.Section s : f.sections()) {
            List<LinkViews.Item> items = new ArrayList<>();
            for (FormView.Entry e : s.entries()) {
                String value = answers.get(e.code());
                if (value != null) {
                    answered++;
                }
                items.add(new LinkViews.Item(e.code(), e.text(), ++number, value, valueLabel(value, f, notObserved), missing.contains(e.code())));
            }
            groups.add(new LinkViews.ItemGroup(s.subcompetency(), s.name(), items));
        }
        m.put("groups", groups);
        m.put("answered", answered);
        m.put("total", number);
        m.put("state", f.submitted() ? "submitted" : f.open() ? "open" : "closed");
        if (!f.submitted() && !f.open()) {
            LinkAccess.Program p = a.programs().stream().filter(x -> x.code().equals(program)).findFirst().orElse(null);
            m.put("closed", messages.get("tautan.formulir.ditutup", pages.closedReason(p)));
        }
        m.put("action", link.base() + "/bagian-2/" + program);
        m.put("autosave", link.api() + "/part2/" + program + "/draft");
        putNext(m, a, link, link.base() + "/bagian-2/" + program);
        if (notice != null) {
            m.put("notice", notice);
        }
        LinkPages.putErrors(m, errors);
        return Result.page(status, "t-bagian2.ftlh", m);
    }

    private String valueLabel(String value, FormView f, String notObserved) {
        if (value == null) {
            return messages.get("tautan.bagian2.belumDijawab");
        }
        if ("NA".equals(value)) {
            return notObserved;
        }
        try {
            return messages.get("tautan.bagian2.nilai", value, f.scaleLabels().getOrDefault(Integer.parseInt(value), ""));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    // ---- Part 1 ----

    Result partOne(Visit v, FormService forms, LinkPages.Link link) {
        FormView f = forms.form(link.credential(), 1, null);
        LinkAccess a = forms.access(link.credential());
        String notice = null;
        if (!v.param("terkirim").isEmpty() && f.submitted()) {
            notice = messages.get("tautan.formulir.terkirim");
        } else if (!v.param("tersimpan").isEmpty() && !f.submitted()) {
            notice = messages.get("tautan.formulir.tersimpan");
        }
        int step = "1".equals(v.param("langkah")) || f.scope().isEmpty() ? 1 : 2;
        return partOnePage(200, f, a, link, step, f.scope(), f.ticks(), List.of(), notice);
    }

    Result postPartOne(Visit v, FormService forms, LinkPages.Link link) {
        Set<Integer> scope = new TreeSet<>();
        for (String s : v.values("lingkup")) {
            try {
                scope.add(Integer.valueOf(s.strip()));
            } catch (NumberFormatException e) {
                throw new WorkflowException(WorkflowException.Kind.INVALID, "badScope", messages.get("tautan.galat.lingkup"));
            }
        }
        Set<String> ticks = new LinkedHashSet<>();
        for (String t : v.values("tugas")) {
            ticks.add(t.strip());
        }
        String action = link.base() + "/bagian-1";
        String aksi = v.param("aksi");
        if (scope.isEmpty() && ("lanjut".equals(aksi) || "kirim".equals(aksi))) {
            // refused, so nothing may change (SPEC §6): forms.form starts a draft, so it is called only when the form
            // exists already (it does once the page was opened); a post without one gets the link's refusal page alone
            LinkAccess a = forms.access(link.credential());
            if (a.partOneStatus() == null) {
                throw new WorkflowException(WorkflowException.Kind.INVALID, "emptyScope", messages.get("tautan.bagian1.galat.lingkup"));
            }
            FormView f = forms.form(link.credential(), 1, null);
            if (f.submitted()) {
                return Result.redirect(action);
            }
            return partOnePage(400, f, a, link, 1, scope, f.ticks(),
                    List.of(new FieldError(firstScopeField(f), messages.get("tautan.bagian1.galat.lingkup"))), null);
        }
        try {
            switch (aksi) {
                case "lanjut" -> {
                    // the tasks ticked before stay ticked where their subkompetensi is still chosen
                    FormView f = forms.form(link.credential(), 1, null);
                    Map<String, Integer> subOf = new HashMap<>();
                    f.sections().forEach(s -> s.entries().forEach(e -> subOf.put(e.code(), s.subcompetency())));
                    Set<String> kept = new LinkedHashSet<>();
                    f.ticks().stream().filter(t -> scope.contains(subOf.get(t))).forEach(kept::add);
                    forms.saveDraft(link.credential(), 1, null, new FormInput(Map.of(), kept, scope));
                    return Result.redirect(action + "?langkah=2");
                }
                case "kirim" -> {
                    forms.submit(link.credential(), 1, null, new FormInput(Map.of(), ticks, scope));
                    return Result.redirect(action + "?terkirim=1");
                }
                case "ubah" -> {
                    forms.saveDraft(link.credential(), 1, null, new FormInput(Map.of(), ticks, scope));
                    return Result.redirect(action + "?langkah=1");
                }
                default -> {
                    forms.saveDraft(link.credential(), 1, null, new FormInput(Map.of(), ticks, scope));
                    return Result.redirect(action + "?langkah=2&tersimpan=1");
                }
            }
        } catch (WorkflowException e) {
            if (e.kind() == WorkflowException.Kind.CONFLICT) {
                return Result.redirect(action); // submitted meanwhile: show it as it is
            }
            throw e;
        }
    }

    private static String firstScopeField(FormView f) {
        return f.sections().isEmpty() ? "" : "lingkup-" + f.sections().get(0).subcompetency();
    }

    private Result partOnePage(int status, FormView f, LinkAccess a, LinkPages.Link link, int step, Set<Integer> scope, Set<String> ticks,
            List<FieldError> errors, String notice) {
        boolean self = a.role() == RaterRole.DIRI;
        String name = a.participant().name();
        Map<String, Object> m = pages.model(link);
        m.put("context", self ? messages.get("tautan.formulir.diri", a.cycleName()) : messages.get("tautan.formulir.untuk", name));
        m.put("intro", self ? messages.get("tautan.bagian1.intro.DIRI") : messages.get("tautan.bagian1.intro.LAIN", name));
        m.put("scopeLegend", self ? messages.get("tautan.bagian1.lingkup.legend.DIRI") : messages.get("tautan.bagian1.lingkup.legend.LAIN", name));
        m.put("tasksHint", self ? messages.get("tautan.bagian1.tugas.petunjuk.DIRI") : messages.get("tautan.bagian1.tugas.petunjuk.LAIN", name));
        List<LinkViews.ScopeOption> options = new ArrayList<>();
        List<LinkViews.TaskGroup> groups = new ArrayList<>();
        int tickCount = 0;
        for (FormView.Section s : f.sections()) {
            options.add(new LinkViews.ScopeOption(s.subcompetency(), s.name(), s.entries().size(), scope.contains(s.subcompetency())));
            if (!scope.contains(s.subcompetency())) {
                continue;
            }
            List<LinkViews.Task> tasks = new ArrayList<>();
            for (FormView.Entry e : s.entries()) {
                boolean t = ticks.contains(e.code());
                if (t) {
                    tickCount++;
                }
                if (t || !f.submitted()) {
                    tasks.add(new LinkViews.Task(e.code(), e.text(), e.level(), t));
                }
            }
            groups.add(new LinkViews.TaskGroup(s.subcompetency(), s.name(), tasks));
        }
        m.put("scopeOptions", options);
        m.put("groups", groups);
        m.put("scope", List.copyOf(new TreeSet<>(scope)));
        m.put("tickCount", tickCount);
        m.put("step", step);
        m.put("state", f.submitted() ? "submitted" : f.open() ? "open" : "closed");
        if (!f.submitted() && !f.open()) {
            m.put("closed", messages.get("tautan.formulir.ditutup", pages.closedReason(a.programs().isEmpty() ? null : a.programs().get(0))));
        }
        m.put("action", link.base() + "/bagian-1");
        m.put("autosave", link.api() + "/part1/draft");
        putNext(m, a, link, link.base() + "/bagian-1");
        if (notice != null) {
            m.put("notice", notice);
        }
        LinkPages.putErrors(m, errors);
        return Result.page(status, "t-bagian1.ftlh", m);
    }

    /** The next form to fill after this one (the first open, unsubmitted one), for the link under a submitted form. */
    private void putNext(Map<String, Object> m, LinkAccess a, LinkPages.Link link, String current) {
        pages.formSteps(a, link).stream().filter(s -> !s.done() && s.open() && !s.href().equals(current)).findFirst().ifPresent(s -> {
                    m.put("nextHref", s.href());
                    m.put("nextLabel", messages.get("tautan.formulir.selanjutnya", s.title()));
                });
    }
}
