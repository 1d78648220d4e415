package org.evkin.store.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;
import org.evkin.store.AccountRecord;
import org.evkin.store.SessionRecord;

/** MyBatis mapper of account and auth_session (SQL in AccountMapper.xml). */
public interface AccountMapper {

    AccountRecord byEmail(@Param("email") String email);

    AccountRecord byId(@Param("id") long id);

    long count();

    int insert(java.util.Map<String, Object> row);

    int updatePasswordHash(@Param("id") long id, @Param("hash") String hash);

    int insertSession(SessionRecord s);

    SessionRecord session(@Param("hash") String hash);

    int touchSession(@Param("hash") String hash, @Param("seen") Instant seen, @Param("expires") Instant expires);

    int deleteSession(@Param("hash") String hash);

    int deleteExpiredSessions(@Param("now") Instant now);

    int audit(@Param("actor") String actor, @Param("action") String action, @Param("subject") String subject,
            @Param("detail") String detail);
}
