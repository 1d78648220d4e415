package org.evkin.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.evkin.store.FormContent;
import org.evkin.store.FormRecord;
import org.evkin.store.FormStore;
import org.evkin.store.RaterRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Raters and forms in MariaDB. A form's content is replaced as a whole under a row lock, so a draft, a second tab and
 * a submit never interleave; a submitted form is never changed again.
 */
@Component(name = "org.evkin.store.forms", service = FormStore.class)
public class FormStoreComponent implements FormStore {

    private final Sessions sessions;

    @Activate
    public FormStoreComponent(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public RaterRecord saveRater(RaterRecord rater) {
        return sessions.inTransaction(s -> {
            FormMapper m = s.getMapper(FormMapper.class);
            m.upsertRater(rater);
            return m.rater(rater.cycleId(), rater.participantId(), rater.role());
        });
    }

    @Override
    public Optional<RaterRecord> rater(long cycleId, long participantId, String role) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(FormMapper.class).rater(cycleId, participantId, role)));
    }

    @Override
    public List<RaterRecord> raters(long cycleId, long participantId) {
        return sessions.inTransaction(s -> s.getMapper(FormMapper.class).raters(cycleId, participantId));
    }

    @Override
    public List<RaterRecord> ratersOfCycle(long cycleId) {
        return sessions.inTransaction(s -> s.getMapper(FormMapper.class).ratersOfCycle(cycleId));
    }

    @Override
    public FormRecord openForm(long cycleId, long participantId, String role, int part, String programCode, String instrumentVersion,
            String source) {
        return sessions.inTransaction(s -> {
            FormMapper m = s.getMapper(FormMapper.class);
            // The workflow asks only when its read of the link found no form (LinkStore.formContext), so the insert comes
            // first, without a read before it: one statement less on every form's first request. A form that is there after
            // all (another tab's, a retry's) is left as it was by INSERT IGNORE and returned as stored.
            m.insertFormIgnore(cycleId, participantId, role, part, programCode, instrumentVersion, source, Instant.now());
            return m.formByKey(cycleId, participantId, role, part, programCode);
        });
    }

    @Override
    public Optional<FormRecord> form(long formId) {
        return Optional.ofNullable(sessions.inTransaction(s -> s.getMapper(FormMapper.class).form(formId)));
    }

    @Override
    public List<FormRecord> forms(long cycleId, long participantId) {
        return sessions.inTransaction(s -> s.getMapper(FormMapper.class).forms(cycleId, participantId));
    }

    @Override
    public List<FormRecord> formsOfCycle(long cycleId) {
        return sessions.inTransaction(s -> s.getMapper(FormMapper.class).formsOfCycle(cycleId));
    }

    @Override
    public FormContent content(long formId) {
        return sessions.inTransaction(s -> read(s, formId));
    }

    @Override
    public FormContent content(FormRecord form) {
        if (form.revision() == 0) {
            return FormContent.empty();
        }
        return sessions.inTransaction(s -> read(s.getMapper(FormMapper.class), form.id(), form.scope()));
    }

    private static FormContent read(SqlSession s, long formId) {
        FormMapper m = s.getMapper(FormMapper.class);
        FormRecord f = m.form(formId);
        return read(m, formId, f == null ? null : f.scope());
    }

    /** Answers and ticks in one statement (answers first, each in code order). */
    private static FormContent read(FormMapper m, long formId, String scope) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        Set<String> ticks = new java.util.HashSet<>();
        for (Map<String, Object> row : m.content(formId)) {
            String code = (String) row.get("code");
            if (((Number) row.get("tick")).intValue() == 1) {
                ticks.add(code);
            } else {
                Object v = row.get("value");
                answers.put(code, v == null ? null : ((Number) v).intValue());
            }
        }
        return new FormContent(answers, ticks, scope);
    }

    @Override
    public OptionalInt saveDraft(long formId, FormContent content, Instant at) {
        return sessions.inTransaction(s -> {
            FormRecord f = FormWrites.lock(s, formId);
            if (f == null || f.submitted()) {
                return OptionalInt.empty();
            }
            FormWrites.replace(s, f, content);
            FormWrites.touchDraft(s, formId, content.scope(), at);
            return OptionalInt.of(f.revision() + 1);
        });
    }

    @Override
    public boolean submit(long formId, FormContent content, Instant at) {
        return sessions.inTransaction(s -> {
            FormRecord f = FormWrites.lock(s, formId);
            if (f == null || f.submitted()) {
                return false;
            }
            FormWrites.replace(s, f, content);
            return FormWrites.markSubmitted(s, formId, content.scope(), at);
        });
    }

    @Override
    public ImportedForms importForms(long cycleId, List<ImportedForm> imported, boolean commit, String actor) {
        // a conflict must roll back what came before it: count first, then commit only when there is none
        ImportedForms[] outcome = new ImportedForms[1];
        sessions.inTransaction(s -> {
            outcome[0] = doImport(s, cycleId, imported, actor);
            return null;
        }, false);
        if (!commit || !outcome[0].conflicts().isEmpty()) {
            return outcome[0];
        }
        return sessions.inTransaction(s -> doImport(s, cycleId, imported, actor), true);
    }

    private static ImportedForms doImport(SqlSession s, long cycleId, List<ImportedForm> imported, String actor) {
        FormMapper m = s.getMapper(FormMapper.class);
        Instant now = Instant.now();
        int created = 0, completed = 0, unchanged = 0;
        List<ImportedForm> conflicts = new ArrayList<>();
        for (ImportedForm f : imported) {
            if (!"DIRI".equals(f.role())) {
                m.upsertRater(new RaterRecord(0, cycleId, f.participantId(), f.role(), f.raterName(), f.raterEmail(), null));
            }
            int inserted = m.insertFormIgnore(cycleId, f.participantId(), f.role(), f.part(), f.programCode(), f.instrumentVersion(),
                    "IMPORT", now);
            FormRecord existing = m.formByKey(cycleId, f.participantId(), f.role(), f.part(), f.programCode());
            FormRecord locked = FormWrites.lock(s, existing.id());
            if (locked.submitted()) {
                FormContent stored = read(m, locked.id(), locked.scope());
                if (stored.answers().equals(f.content().answers()) && stored.ticks().equals(f.content().ticks())) {
                    unchanged++;
                } else {
                    conflicts.add(f);
                }
                continue;
            }
            FormWrites.replace(s, locked, f.content());
            FormWrites.markSubmitted(s, locked.id(), f.content().scope(), now);
            if (inserted == 1) {
                created++;
            } else {
                completed++;
            }
        }
        if (created + completed > 0) {
            s.getMapper(AccountMapper.class).audit(actor, "responses.import", "cycle " + cycleId,
                    created + " forms created, " + completed + " drafts completed, " + unchanged + " unchanged");
        }
        return new ImportedForms(created, completed, unchanged, conflicts);
    }

    @Override
    public String pinInstrumentVersion(long enrolmentId, String version) {
        return sessions.inTransaction(s -> {
            FormMapper m = s.getMapper(FormMapper.class);
            // one row changed: this caller pinned it (the condition is "not pinned yet"); else read who did
            return m.pinVersion(enrolmentId, version) == 1 ? version : m.pinnedVersion(enrolmentId);
        });
    }

    @Override
    public void updateProfile(long participantId, String workLocation, boolean confirmIdentity, Instant at) {
        sessions.inTransaction(s -> s.getMapper(FormMapper.class).updateProfile(participantId, workLocation, confirmIdentity, at));
    }
}
