package org.evkin.report.pdf.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.evkin.report.IndividualReport;
import org.evkin.report.IndividualReport.Activity;
import org.evkin.report.IndividualReport.ActivityRow;
import org.evkin.report.IndividualReport.CompetencySection;
import org.evkin.report.IndividualReport.Identity;
import org.evkin.report.IndividualReport.ProgramState;
import org.evkin.report.IndividualReport.Status;
import org.evkin.report.IndividualReport.SubcompetencyRow;
import org.evkin.report.pdf.internal.Canvas.Align;
import org.evkin.report.pdf.internal.Table.Cell;

/**
 * Lays out a participant's individual report as report Gambar 2.2–2.4: title, identity, the profile table, the
 * conclusion and, for PK, the activity profile; while no conclusion exists, a pending page saying who is missing.
 */
final class IndividualLayout {

    private static final float TITLE = 12.5f;
    private static final float IDENTITY = 9.5f;
    private static final float TABLE = 8.5f;
    private static final float TEXT = 9.5f;

    private final Canvas canvas;
    private final Texts texts;
    private final IndividualReport report;

    IndividualLayout(Canvas canvas, Texts texts, IndividualReport report) {
        this.canvas = canvas;
        this.texts = texts;
        this.report = report;
    }

    void render() throws IOException {
        canvas.newPage(false);
        title();
        identity();
        if (report.status() == Status.PENDING || report.status() == Status.NOT_ELIGIBLE) {
            pending();
        } else {
            if (report.status() == Status.PARTIAL) {
                partialNote();
            }
            profile();
            if (report.activity() != null) {
                activity(report.activity());
            }
        }
        String label = join(report.cycleName(), texts.get("footer.generated", texts.date(report.generatedAt())));
        Footers.draw(canvas, texts, label);
    }

    private String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + texts.get("footer.separator") + b;
    }

    private void title() throws IOException {
        canvas.paragraph(report.title(), true, TITLE, Palette.TEXT, Align.CENTER);
        canvas.down(10);
    }

    private void identity() throws IOException {
        Identity who = report.participant();
        List<String[]> pairs = new ArrayList<>();
        pairs.add(pair("identity.name", who.name()));
        pairs.add(pair("identity.institution", who.institution()));
        pairs.add(pair("identity.level", who.levelLabel() == null || who.levelLabel().isBlank() ? who.level() : who.levelLabel()));
        pairs.add(pair("identity.province", who.province()));
        if (who.nip() != null && !who.nip().isBlank()) {
            pairs.add(pair("identity.nip", who.nip()));
        }
        if (who.district() != null && !who.district().isBlank()) {
            pairs.add(pair("identity.district", who.district()));
        }
        if (report.cycleName() != null && !report.cycleName().isBlank()) {
            pairs.add(pair("identity.cycle", report.cycleName()));
        }
        float gap = 16;
        float column = (canvas.width() - gap) / 2;
        FontFace face = canvas.face(false);
        float labelWidth = 0;
        for (String[] p : pairs) {
            labelWidth = Math.max(labelWidth, face.width(face.clean(p[0]), IDENTITY));
        }
        labelWidth = Math.min(labelWidth + 4, column * 0.45f);
        float colon = face.width(":", IDENTITY) + 4;
        float valueWidth = column - labelWidth - colon;
        float lh = Canvas.lineHeight(IDENTITY);
        for (int i = 0; i < pairs.size(); i += 2) {
            List<String> left = Lines.wrap(pairs.get(i)[1], face, IDENTITY, valueWidth);
            List<String> right = i + 1 < pairs.size() ? Lines.wrap(pairs.get(i + 1)[1], face, IDENTITY, valueWidth) : List.of();
            int lines = Math.max(left.size(), right.size());
            if (canvas.remaining() < lines * lh) {
                canvas.newPage(false);
            }
            pairLines(pairs.get(i)[0], left, canvas.left(), labelWidth, colon);
            if (i + 1 < pairs.size()) {
                pairLines(pairs.get(i + 1)[0], right, canvas.left() + column + gap, labelWidth, colon);
            }
            canvas.down(lines * lh + 2);
        }
        canvas.down(4);
        canvas.line(canvas.left(), canvas.y(), canvas.right(), canvas.y(), 0.6f, Palette.RULE);
        canvas.down(10);
    }

    private String[] pair(String key, String value) {
        return new String[] {texts.get(key), value == null || value.isBlank() ? "-" : value};
    }

    private void pairLines(String label, List<String> value, float x, float labelWidth, float colon) throws IOException {
        float lh = Canvas.lineHeight(IDENTITY);
        float baseline = canvas.baseline(canvas.y(), IDENTITY, false);
        canvas.text(label, false, IDENTITY, x, baseline, Palette.MUTED);
        canvas.text(texts.get("identity.colon"), false, IDENTITY, x + labelWidth, baseline, Palette.MUTED);
        for (int i = 0; i < value.size(); i++) {
            canvas.text(value.get(i), false, IDENTITY, x + labelWidth + colon,
                    canvas.baseline(canvas.y() - i * lh, IDENTITY, false), Palette.TEXT);
        }
    }

    /** PARTIAL: the conclusion stands on the programs with a result; name the programs still waiting and for whom. */
    private void partialNote() throws IOException {
        List<String> lines = new ArrayList<>();
        if (report.statusText() != null && !report.statusText().isBlank()) {
            lines.add(report.statusText());
        }
        List<String> waiting = new ArrayList<>();
        for (ProgramState p : report.programs()) {
            if (p.eligible() && !p.result()) {
                waiting.add(p.missingLabels().isEmpty() ? texts.get("partial.programNoSources", p.title())
                        : texts.get("partial.program", p.title(), texts.list(p.missingLabels())));
            }
        }
        if (!waiting.isEmpty()) {
            lines.add(texts.get("partial.waiting"));
            lines.addAll(waiting);
        }
        note(texts.get("partial.heading"), lines, Palette.NOTE, Palette.NOTE_RULE);
    }

    /** A shaded box with a bold heading and wrapped lines. */
    private void note(String heading, List<String> lines, Rgb fill, Rgb accent) throws IOException {
        float pad = 7;
        float inner = canvas.width() - 2 * pad - 4;
        FontFace regular = canvas.face(false);
        float lh = Canvas.lineHeight(TEXT);
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            wrapped.addAll(Lines.wrap(line, regular, TEXT, inner));
        }
        float headingHeight = Canvas.lineHeight(TEXT + 1);
        float height = 2 * pad + headingHeight + wrapped.size() * lh + 2;
        if (canvas.remaining() < height && !canvas.atTop()) {
            canvas.newPage(canvas.landscape());
        }
        float top = canvas.y();
        canvas.fill(canvas.left(), top - height, canvas.width(), height, fill);
        canvas.fill(canvas.left(), top - height, 3, height, accent);
        float x = canvas.left() + pad + 4;
        canvas.text(heading, true, TEXT + 1, x, canvas.baseline(top - pad, TEXT + 1, true), Palette.TEXT);
        float y = top - pad - headingHeight - 2;
        for (String line : wrapped) {
            canvas.text(line, false, TEXT, x, canvas.baseline(y, TEXT, false), Palette.TEXT);
            y -= lh;
        }
        canvas.down(height + 12);
    }

    private void profile() throws IOException {
        float w = canvas.width();
        float[] widths = {w * 0.21f, w * 0.23f, w * 0.385f, w * 0.175f};
        Table table = new Table(widths, TABLE);
        table.head(section(texts.get("profile.heading"), 4));
        table.head(header("profile.competency"), header("profile.subcompetency"), header("profile.explanation"),
                header("profile.category"));
        for (CompetencySection section : report.profile()) {
            String competency = texts.get("profile.numbered", section.no(), section.name());
            Object group = "competency-" + section.no();
            if (section.rows().isEmpty()) {
                table.row(Cell.of(competency).group(group), Cell.of("-"), Cell.of(""), Cell.of("-").center());
            }
            for (SubcompetencyRow row : section.rows()) {
                table.row(Cell.of(competency).group(group), Cell.of(texts.get("profile.numbered", row.no(), row.name())),
                        Cell.of(row.explanation()).color(row.rated() ? Palette.TEXT : Palette.MUTED),
                        Cell.of(row.category()).center().strong(row.rated()));
            }
        }
        String predicate = report.conclusion() == null ? texts.get("profile.noConclusion") : report.conclusion().predicate();
        table.row(Cell.of(texts.get("profile.conclusion")).span(2).strong().fill(Palette.CONCLUSION),
                Cell.of(predicate).span(2).strong().center().fill(Palette.CONCLUSION)).glue();
        TableRenderer.draw(canvas, table);
        canvas.down(14);
    }

    private void activity(Activity activity) throws IOException {
        float w = canvas.width();
        if (!activity.shown()) {
            Table table = new Table(new float[] {w}, TABLE);
            table.keepTogether = 1;
            table.head(section(texts.get("activity.heading"), 1));
            table.row(Cell.of(activity.missingLabels().isEmpty() ? texts.get("activity.notShown")
                    : texts.get("activity.waiting", texts.list(activity.missingLabels()))));
            TableRenderer.draw(canvas, table);
            canvas.down(14);
            return;
        }
        Table profile = new Table(new float[] {w * 0.46f, w * 0.32f, w * 0.22f}, TABLE);
        profile.keepTogether = 1;
        profile.head(section(texts.get("activity.heading"), 3));
        profile.head(header("activity.level"), header("activity.count"), header("activity.percentage"));
        for (ActivityRow row : activity.rows()) {
            boolean own = row.level() != null && row.level().equals(activity.ownLevel());
            profile.row(Cell.of(row.label()).strong(own), Cell.of(texts.get("activity.countValue", row.count())).center().strong(own),
                    Cell.of(texts.get("activity.percentValue", row.percentage())).center().strong(own));
        }
        TableRenderer.draw(canvas, profile);
        canvas.down(10);

        Table conditions = new Table(new float[] {24, w * 0.28f, w - 24 - w * 0.28f}, TABLE);
        conditions.keepTogether = 1;
        conditions.row(Cell.mark(activity.ideal()), Cell.of(activity.idealLabel()).strong(activity.ideal()),
                Cell.of(activity.idealRule()).group("rule"));
        conditions.row(Cell.mark(!activity.ideal()), Cell.of(activity.notIdealLabel()).strong(!activity.ideal()),
                Cell.of(activity.idealRule()).group("rule"));
        TableRenderer.draw(canvas, conditions);
        canvas.down(12);
        for (String paragraph : activity.explanation()) {
            canvas.paragraph(paragraph, false, TEXT, Palette.TEXT, Align.LEFT);
            canvas.down(6);
        }
    }

    /** No conclusion yet (or no eligible program): who the report is for, why it waits and for whom; no categories. */
    private void pending() throws IOException {
        List<String> lines = new ArrayList<>();
        if (report.statusText() != null && !report.statusText().isBlank()) {
            lines.add(report.statusText());
        }
        if (report.status() == Status.PENDING) {
            lines.add(texts.get("pending.hint"));
        }
        note(texts.get("pending.heading"), lines, Palette.HEADER, Palette.SECTION);
        if (!report.programs().isEmpty()) {
            float w = canvas.width();
            Table table = new Table(new float[] {w * 0.48f, w * 0.22f, w * 0.30f}, TABLE);
            table.head(section(texts.get("pending.table"), 3));
            table.head(header("pending.program"), header("pending.status"), header("pending.missing"));
            for (ProgramState p : report.programs()) {
                String state = !p.eligible() ? texts.get("pending.ineligible")
                        : p.result() ? texts.get("pending.done") : texts.get("pending.waiting");
                String missing = p.missingLabels().isEmpty() ? texts.get("pending.nobody") : texts.list(p.missingLabels());
                table.row(Cell.of(p.title()), Cell.of(state).center(), Cell.of(missing).strong(!p.missingLabels().isEmpty()));
            }
            TableRenderer.draw(canvas, table);
            canvas.down(12);
        }
        Activity activity = report.activity();
        if (activity != null && !activity.shown() && !activity.missingLabels().isEmpty()) {
            canvas.paragraph(texts.get("activity.waitingShort", texts.list(activity.missingLabels())), false, TEXT,
                    Palette.TEXT, Align.LEFT);
        }
    }

    private static Cell section(String text, int span) {
        return Cell.of(text).span(span).strong().center().fill(Palette.SECTION).color(Rgb.WHITE);
    }

    private Cell header(String key) {
        return Cell.of(texts.get(key)).strong().center().fill(Palette.HEADER);
    }
}
