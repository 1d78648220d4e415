package org.evkin.store.internal;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.evkin.store.BatteryRecord;
import org.evkin.store.CycleRecord;

/** MyBatis mapper of cycle and battery (SQL in CycleMapper.xml). */
public interface CycleMapper {

    int insertIgnore(Map<String, Object> row);

    CycleRecord byName(@Param("name") String name);

    CycleRecord byId(@Param("id") long id);

    List<CycleRecord> list();

    int upsertBattery(@Param("b") BatteryRecord battery, @Param("actor") String actor);

    List<BatteryRecord> batteries(@Param("cycleId") long cycleId);

    BatteryRecord battery(@Param("cycleId") long cycleId, @Param("program") String program);
}
