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

    /**
     * Every table of Bab III shaped as org.evkin.report's NationalTables builds them (a "no" column first where the
     * report numbers its rows; TOTAL or KESIMPULAN in the first text column of the total), with realistic sizes and
     * nulls where the report has them.
     */
    static NationalReport national() {
        Random random = new Random(2025);
        List<ReportTable> tables = new ArrayList<>();
        tables.add(perProgram("3.1", "Tabel 3.1 Sasaran Evaluasi Kinerja Pengantar Kerja", PROGRAMS, random));
        tables.add(perLevel(random));
        tables.add(programByLevel(random));
        tables.add(meansByLevel(random));
        tables.add(predicates("3.5", "Tabel 3.5 Persentase Predikat Kinerja Pengantar Kerja", random));
        tables.add(predicateByLevel(random));
        tables.add(predicateByProvince("3.7", "Tabel 3.7 Predikat Kinerja Pengantar Kerja Berdasarkan Provinsi",
                PROVINCES, random));
        tables.add(mappedParticipants(random));
        tables.add(taskShares(random));
        tables.add(perProgram("3.10", "Tabel 3.10 Jumlah Peserta Pengembangan Kompetensi Petugas Antar Kerja",
                List.of("Bimtek PAK Wonogiri 2025", "Bimtek PAK Yogyakarta 2025", "GenAI untuk PAK 2025"), random));
        tables.add(predicates("3.11", "Tabel 3.11 Predikat Kinerja Petugas Antar Kerja", random));
        tables.add(predicateByProvince("3.12", "Tabel 3.12 Predikat Kinerja Petugas Antar Kerja Berdasarkan Provinsi",
                PROVINCES.subList(10, 17), random));
        tables.add(pakProfile(random));
        return new NationalReport("LAPORAN HASIL EVALUASI KINERJA NASIONAL PENGANTAR KERJA DAN PETUGAS ANTAR KERJA",
                NationalFilter.cycle(7), "Siklus: 2025 · semua program · semua jenjang · seluruh Indonesia", GENERATED,
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
        int no = 0;
        for (String program : programs) {
            int enrolled = 20 + random.nextInt(400);
            int eligible = enrolled - random.nextInt(enrolled / 5 + 1);
            int result = eligible - random.nextInt(eligible / 4 + 1);
            rows.add(row(++no, code(program), program, enrolled, eligible, result));
            sum[0] += enrolled;
            sum[1] += eligible;
            sum[2] += result;
        }
        return new ReportTable(id, title, id.equals("3.1") ? "Jumlah peserta terdaftar, yang memenuhi nilai "
                + "pelatihan minimal, dan yang telah dinilai lengkap oleh keempat pihak penilai." : null,
                List.of(count("no", "No"), text("program", "Kode Program"),
                        text("title", "Program Pengembangan Kompetensi"), count("enrolled", "Jumlah Peserta"),
                        count("eligible", "Memenuhi Nilai Minimal"), count("withResult", "Hasil Lengkap (4 Pihak)")),
                rows, row(null, "TOTAL", null, sum[0], sum[1], sum[2]));
    }

    private static String code(String program) {
        return program.toUpperCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    private static ReportTable perLevel(Random random) {
        List<List<Object>> rows = new ArrayList<>();
        int all = 0;
        for (int l = 0; l < 4; l++) {
            int n = l == 3 ? 0 : 30 + random.nextInt(300);
            rows.add(row(LEVELS.get(l), n));
            all += n;
        }
        return new ReportTable("3.2", "Tabel 3.2 Jumlah Responden Pengantar Kerja Berdasarkan Jenjang Jabatan",
                "Pengantar Kerja dengan kesimpulan kinerja.",
                List.of(text("level", "Jenjang"), count("count", "Jumlah")), rows, row("TOTAL", all));
    }

    private static List<Object> programStart(int no, String program) {
        return new ArrayList<>(List.of(no, code(program), program));
    }

    private static List<Column> programLevelColumns(java.util.function.BiFunction<String, String, Column> column,
            boolean withTotal) {
        List<Column> columns = new ArrayList<>(List.of(count("no", "No"), text("program", "Kode Program"),
                text("title", "Program Pengembangan Kompetensi")));
        for (int l = 0; l < 4; l++) {
            columns.add(column.apply(LEVEL_KEYS.get(l), LEVELS.get(l)));
        }
        if (withTotal) {
            columns.add(count("total", "Jumlah"));
        }
        return columns;
    }

    private static ReportTable programByLevel(Random random) {
        List<List<Object>> rows = new ArrayList<>();
        int[] sum = new int[5];
        int no = 0;
        for (String program : PROGRAMS) {
            List<Object> row = programStart(++no, program);
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
        List<Object> total = row(null, "TOTAL", null);
        total = new ArrayList<>(total);
        for (int s : sum) {
            total.add(s);
        }
        return new ReportTable("3.3", "Tabel 3.3 Jumlah Responden Pengantar Kerja Berdasarkan Pengembangan Kompetensi "
                + "dan Jenjang Jabatan", null, programLevelColumns(SampleReports::count, true), rows, total);
    }

    private static ReportTable meansByLevel(Random random) {
        List<List<Object>> rows = new ArrayList<>();
        int no = 0;
        for (String program : PROGRAMS) {
            List<Object> row = programStart(++no, program);
            for (int l = 0; l < 4; l++) {
                row.add(random.nextInt(5) == 0 ? null : score(random));
            }
            rows.add(row);
        }
        return new ReportTable("3.4", "Tabel 3.4 Rata-Rata Nilai Per Jenjang Berdasarkan Pengembangan Kompetensi",
                "Rata-rata nilai dari keempat pihak penilai (skala 1–4), dibulatkan dua desimal; \"-\" bila tidak ada "
                        + "peserta.", programLevelColumns(SampleReports::mean, false), rows, null);
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
                List.of(text("predicate", "Predikat"), count("count", "Jumlah"), percent("percentage", "Persentase")),
                rows, row("TOTAL", all, 100));
    }

    private static List<Column> predicateColumns() {
        List<Column> columns = new ArrayList<>();
        List<String> keys = List.of("ST", "T", "S", "R", "SR");
        for (int p = 0; p < 5; p++) {
            columns.add(count(keys.get(p), PREDICATES.get(p)));
        }
        columns.add(count("total", "Jumlah"));
        return columns;
    }

    private static ReportTable predicateByLevel(Random random) {
        List<Column> columns = new ArrayList<>(List.of(text("level", "Jenjang")));
        columns.addAll(predicateColumns());
        List<List<Object>> rows = new ArrayList<>();
        int[] sum = new int[6];
        for (int l = 0; l < 4; l++) {
            List<Object> row = new ArrayList<>(List.of(LEVELS.get(l)));
            int total = 0;
            for (int p = 0; p < 5; p++) {
                int n = l == 3 ? 0 : random.nextInt(70);
                row.add(n);
                total += n;
                sum[p] += n;
            }
            row.add(total);
            sum[5] += total;
            rows.add(row);
        }
        List<Object> total = new ArrayList<>(List.of("TOTAL"));
        for (int s : sum) {
            total.add(s);
        }
        return new ReportTable("3.6", "Tabel 3.6 Predikat Kinerja Pengantar Kerja Berdasarkan Jenjang Jabatan", null,
                columns, rows, total);
    }

    private static ReportTable predicateByProvince(String id, String title, List<String> provinces, Random random) {
        List<Column> columns = new ArrayList<>(List.of(count("no", "No"), text("province", "Provinsi")));
        columns.addAll(predicateColumns());
        List<List<Object>> rows = new ArrayList<>();
        int[] sum = new int[6];
        int no = 0;
        for (String province : provinces) {
            List<Object> row = new ArrayList<>(List.of(++no, province));
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
        List<Object> total = new ArrayList<>(row(null, "TOTAL"));
        for (int s : sum) {
            total.add(s);
        }
        return new ReportTable(id, title, null, columns, rows, total);
    }

    private static ReportTable mappedParticipants(Random random) {
        List<Column> columns = new ArrayList<>(List.of(count("no", "No"), text("subcompetency", "Subkompetensi")));
        for (int l = 0; l < 4; l++) {
            columns.add(count(LEVEL_KEYS.get(l), LEVELS.get(l)));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < SUBCOMPETENCIES.size(); s++) {
            List<Object> row = new ArrayList<>(List.of(s + 1, SUBCOMPETENCIES.get(s)));
            for (int l = 0; l < 4; l++) {
                row.add(random.nextInt(60));
            }
            rows.add(row);
        }
        return new ReportTable("3.8", "Tabel 3.8 Hasil Pemetaan Pelaksanaan Tugas Berdasarkan Subkompetensi dan "
                + "Jenjang Jabatan", "Rata-rata dari tiga pihak penilai (diri sendiri, atasan, rekan kerja).", columns,
                rows, null);
    }

    /** 15 subkompetensi × 4 levels of the respondents = 60 rows; empty where the catalog has no task. */
    private static ReportTable taskShares(Random random) {
        List<Column> columns = new ArrayList<>(List.of(count("no", "No"), text("subcompetency", "Subkompetensi"),
                text("level", "Level Responden"), count("count", "JML")));
        for (int l = 0; l < 4; l++) {
            columns.add(percent(LEVEL_KEYS.get(l), "Tugas " + LEVELS.get(l)));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < SUBCOMPETENCIES.size(); s++) {
            for (int r = 0; r < 4; r++) {
                List<Object> row = new ArrayList<>(List.of(s + 1, SUBCOMPETENCIES.get(s), LEVELS.get(r),
                        random.nextInt(40)));
                int left = 100;
                for (int l = 0; l < 4; l++) {
                    if ((s + l) % 5 == 4) {
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
        return new ReportTable("3.9", "Tabel 3.9 Rincian Sebaran Pelaksanaan Tugas Berdasarkan Subkompetensi dan "
                + "Jenjang Jabatan", "Persentase tugas yang dilaksanakan menurut jenjang tugas; kosong bila katalog "
                + "tidak memuat tugas pada jenjang tersebut.", columns, rows, null);
    }

    private static ReportTable pakProfile(Random random) {
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < SUBCOMPETENCIES.size(); s++) {
            String competency = (s / 3 + 1) + ". Kompetensi " + (s / 3 + 1);
            String name = (s + 1) + ". " + SUBCOMPETENCIES.get(s);
            if (random.nextInt(6) == 0) {
                rows.add(row(competency, name, "Subkompetensi ini tidak termasuk dalam penilaian evaluasi kinerja",
                        "-", null));
            } else {
                BigDecimal mean = score(random);
                rows.add(row(competency, name, "Mampu melaksanakan " + SUBCOMPETENCIES.get(s).toLowerCase(
                        java.util.Locale.ROOT) + " sesuai standar operasional, termasuk menyusun laporan hasilnya.",
                        category(mean), mean));
            }
        }
        return new ReportTable("G3.1", "Gambar 3.1 Laporan Hasil Evaluasi Kinerja Petugas Antar Kerja Nasional",
                "Kategori dari rata-rata nasional nilai subkompetensi Petugas Antar Kerja.",
                List.of(text("competency", "Kompetensi"), text("subcompetency", "Subkompetensi"),
                        text("explanation", "Penjelasan Subkompetensi"), text("category", "Kategori Penilaian"),
                        mean("mean", "Rata-Rata")),
                rows, row("KESIMPULAN", null, null, "Berkinerja Tinggi", new BigDecimal("3.05")));
    }

    static BigDecimal score(Random random) {
        return BigDecimal.valueOf(100 + random.nextInt(301)).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String category(BigDecimal mean) {
        double m = mean.doubleValue();
        return m >= 3.41 ? "Sangat Baik" : m >= 2.61 ? "Baik" : m >= 1.81 ? "Cukup" : "Kurang";
    }
}
