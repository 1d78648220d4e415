package org.evkin.store.internal;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.evkin.store.StoredInstrument;
import org.evkin.store.StoredSchedule;

/** MyBatis mapper of instrument_version, instrument_schedule and audit_log (SQL in InstrumentMapper.xml). */
public interface InstrumentMapper {

    @Insert("INSERT IGNORE INTO instrument_version (code, version, version_order, title, definition, checksum, source_bundle,"
            + " first_seen_at) VALUES (#{code}, #{version}, #{versionOrder}, #{title}, #{definition}, #{checksum},"
            + " #{sourceBundle}, CURRENT_TIMESTAMP(3))")
    int insertSnapshot(StoredInstrument s);

    StoredInstrument find(@Param("code") String code, @Param("version") String version);

    List<StoredInstrument> versions(@Param("code") String code);

    List<StoredInstrument> latestOfEachCode();

    StoredSchedule schedule(@Param("code") String code);

    List<StoredSchedule> schedules();

    @Insert("INSERT INTO instrument_schedule (code, status, period_start, period_end, updated_at, updated_by)"
            + " VALUES (#{code}, #{status}, #{periodStart}, #{periodEnd}, CURRENT_TIMESTAMP(3), #{updatedBy})"
            + " ON DUPLICATE KEY UPDATE status = VALUES(status), period_start = VALUES(period_start),"
            + " period_end = VALUES(period_end), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)")
    int upsertSchedule(StoredSchedule s);

    @Insert("INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (CURRENT_TIMESTAMP(3), #{actor}, #{action},"
            + " #{subject}, #{detail})")
    int audit(@Param("actor") String actor, @Param("action") String action, @Param("subject") String subject,
            @Param("detail") String detail);
}
