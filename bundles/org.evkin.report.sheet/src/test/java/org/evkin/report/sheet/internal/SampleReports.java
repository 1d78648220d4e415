package org.evkin.report.sheet.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.evkin.report.NationalFilter;
import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Column;
import org.evkin.report.ReportTable.Kind;

/** National reports built by hand for the tests: Tabel 3.1–3.12 and Gambar 3.1 shaped like the 2025 report's. */
final class SampleReports {

    static final Instant GENERATED = Instant.parse("2026-11-28T11:09:14.250Z");

    static final List<String> PROGRAMS = List.of("Bimtek Konselor JKP 2025", "Bimtek PAK Wonogiri 2025",
            "Bimtek PAK Yogyakarta 2025", "CDMP SEA 2025", "CoP BISINDO 2025", "CoP Disabilitas 2025",
            "CoP JKP Disabilitas 2025", "GenAI untuk PAK 2025", "GenAI untuk PK 2025");
    static final List<String> LEVEL_KEYS = List.of("AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA");
    static final List<String> LEVELS = List.of("Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama");
    static final List<String> PREDICATES = List.of("Berkinerja Sangat Tinggi", "Berkinerja Tinggi", "Berkinerja Cukup",
            "Berkinerja Rendah", "Berkinerja Sangat Rendah");
    static final List<String> SUBCOMPETENCIES = List.of("Analisis Jabatan", "Informasi Pasar Kerja",
            "Penyuluhan Jabatan", "Bimbingan Jabatan", "Perantaraan Kerja", "Layanan Pencari Kerja Khusus",
            "Layanan Pencari Kerja", "Layanan Pemberi Kerja", "Perluasan Kesempatan Kerja", "Job Canvassing",
            "Pengendalian Penggunaan Tenaga Kerja Asing", "Pembinaan Kelembagaan",
            "Pemantauan, Evaluasi dan Laporan Pelayanan Antar Kerja", "Pengembangan Antar Kerja",
            "Perencanaan Pelaksanaan Antar Kerja");
    static final List<String> PROVINCES = List.of("Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi",
            "Sumatera Selatan", "Bengkulu", "Lampung", "Kepulauan Bangka Belitung", "Kepulauan Riau",
            "Daerah Khusus Ibukota Jakarta", "Jawa Barat", "Jawa Tengah", "Daerah Istimewa Yogyakarta", "Jawa Timur",
            "Banten", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah",
            "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Sulawesi Tengah",
            "Sulawesi Selatan", "Sulawesi Tenggara", "Gorontalo", "Sulawesi Barat", "Maluku", "Maluku Utara");

    private SampleReports() {
    }

    /** Every table of Bab III with realistic sizes, nulls where the report has them. */
    static NationalReport national() {
        Random random = new Random(2025);
        List<ReportTable> tables = new ArrayList<>();
        tables.add(perProgram("3.1", "Peserta per program", PROGRAMS, random));
        tables.add(perLevel(random));
        tables.add(programByLevel(random));
        tables.add(meansByLevel(random));
        tables.add(predicates("3.5", "Predikat kinerja peserta Pengantar Kerja", random));
        tables.add(predicateByLevel(random));
        tables.add(predicateByProvince(random));
        tables.add(mappedParticipants(random));
        tables.add(taskShares(random));
        tables.add(perProgram("3.10", "Peserta Petugas Antar Kerja per program",
                List.of("Bimtek PAK Wonogiri 2025", "Bimtek PAK Yogyakarta 2025", "GenAI untuk PAK 2025"), random));
        tables.add(predicates("3.11", "Predikat kinerja Petugas Antar Kerja", random));
        tables.add(pakProfile("3.12", "Rata-rata skor Petugas Antar Kerja per subkompetensi", random));
        tables.add(pakProfile("G3.1", "Profil nasional Petugas Antar Kerja", random));
        return new NationalReport("Laporan Nasional Evaluasi Kinerja Pasca Pengembangan Kompetensi 2025",
                NationalFilter.cycle(7), "Siklus 2025 · semua program · semua jenjang · seluruh Indonesia", GENERATED,
                tables);
    }

    /** One table with the given rows (and total) of the given columns. */
    static NationalReport of(ReportTable... tables) {
        return new NationalReport("Uji", NationalFilter.cycle(1), "Uji", GENERATED, Arrays.asList(tables));
    }

    static Column text(String key, String label) {
        return new Column(key, label, Kind.TEXT);
    }

    static Column count(String key, String label) {
        return new Column(key, label, Kind.COUNT);
    }

    static Column mean(String key, String label) {
        return new Column(key, label, Kind.MEAN);
    }

    static Column percent(String key, String label) {
        return new Column(key, label, Kind.PERCENT);
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static ReportTable perProgram(String id, String title, List<String> programs, Random random) {
        List<List<Object>> rows = new ArrayList<>();
        int[] sum = new int[3];
        for (String program : programs) {
            int enrolled = 20 + random.nextInt(400);
            int eligible = enrolled - random.nextInt(enrolled / 5 + 1);
            int result = eligible - random.nextInt(eligible / 4 + 1);
            rows.add(row(program, enrolled, eligible, result));
            sum[0] += enrolled;
            sum[1] += eligible;
            sum[2] += result;
        }
        return new ReportTable(id, title, null,
                List.of(text("program", "Program"), count("enrolled", "Terdaftar"),
                        count("eligible", "Memenuhi syarat"), count("withResult", "Memiliki hasil")),
                rows, row(null, sum[0], sum[1], sum[2]));
    }

    private static ReportTable perLevel(Random random) {
        List<List<Object>> rows = new ArrayList<>();
        int[] counts = new int[4];
        int all = 0;
        for (int l = 0; l < 4; l++) {
            counts[l] = l == 3 ? 0 : 30 + random.nextInt(300);
            all += counts[l];
        }
        for (int l = 0; l < 4; l++) {
            rows.add(row(LEVELS.get(l), counts[l], Math.round(100f * counts[l] / all)));
        }
        return new ReportTable("3.2", "Responden lengkap per jenjang", null,
                List.of(text("level", "Jenjang"), count("respondents", "Responden lengkap"),
                        percent("share", "Persentase")),
                rows, row("Jumlah", all, 100));
    }

    private static ReportTable programByLevel(Random random) {
        List<Column> columns = new ArrayList<>();
        columns.add(text("program", "Program"));
        for (int l = 0; l < 4; l++) {
            columns.add(count(LEVEL_KEYS.get(l), LEVELS.get(l)));
        }
        columns.add(count("total", "Jumlah"));
        List<List<Object>> rows = new ArrayList<>();
        int[] sum = new int[5];
        for (String program : PROGRAMS) {
            List<Object> row = new ArrayList<>();
            row.add(program);
            int total = 0;
            for (int l = 0; l < 4; l++) {
                int n = l == 3 ? random.nextInt(3) : random.nextInt(90);
                row.add(n);
                total += n;
                sum[l] += n;
            }
            row.add(total);
            sum[4] += total;
            rows.add(row);
        }
        List<Object> total = new ArrayList<>();
        total.add(null);
        for (int s : sum) {
            total.add(s);
        }
        return new ReportTable("3.3", "Responden lengkap per program dan jenjang", null, columns, rows, total);
    }

    private static ReportTable meansByLevel(Random random) {
        List<Column> columns = new ArrayList<>();
        columns.add(text("program", "Program"));
        for (int l = 0; l < 4; l++) {
            columns.add(mean(LEVEL_KEYS.get(l), LEVELS.get(l)));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (String program : PROGRAMS) {
            List<Object> row = new ArrayList<>();
            row.add(program);
            for (int l = 0; l < 4; l++) {
                row.add(random.nextInt(5) == 0 ? null : score(random));
            }
            rows.add(row);
        }
        List<Object> total = new ArrayList<>();
        total.add("Rata-rata nasional");
        for (int l = 0; l < 4; l++) {
            total.add(l == 3 ? null : score(random));
        }
        return new ReportTable("3.4", "Rata-rata skor per program dan jenjang",
                "Skor 1,00–4,00; \"-\": tidak ada peserta dengan simpulan.", columns, rows, total);
    }

    private static ReportTable predicates(String id, String title, Random random) {
        List<List<Object>> rows = new ArrayList<>();
        int[] counts = new int[5];
        int all = 0;
        for (int p = 0; p < 5; p++) {
            counts[p] = random.nextInt(200);
            all += counts[p];
        }
        for (int p = 0; p < 5; p++) {
            rows.add(row(PREDICATES.get(p), counts[p], Math.round(100f * counts[p] / all)));
        }
        return new ReportTable(id, title, null,
                List.of(text("predicate", "Predikat"), count("count", "Jumlah"), percent("share", "Persentase")),
                rows, row(null, all, 100));
    }

    private static ReportTable predicateByLevel(Random random) {
        List<Column> columns = new ArrayList<>();
        columns.add(text("predicate", "Predikat"));
        for (int l = 0; l < 4; l++) {
            columns.add(count(LEVEL_KEYS.get(l) + "_n", LEVELS.get(l) + " (jumlah)"));
            columns.add(percent(LEVEL_KEYS.get(l) + "_pct", LEVELS.get(l) + " (%)"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (String predicate : PREDICATES) {
            List<Object> row = new ArrayList<>();
            row.add(predicate);
            for (int l = 0; l < 4; l++) {
                int n = l == 3 ? 0 : random.nextInt(70);
                row.add(n);
                row.add(l == 3 ? null : random.nextInt(101));
            }
            rows.add(row);
        }
        return new ReportTable("3.6", "Predikat kinerja per jenjang", null, columns, rows, null);
    }

    private static ReportTable predicateByProvince(Random random) {
        List<Column> columns = new ArrayList<>();
        columns.add(text("province", "Provinsi"));
        for (int p = 0; p < 5; p++) {
            columns.add(count("P" + (p + 1), PREDICATES.get(p)));
        }
        columns.add(count("total", "Jumlah"));
        List<List<Object>> rows = new ArrayList<>();
        int[] sum = new int[6];
        for (String province : PROVINCES) {
            List<Object> row = new ArrayList<>();
            row.add(province);
            int total = 0;
            for (int p = 0; p < 5; p++) {
                int n = random.nextInt(25);
                row.add(n);
                total += n;
                sum[p] += n;
            }
            row.add(total);
            sum[5] += total;
            rows.add(row);
        }
        List<Object> total = new ArrayList<>();
        total.add(null);
        for (int s : sum) {
            total.add(s);
        }
        return new ReportTable("3.7", "Predikat kinerja per provinsi",
                "Hanya provinsi yang memiliki peserta dengan simpulan.", columns, rows, total);
    }

    private static ReportTable mappedParticipants(Random random) {
        List<Column> columns = new ArrayList<>();
        columns.add(text("competency", "Subunsur"));
        columns.add(text("subcompetency", "Subkompetensi"));
        for (int l = 0; l < 4; l++) {
            columns.add(count(LEVEL_KEYS.get(l), LEVELS.get(l)));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < SUBCOMPETENCIES.size(); s++) {
            List<Object> row = new ArrayList<>();
            row.add("Subunsur " + (s / 3 + 1));
            row.add((s + 1) + ". " + SUBCOMPETENCIES.get(s));
            for (int l = 0; l < 4; l++) {
                row.add(random.nextInt(60));
            }
            rows.add(row);
        }
        return new ReportTable("3.8", "Peserta terpetakan yang melaksanakan tugas subkompetensi", null, columns, rows,
                null);
    }

    /** 15 subkompetensi × 4 levels of the participants = 60 rows; empty where the catalog has no task. */
    private static ReportTable taskShares(Random random) {
        List<Column> columns = new ArrayList<>();
        columns.add(text("subcompetency", "Subkompetensi"));
        columns.add(text("participantLevel", "Jenjang peserta"));
        for (int l = 0; l < 4; l++) {
            columns.add(percent(LEVEL_KEYS.get(l), "Tugas " + LEVELS.get(l)));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < SUBCOMPETENCIES.size(); s++) {
            for (int r = 0; r < 4; r++) {
                List<Object> row = new ArrayList<>();
                row.add(SUBCOMPETENCIES.get(s));
                row.add(LEVELS.get(r));
                int left = 100;
                for (int l = 0; l < 4; l++) {
                    boolean noTask = (s + l) % 5 == 4;
                    if (noTask) {
                        row.add(null);
                    } else {
                        int share = l == 3 ? left : random.nextInt(left + 1);
                        left -= share;
                        row.add(share);
                    }
                }
                rows.add(row);
            }
        }
        return new ReportTable("3.9", "Sebaran tugas yang dilaksanakan menurut jenjang tugas (%)",
                "Persentase dari seluruh centang pada tugas subkompetensi; kosong: katalog tidak memiliki tugas.",
                columns, rows, null);
    }

    private static ReportTable pakProfile(String id, String title, Random random) {
        List<List<Object>> rows = new ArrayList<>();
        for (String s : SUBCOMPETENCIES) {
            BigDecimal mean = random.nextInt(6) == 0 ? null : score(random);
            rows.add(row(s, mean, mean == null ? null : category(mean)));
        }
        return new ReportTable(id, title, null,
                List.of(text("subcompetency", "Subkompetensi"), mean("mean", "Rata-rata"),
                        text("category", "Kategori")),
                rows, null);
    }

    static BigDecimal score(Random random) {
        return BigDecimal.valueOf(100 + random.nextInt(301)).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String category(BigDecimal mean) {
        double m = mean.doubleValue();
        return m >= 3.41 ? "Sangat Baik" : m >= 2.61 ? "Baik" : m >= 1.81 ? "Cukup" : "Kurang";
    }
}
