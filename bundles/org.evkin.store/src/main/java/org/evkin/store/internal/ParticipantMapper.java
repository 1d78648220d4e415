package org.evkin.store.internal;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.ParticipantRecord;

/** MyBatis mapper of participant and enrolment (SQL in ParticipantMapper.xml). */
public interface ParticipantMapper {

    ParticipantRecord byIdentity(@Param("key") String identityKey);

    ParticipantRecord byId(@Param("id") long id);

    int insert(Map<String, Object> row);

    int update(@Param("p") ParticipantRecord p);

    EnrolmentRecord enrolment(@Param("cycleId") long cycleId, @Param("participantId") long participantId,
            @Param("program") String program);

    int insertEnrolment(@Param("e") EnrolmentRecord e);

    int updateEnrolment(@Param("e") EnrolmentRecord e);

    List<EnrolmentRecord> enrolments(@Param("cycleId") long cycleId, @Param("participantId") long participantId);

    List<ParticipantRecord> participantsOfCycle(@Param("cycleId") long cycleId, @Param("province") String province,
            @Param("district") String district);
}
