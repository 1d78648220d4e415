package org.evkin.store.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.evkin.store.LinkRecord;

/** MyBatis mapper of access_link (SQL in LinkMapper.xml). */
public interface LinkMapper {

    int insert(@Param("l") LinkRecord link);

    LinkRecord byTokenHash(@Param("hash") String hash);

    LinkRecord byShortCode(@Param("code") String code);

    List<LinkRecord> linksOf(@Param("cycleId") long cycleId, @Param("participantId") long participantId, @Param("role") String role);

    List<LinkRecord> linksOfCycle(@Param("cycleId") long cycleId);

    List<org.evkin.store.ReminderRecord> reminders(@Param("cycleId") long cycleId);

    int countReminder(@Param("cycleId") long cycleId, @Param("participantId") long participantId, @Param("role") String role,
            @Param("at") Instant at);

    int markEscalated(@Param("cycleId") long cycleId, @Param("participantId") long participantId, @Param("role") String role,
            @Param("at") Instant at);

    int revoke(@Param("cycleId") long cycleId, @Param("participantId") long participantId, @Param("role") String role,
            @Param("at") Instant at);
}
