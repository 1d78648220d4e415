package org.evkin.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.evkin.store.FormRecord;
import org.evkin.store.RaterRecord;

/** MyBatis mapper of rater, form, answer and task_tick (SQL in FormMapper.xml). */
public interface FormMapper {

    int upsertRater(@Param("r") RaterRecord r);

    RaterRecord rater(@Param("cycleId") long cycleId, @Param("participantId") long participantId, @Param("role") String role);

    List<RaterRecord> raters(@Param("cycleId") long cycleId, @Param("participantId") long participantId);

    List<RaterRecord> ratersOfCycle(@Param("cycleId") long cycleId);

    int insertFormIgnore(@Param("cycleId") long cycleId, @Param("participantId") long participantId, @Param("role") String role,
            @Param("part") int part, @Param("program") String program, @Param("version") String version,
            @Param("source") String source, @Param("now") Instant now);

    FormRecord formByKey(@Param("cycleId") long cycleId, @Param("participantId") long participantId, @Param("role") String role,
            @Param("part") int part, @Param("program") String program);

    FormRecord form(@Param("id") long id);

    List<FormRecord> forms(@Param("cycleId") long cycleId, @Param("participantId") long participantId);

    List<FormRecord> formsOfCycle(@Param("cycleId") long cycleId);

    /** A form's answers (tick 0: code, value) and ticked tasks (tick 1: code), answers first, each in code order. */
    List<Map<String, Object>> content(@Param("formId") long formId);

    int pinVersion(@Param("enrolmentId") long enrolmentId, @Param("version") String version);

    String pinnedVersion(@Param("enrolmentId") long enrolmentId);

    int updateProfile(@Param("id") long participantId, @Param("workLocation") String workLocation,
            @Param("confirm") boolean confirm, @Param("now") Instant now);
}
