package org.evkin.instrument;

import java.util.List;

/** What an instrument says in its individual report; empty bands mean the platform's default bands. */
public record ReportTemplate(String title, String intro, String closing, List<Band> bands) {

    public ReportTemplate {
        bands = List.copyOf(bands);
    }
}
