package org.evkin.store.internal;

import java.util.List;
import java.time.Instant;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.evkin.store.StartRecord;

/** MyBatis mapper of the server_start table. */
public interface ServerStartMapper {

    @Insert("INSERT INTO server_start (started_at, version, host) VALUES (CURRENT_TIMESTAMP(3), #{version}, #{host})")
    int insert(@Param("version") String version, @Param("host") String host);

    @Select("SELECT COUNT(*) FROM server_start")
    long count();

    @Select("SELECT id, started_at, version, host FROM server_start ORDER BY id DESC LIMIT #{limit}")
    @ConstructorArgs({
        @Arg(column = "id", javaType = long.class),
        @Arg(column = "started_at", javaType = Instant.class),
        @Arg(column = "version", javaType = String.class),
        @Arg(column = "host", javaType = String.class)})
    List<StartRecord> latest(@Param("limit") int limit);

    @Select("SELECT id, started_at, version, host FROM server_start ORDER BY id LIMIT 1")
    @ConstructorArgs({
        @Arg(column = "id", javaType = long.class),
        @Arg(column = "started_at", javaType = Instant.class),
        @Arg(column = "version", javaType = String.class),
        @Arg(column = "host", javaType = String.class)})
    StartRecord first();
}
