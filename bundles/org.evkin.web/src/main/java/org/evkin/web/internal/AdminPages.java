package org.evkin.web.internal;

import java.util.List;
import java.util.Map;
import org.evkin.workflow.CycleService;

/** The admin's pages; the servlet lets only signed-in admins in. */
final class AdminPages {

    private final Messages messages;

    AdminPages(Messages messages) {
        this.messages = messages;
    }

    /** GET /admin: the evaluation cycles with the period and status of each program's battery. */
    Result dashboard(Visit v, CycleService cycles) {
        if (cycles == null) {
            return ErrorPages.unavailable(messages);
        }
        List<CycleRow> rows = cycles.list().stream().map(CycleRow::of).toList();
        return Result.page(200, "admin.ftlh", Map.of("cycles", rows));
    }
}
