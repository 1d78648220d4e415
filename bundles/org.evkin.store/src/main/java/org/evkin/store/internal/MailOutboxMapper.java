package org.evkin.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.evkin.store.MailOutbox;
import org.evkin.store.OutboxMail;

/** MyBatis mapper of mail_outbox (SQL in MailOutboxMapper.xml). */
public interface MailOutboxMapper {

    int insert(@Param("m") MailOutbox.NewMail mail, @Param("now") Instant now);

    List<Long> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    int lease(@Param("ids") List<Long> ids, @Param("until") Instant until);

    List<OutboxMail> byIds(@Param("ids") List<Long> ids);

    int markSent(@Param("id") long id, @Param("at") Instant at);

    int markFailed(@Param("id") long id, @Param("error") String error, @Param("next") Instant next);

    OutboxMail find(@Param("id") long id);

    List<Map<String, Object>> countByStatus();
}
