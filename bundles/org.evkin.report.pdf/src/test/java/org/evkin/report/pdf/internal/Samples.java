package org.evkin.report.pdf.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.evkin.report.IndividualReport;
import org.evkin.report.IndividualReport.Activity;
import org.evkin.report.IndividualReport.ActivityRow;
import org.evkin.report.IndividualReport.CompetencySection;
import org.evkin.report.IndividualReport.Conclusion;
import org.evkin.report.IndividualReport.Identity;
import org.evkin.report.IndividualReport.ProgramState;
import org.evkin.report.IndividualReport.Status;
import org.evkin.report.IndividualReport.SubcompetencyRow;
import org.evkin.report.NationalFilter;
import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Column;
import org.evkin.report.ReportTable.Kind;

/** Reports built by hand for the tests, shaped like those of the 2025 report (Gambar 2.2–2.4, Bab III). */
final class Samples {

    static final Instant GENERATED = Instant.parse("2026-11-28T03:00:00Z");
    static final String NOT_RATED = "Subkompetensi ini tidak termasuk dalam penilaian evaluasi kinerja";
    static final String CYCLE = "EvKin 2025";

    static final String[] COMPETENCIES = {"Perencanaan Pelaksanaan Antar Kerja",
            "Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja", "Pengendalian Penggunaan Tenaga Kerja Asing",
            "Pembinaan Kelembagaan dan Sumber Daya Penempatan", "Evaluasi dan Laporan Pelaksanaan Antar Kerja",
            "Pengembangan Antar Kerja"};
    static final String[] SUBCOMPETENCIES = {"Perencanaan Pelaksanaan Antar Kerja", "Analisis Jabatan",
            "Informasi Pasar Kerja", "Penyuluhan Jabatan", "Bimbingan Jabatan", "Perantaraan Kerja",
            "Layanan Pencari Kerja Khusus", "Layanan Pencari Kerja", "Layanan Pemberi Kerja", "Perluasan Kesempatan Kerja",
            "Job Canvassing", "Pengendalian Penggunaan Tenaga Kerja Asing", "Pembinaan Kelembagaan",
            "Pemantauan, Evaluasi dan Laporan Pelayanan Antar Kerja", "Pengembangan Antar Kerja"};
    static final int[] COMPETENCY_OF = {1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 5, 6};
    /** Definisi operasional of Ahli Pertama (report Tabel 2.3), index = subkompetensi − 1; null where none. */
    static final String[] AHLI_PERTAMA = {null,
            "Melakukan analisis jabatan dasar untuk menghasilkan informasi jabatan yang diperlukan dalam perencanaan tenaga kerja.",
            "Mengumpulkan dan menyebarluaskan informasi pasar kerja (IPK) dasar untuk kebutuhan pencari dan pemberi kerja.",
            "Memberikan penyuluhan jabatan kepada pencari kerja dengan menggunakan media yang telah disiapkan untuk menyampaikan informasi secara tepat dan sesuai sasaran.",
            "Memberikan layanan bimbingan jabatan dasar kepada pencari kerja yang baru masuk ke pasar kerja",
            "Melaksanakan layanan antar kerja pada skema AKL/AKAD dengan mencari lowongan, menyeleksi kesesuaian profil pencari kerja, menerbitkan rujukan atau penawaran tenaga kerja kepada pemberi kerja, serta mencatat hasil penempatan sesuai prosedur perantaraan kerja.",
            "Memberikan layanan informasi kerja kepada pencari kerja khusus, seperti penyandang disabilitas, korban PHK, atau kelompok rentan lainnya, dengan memanfaatkan sumber informasi yang relevan untuk membantu mereka memperoleh kesempatan kerja yang sesuai.",
            "Memberikan layanan informasi pasar kerja dan konsultasi dasar kepada pencari kerja, termasuk membantu dalam proses pendaftaran, pencocokan lowongan, serta pengisian dokumen penempatan sesuai prosedur yang berlaku.",
            "Melaksanakan pelayanan dasar kepada pemberi kerja dengan menerima dan mencatat daftar kebutuhan tenaga kerja, melakukan pencocokan awal dengan data pencari kerja, serta menyampaikan informasi ketenagakerjaan sesuai prosedur.",
            "Memberikan layanan informasi pelatihan dan layanan informasi kewirausahaan kepada pencari kerja dengan cara mengidentifikasi program yang tersedia, menyajikan informasi secara sederhana, serta mendokumentasikan tindak lanjut informasi untuk mendukung perluasan kesempatan kerja.",
            "Mengidentifikasi peluang kerja lokal melalui pengumpulan informasi lowongan dari perusahaan atau lembaga, mencatat hasil temuan, dan menyajikan informasi peluang kerja untuk mendukung penempatan tenaga kerja.",
            "Melakukan verifikasi administratif terhadap dokumen permintaan TKA untuk memastikan kelengkapan, keabsahan, dan kesesuaian dengan ketentuan peraturan perundangan.",
            "Melaksanakan identifikasi kelengkapan dokumen kelembagaan penempatan tenaga kerja untuk memastikan kesesuaian dengan ketentuan yang berlaku.",
            null, null};
    static final String[] CATEGORIES = {"Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"};
    static final String[] PREDICATES = {"Berkinerja Sangat Tinggi", "Berkinerja Tinggi", "Berkinerja Sedang",
            "Berkinerja Rendah", "Berkinerja Sangat Rendah"};
    static final String[] LEVELS = {"AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA"};
    static final String[] LEVEL_LABELS = {"Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama"};
    static final String[][] PROGRAMS = {
            {"COP-JKP-DIS-2025", "Community of Practices “Implementasi Layanan Jaminan Kehilangan Pekerjaan dan Penguatan Kolaborasi serta Layanan Penempatan Kerja Disabilitas” (13 Februari 2025)"},
            {"BIMTEK-KONSELOR-JKP-2025", "Bimbingan Teknis Calon Konselor Jaminan Kehilangan Pekerjaan (JKP) Tahun 2025 (19–22 Agustus 2025)"},
            {"COP-DISABILITAS-2025", "Community of Practices “Pelaksanaan Pengembangan Kompetensi Pengantar Kerja Bidang Penempatan Tenaga Kerja Disabilitas”"},
            {"COP-BISINDO-2025", "Community of Practices “Pelatihan Bahasa Isyarat Indonesia (BISINDO)”"},
            {"CDMP-SEA-2025", "Pelatihan Tematik Disabilitas (Certified Disability Management Professional SEA 2025)"},
            {"GENAI-PK-2025", "Webinar Generative AI PLAN Indonesia untuk Pengantar Kerja"}};
    static final String[] PAK_PROGRAMS = {"BIMTEK-PAK-WONOGIRI-2025", "BIMTEK-PAK-YOGYA-2025", "GENAI-PAK-2025"};

    private Samples() {
    }

    static Identity pkIdentity(long id) {
        return new Identity(id, "Siti Nurhaliza Rahmawati", "198501012010012001", "Dinas Tenaga Kerja Kabupaten Wonogiri",
                "PK", "AHLI_PERTAMA", "Pengantar Kerja Ahli Pertama", "Jawa Tengah", "Kabupaten Wonogiri");
    }

    /** A PK Ahli Pertama rated in subkompetensi 2–13 (12 and 13 cycling through the categories). */
    static List<CompetencySection> pkProfile(boolean rated) {
        List<CompetencySection> sections = new ArrayList<>();
        for (int c = 1; c <= 6; c++) {
            List<SubcompetencyRow> rows = new ArrayList<>();
            for (int s = 1; s <= 15; s++) {
                if (COMPETENCY_OF[s - 1] != c) {
                    continue;
                }
                String definition = AHLI_PERTAMA[s - 1];
                if (rated && definition != null) {
                    String category = CATEGORIES[s % 4];
                    rows.add(new SubcompetencyRow(s, SUBCOMPETENCIES[s - 1], true, definition, category,
                            new BigDecimal("3.12")));
                } else {
                    rows.add(new SubcompetencyRow(s, SUBCOMPETENCIES[s - 1], false, NOT_RATED, "-", null));
                }
            }
            sections.add(new CompetencySection(c, COMPETENCIES[c - 1], rows));
        }
        return sections;
    }

    static Activity activity(boolean ideal) {
        int[] counts = ideal ? new int[] {18, 3, 2, 1} : new int[] {8, 6, 7, 3};
        int[] percent = ideal ? new int[] {75, 13, 8, 4} : new int[] {33, 25, 29, 13};
        List<ActivityRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(new ActivityRow(LEVELS[i], "Pengantar Kerja " + LEVEL_LABELS[i], counts[i], percent[i]));
        }
        return new Activity(true, List.of(), "AHLI_PERTAMA", "Pengantar Kerja Ahli Pertama", rows, ideal, 75,
                "Kondisi Kerja Ideal", "Kondisi Kerja Kurang Ideal",
                "Seorang Pengantar Kerja Ahli Pertama berada pada kondisi kerja ideal apabila sekurang-kurangnya 75% dari total aktivitas kerjanya berada pada tugas pokok dan fungsi yang sesuai dengan jenjang jabatan yang diemban.",
                List.of("Profil aktivitas kerja disusun untuk memberikan gambaran nyata mengenai sejauh mana seorang Pengantar Kerja Ahli Pertama melaksanakan tugas pokok dan fungsi jabatannya sesuai dengan jenjang keahlian yang diemban. Melalui profil ini, dapat dipetakan apakah aktivitas sehari-hari telah berfokus pada lingkup tugas yang seharusnya atau justru banyak terserap pada aktivitas lain di luar jenjang jabatannya, misalnya karena kebutuhan organisasi.",
                        "Apabila aktivitas di luar tugas pokok dan fungsi jabatan lebih dominan, dapat muncul sejumlah risiko, seperti beban kerja yang tidak seimbang, ketidakjelasan peran individu, hingga hambatan dalam pengembangan kompetensi sesuai jenjang jabatan.",
                        "Sebagai kebijakan operasional, seorang Pengantar Kerja Ahli Pertama dinyatakan berada pada kondisi kerja ideal apabila sekurang-kurangnya 75% aktivitas kerjanya sesuai dengan tugas pokok dan fungsi jabatan pada jenjang yang sedang diemban (≥ 75%)."));
    }

    static Activity activityWaiting() {
        return new Activity(false, List.of("Atasan langsung", "Rekan kerja"), "AHLI_PERTAMA", "Pengantar Kerja Ahli Pertama",
                List.of(), false, 75, "Kondisi Kerja Ideal", "Kondisi Kerja Kurang Ideal", "…", List.of());
    }

    static ProgramState done(String[] program) {
        return new ProgramState(program[0], program[1], true, true, List.of(), List.of());
    }

    static IndividualReport pkFinal(long id, boolean ideal) {
        return new IndividualReport(1, CYCLE, "LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PENGANTAR KERJA",
                pkIdentity(id), Status.FINAL, "Hasil evaluasi kinerja lengkap.", List.of(done(PROGRAMS[0]), done(PROGRAMS[5])),
                pkProfile(true), new Conclusion(new BigDecimal("3.45"), "Berkinerja Sangat Tinggi"), activity(ideal), GENERATED);
    }

    static IndividualReport pkWaitingForActivity(long id) {
        return new IndividualReport(1, CYCLE, "LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PENGANTAR KERJA",
                pkIdentity(id), Status.FINAL, "Hasil evaluasi kinerja lengkap.", List.of(done(PROGRAMS[0])), pkProfile(true),
                new Conclusion(new BigDecimal("3.12"), "Berkinerja Tinggi"), activityWaiting(), GENERATED);
    }

    /** The PAK of Gambar 2.4: no NIP, no activity profile, rated in 3–11. */
    static IndividualReport pak(long id) {
        Identity who = new Identity(id, "Fendy Aryaputra", null, "Direktorat Bina Pengantar Kerja", "PAK", "PAK",
                "Petugas Antar Kerja", "DKI Jakarta", null);
        List<CompetencySection> sections = new ArrayList<>();
        for (int c = 1; c <= 6; c++) {
            List<SubcompetencyRow> rows = new ArrayList<>();
            for (int s = 1; s <= 15; s++) {
                if (COMPETENCY_OF[s - 1] == c) {
                    rows.add(s >= 3 && s <= 11
                            ? new SubcompetencyRow(s, SUBCOMPETENCIES[s - 1], true, "Melaksanakan tugas " + SUBCOMPETENCIES[s - 1].toLowerCase() + " sesuai kebutuhan pencari kerja.", "Cukup", new BigDecimal("2.50"))
                            : new SubcompetencyRow(s, SUBCOMPETENCIES[s - 1], false, NOT_RATED, "-", null));
                }
            }
            sections.add(new CompetencySection(c, COMPETENCIES[c - 1], rows));
        }
        return new IndividualReport(1, CYCLE, "LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PETUGAS ANTAR KERJA", who,
                Status.FINAL, "Hasil evaluasi kinerja lengkap.",
                List.of(new ProgramState(PAK_PROGRAMS[0], "Bimbingan Teknis Petugas Antar Kerja Kabupaten Wonogiri", true, true, List.of(), List.of())),
                sections, new Conclusion(new BigDecimal("2.61"), "Berkinerja Sedang"), null, GENERATED);
    }

    static IndividualReport pending(long id) {
        List<ProgramState> programs = List.of(
                new ProgramState(PROGRAMS[0][0], PROGRAMS[0][1], true, false, List.of("ATASAN", "PENGGUNA"),
                        List.of("Atasan langsung", "Pengguna layanan")),
                new ProgramState(PROGRAMS[5][0], PROGRAMS[5][1], true, false, List.of("REKAN"), List.of("Rekan kerja")),
                new ProgramState(PROGRAMS[1][0], PROGRAMS[1][1], false, false, List.of(), List.of()));
        return new IndividualReport(1, CYCLE, "LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PENGANTAR KERJA",
                pkIdentity(id), Status.PENDING, "Laporan belum tersedia: penilaian dari keempat pihak belum lengkap.",
                programs, pkProfile(false), null, activityWaiting(), GENERATED);
    }

    static IndividualReport partial(long id) {
        List<ProgramState> programs = List.of(done(PROGRAMS[0]),
                new ProgramState(PROGRAMS[5][0], PROGRAMS[5][1], true, false, List.of("PENGGUNA"), List.of("Pengguna layanan")));
        return new IndividualReport(1, CYCLE, "LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PENGANTAR KERJA",
                pkIdentity(id), Status.PARTIAL,
                "Kesimpulan disusun dari program yang penilaiannya sudah lengkap; program lain masih menunggu penilaian.",
                programs, pkProfile(true), new Conclusion(new BigDecimal("3.12"), "Berkinerja Tinggi"), activity(false), GENERATED);
    }

    // ---------------------------------------------------------------- national

    static final String[] PROVINCES = {"Aceh", "Sumatera Utara", "Sumatera Barat", "Bengkulu", "Riau", "Kepulauan Riau",
            "Jambi", "Sumatera Selatan", "Kepulauan Bangka Belitung", "Lampung", "Banten", "Daerah Khusus Ibukota Jakarta",
            "Jawa Barat", "Jawa Tengah", "Daerah Istimewa Yogyakarta", "Jawa Timur", "Kalimantan Barat", "Kalimantan Tengah",
            "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
            "Sulawesi Utara", "Sulawesi Barat", "Sulawesi Tengah", "Gorontalo", "Sulawesi Tenggara", "Sulawesi Selatan",
            "Maluku Utara", "Maluku"};
    /** Tabel 3.7 of the report, ST T S R SR per province. */
    static final int[][] TABLE_3_7 = {{3, 0, 0, 0, 0}, {3, 2, 7, 0, 0}, {18, 3, 2, 0, 0}, {3, 0, 0, 0, 0}, {2, 3, 4, 0, 0},
            {6, 0, 3, 0, 0}, {5, 3, 3, 0, 0}, {12, 1, 2, 1, 0}, {6, 1, 0, 0, 0}, {1, 0, 0, 0, 0}, {7, 1, 0, 0, 0},
            {36, 9, 26, 4, 0}, {32, 4, 6, 0, 2}, {24, 2, 6, 0, 1}, {7, 0, 0, 0, 0}, {31, 5, 1, 0, 0}, {9, 3, 0, 0, 0},
            {2, 0, 1, 0, 0}, {2, 1, 0, 0, 0}, {2, 0, 4, 0, 0}, {0, 0, 2, 0, 0}, {5, 2, 1, 0, 0}, {4, 2, 1, 0, 0},
            {4, 2, 2, 0, 0}, {3, 0, 0, 0, 0}, {3, 1, 1, 0, 0}, {4, 1, 0, 0, 0}, {1, 0, 0, 0, 0}, {5, 2, 5, 0, 0},
            {18, 3, 3, 0, 0}, {1, 1, 0, 0, 0}, {5, 0, 0, 0, 0}};

    static Column col(String key, String label, Kind kind) {
        return new Column(key, label, kind);
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    static List<Column> predicateColumns() {
        List<Column> columns = new ArrayList<>();
        String[] keys = {"ST", "T", "S", "R", "SR"};
        for (int i = 0; i < 5; i++) {
            columns.add(col(keys[i], PREDICATES[i], Kind.COUNT));
        }
        columns.add(col("total", "Jumlah", Kind.COUNT));
        return columns;
    }

    static ReportTable programTable(String id, String title, String[][] programs, int[][] counts) {
        List<Column> columns = List.of(col("no", "No", Kind.COUNT), col("program", "Kode Program", Kind.TEXT),
                col("title", "Program Pengembangan Kompetensi", Kind.TEXT), col("enrolled", "Jumlah Peserta", Kind.COUNT),
                col("eligible", "Memenuhi Nilai Minimal", Kind.COUNT), col("withResult", "Hasil Lengkap (4 Pihak)", Kind.COUNT));
        List<List<Object>> rows = new ArrayList<>();
        int[] sum = new int[3];
        for (int i = 0; i < programs.length; i++) {
            rows.add(row(i + 1, programs[i][0], programs[i][1], counts[i][0], counts[i][1], counts[i][2]));
            for (int k = 0; k < 3; k++) {
                sum[k] += counts[i][k];
            }
        }
        return new ReportTable(id, title, "Jumlah peserta terdaftar, yang memenuhi nilai pelatihan minimal, dan yang telah dinilai lengkap oleh keempat pihak penilai.",
                columns, rows, row("TOTAL", null, null, sum[0], sum[1], sum[2]));
    }

    static NationalReport national() {
        List<ReportTable> tables = new ArrayList<>();
        tables.add(programTable("3.1", "Tabel 3.1 Sasaran Evaluasi Kinerja Pengantar Kerja", PROGRAMS,
                new int[][] {{415, 400, 212}, {28, 26, 12}, {50, 48, 26}, {20, 20, 9}, {25, 25, 14}, {412, 398, 258}}));
        tables.add(new ReportTable("3.2", "Tabel 3.2 Jumlah Responden Pengantar Kerja Berdasarkan Jenjang Jabatan", null,
                List.of(col("level", "Jenjang", Kind.TEXT), col("count", "Jumlah", Kind.COUNT)),
                List.of(row("Ahli Pertama", 219), row("Ahli Muda", 151), row("Ahli Madya", 34), row("Ahli Utama", 0)),
                row("TOTAL", 404)));
        int[][] t33 = {{115, 78, 19, 0}, {10, 2, 0, 0}, {16, 9, 1, 0}, {4, 2, 3, 0}, {7, 4, 3, 0}, {144, 96, 18, 0}};
        List<Column> c33 = new ArrayList<>(List.of(col("no", "No", Kind.COUNT), col("program", "Kode Program", Kind.TEXT),
                col("title", "Program Pengembangan Kompetensi", Kind.TEXT)));
        for (int l = 0; l < 4; l++) {
            c33.add(col(LEVELS[l], LEVEL_LABELS[l], Kind.COUNT));
        }
        c33.add(col("total", "Jumlah", Kind.COUNT));
        List<List<Object>> r33 = new ArrayList<>();
        int[] s33 = new int[5];
        for (int p = 0; p < 6; p++) {
            List<Object> r = row(p + 1, PROGRAMS[p][0], PROGRAMS[p][1]);
            int total = 0;
            for (int l = 0; l < 4; l++) {
                r.add(t33[p][l]);
                s33[l] += t33[p][l];
                total += t33[p][l];
            }
            r.add(total);
            s33[4] += total;
            r33.add(r);
        }
        List<Object> total33 = row("TOTAL", null, null);
        for (int s : s33) {
            total33.add(s);
        }
        tables.add(new ReportTable("3.3", "Tabel 3.3 Jumlah Responden Pengantar Kerja Berdasarkan Pengembangan Kompetensi dan Jenjang Jabatan",
                null, c33, r33, total33));
        String[][] t34 = {{"3.12", "3.10", "3.21", null}, {"3.16", "2.86", null, null}, {"3.28", "3.21", "3.77", null},
                {"3.14", "3.10", "2.98", null}, {"3.32", "3.35", "3.00", null}, {"3.24", "3.17", "3.18", null}};
        List<Column> c34 = new ArrayList<>(c33.subList(0, 3));
        for (int l = 0; l < 4; l++) {
            c34.add(col(LEVELS[l], LEVEL_LABELS[l], Kind.MEAN));
        }
        List<List<Object>> r34 = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            List<Object> r = row(p + 1, PROGRAMS[p][0], PROGRAMS[p][1]);
            for (String m : t34[p]) {
                r.add(m == null ? null : new BigDecimal(m));
            }
            r34.add(r);
        }
        tables.add(new ReportTable("3.4", "Tabel 3.4 Rata-Rata Nilai Per Jenjang Berdasarkan Pengembangan Kompetensi",
                "Rata-rata nilai dari keempat pihak penilai (skala 1–4), dibulatkan dua desimal; \"-\" bila tidak ada peserta.",
                c34, r34, null));
        tables.add(predicates("3.5", "Tabel 3.5 Persentase Predikat Kinerja Pengantar Kerja", new int[] {264, 52, 80, 5, 3}));
        int[][] t36 = {{187, 13, 18, 1, 0}, {63, 30, 53, 2, 3}, {14, 9, 9, 2, 0}, {0, 0, 0, 0, 0}};
        List<Column> c36 = new ArrayList<>(List.of(col("level", "Jenjang", Kind.TEXT)));
        c36.addAll(predicateColumns());
        List<List<Object>> r36 = new ArrayList<>();
        for (int l = 0; l < 4; l++) {
            List<Object> r = row(LEVEL_LABELS[l]);
            int sum = 0;
            for (int v : t36[l]) {
                r.add(v);
                sum += v;
            }
            r.add(sum);
            r36.add(r);
        }
        tables.add(new ReportTable("3.6", "Tabel 3.6 Predikat Kinerja Pengantar Kerja berdasarkan Jenjang Jabatan", null, c36,
                r36, row("TOTAL", 264, 52, 80, 5, 3, 404)));
        tables.add(provinces("3.7", "Tabel 3.7 Predikat Kinerja Pengantar Kerja Berdasarkan Provinsi", PROVINCES, TABLE_3_7));
        List<Column> c38 = new ArrayList<>(List.of(col("no", "No", Kind.COUNT), col("subcompetency", "Subkompetensi", Kind.TEXT)));
        for (int l = 0; l < 4; l++) {
            c38.add(col(LEVELS[l], LEVEL_LABELS[l], Kind.COUNT));
        }
        List<List<Object>> r38 = new ArrayList<>();
        for (int s = 1; s <= 15; s++) {
            r38.add(row(s, SUBCOMPETENCIES[s - 1], 100 + 7 * s, 90 + 5 * s, 40 + 3 * s, 0));
        }
        tables.add(new ReportTable("3.8", "Tabel 3.8 Hasil Pemetaan Pelaksanaan Tugas Berdasarkan Subkompetensi dan Jenjang Jabatan",
                "Rata-rata dari tiga pihak penilai (diri sendiri, atasan, rekan kerja).", c38, r38, null));
        List<Column> c39 = new ArrayList<>(List.of(col("no", "No", Kind.COUNT), col("subcompetency", "Subkompetensi", Kind.TEXT),
                col("level", "Level Responden", Kind.TEXT), col("count", "JML", Kind.COUNT)));
        for (int l = 0; l < 4; l++) {
            c39.add(col(LEVELS[l], "Tugas " + LEVEL_LABELS[l], Kind.PERCENT));
        }
        List<List<Object>> r39 = new ArrayList<>();
        for (int s = 1; s <= 15; s++) {
            for (int l = 0; l < 4; l++) {
                boolean none = l == 3;
                r39.add(row(s, SUBCOMPETENCIES[s - 1], LEVEL_LABELS[l], none ? 0 : 100 + s * 3 + l,
                        s == 1 || s >= 14 ? null : none ? 0 : 41, none ? 0 : 26, none ? 0 : 33, s >= 12 && !none ? 1 : null));
            }
        }
        tables.add(new ReportTable("3.9", "Tabel 3.9 Rincian Sebaran Pelaksanaan Tugas Berdasarkan Subkompetensi dan Jenjang Jabatan",
                "Persentase tugas yang dilaksanakan menurut jenjang tugas; kosong bila katalog tidak memuat tugas pada jenjang tersebut.",
                c39, r39, null));
        tables.add(programTable("3.10", "Tabel 3.10 Jumlah Peserta Pengembangan Kompetensi Petugas Antar Kerja",
                new String[][] {{PAK_PROGRAMS[0], "Bimbingan Teknis Petugas Antar Kerja Kabupaten Wonogiri oleh Dinas Tenaga Kerja Wonogiri"},
                        {PAK_PROGRAMS[1], "Bimbingan Teknis Petugas Antar Kerja Kota Yogyakarta oleh Dinas Sosial, Tenaga Kerja dan Transmigrasi Kota Yogyakarta"},
                        {PAK_PROGRAMS[2], "Webinar Generative AI PLAN Indonesia untuk Petugas Antar Kerja"}},
                new int[][] {{60, 58, 40}, {39, 39, 30}, {211, 200, 78}}));
        tables.add(predicates("3.11", "Tabel 3.11 Predikat Kinerja Petugas Antar Kerja", new int[] {98, 44, 5, 0, 1}));
        String[] pakProvinces = Arrays.copyOf(PROVINCES, 22);
        int[][] t312 = new int[22][];
        for (int i = 0; i < 22; i++) {
            t312[i] = new int[] {i % 7 + 1, i % 3, i % 5 == 0 ? 1 : 0, 0, i == 19 ? 1 : 0};
        }
        tables.add(provinces("3.12", "Tabel 3.12 Predikat Kinerja Petugas Antar Kerja Berdasarkan Provinsi", pakProvinces, t312));
        tables.add(pakProfile());
        return new NationalReport("LAPORAN HASIL EVALUASI KINERJA NASIONAL PENGANTAR KERJA DAN PETUGAS ANTAR KERJA",
                NationalFilter.cycle(1), "Siklus: EvKin 2025", GENERATED, tables);
    }

    static ReportTable predicates(String id, String title, int[] counts) {
        int total = Arrays.stream(counts).sum();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(row(PREDICATES[i], counts[i], total == 0 ? null : (int) Math.round(100.0 * counts[i] / total)));
        }
        return new ReportTable(id, title, null, List.of(col("predicate", "Predikat", Kind.TEXT), col("count", "Jumlah", Kind.COUNT),
                col("percentage", "Persentase", Kind.PERCENT)), rows, row("TOTAL", total, 100));
    }

    static ReportTable provinces(String id, String title, String[] names, int[][] counts) {
        List<Column> columns = new ArrayList<>(List.of(col("no", "No", Kind.COUNT), col("province", "Provinsi", Kind.TEXT)));
        columns.addAll(predicateColumns());
        List<List<Object>> rows = new ArrayList<>();
        int[] sums = new int[6];
        for (int p = 0; p < names.length; p++) {
            List<Object> r = row(p + 1, names[p]);
            int sum = 0;
            for (int i = 0; i < 5; i++) {
                r.add(counts[p][i]);
                sums[i] += counts[p][i];
                sum += counts[p][i];
            }
            r.add(sum);
            sums[5] += sum;
            rows.add(r);
        }
        List<Object> total = row("TOTAL", null);
        for (int s : sums) {
            total.add(s);
        }
        return new ReportTable(id, title, null, columns, rows, total);
    }

    static ReportTable pakProfile() {
        List<Column> columns = List.of(col("competency", "Kompetensi", Kind.TEXT), col("subcompetency", "Subkompetensi", Kind.TEXT),
                col("explanation", "Penjelasan Subkompetensi", Kind.TEXT), col("category", "Kategori Penilaian", Kind.TEXT),
                col("mean", "Rata-Rata", Kind.MEAN));
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 1; s <= 15; s++) {
            String competency = COMPETENCY_OF[s - 1] + ". " + COMPETENCIES[COMPETENCY_OF[s - 1] - 1];
            if (s >= 3 && s <= 11) {
                rows.add(row(competency, s + ". " + SUBCOMPETENCIES[s - 1],
                        "Melaksanakan " + SUBCOMPETENCIES[s - 1].toLowerCase() + " bagi pencari dan pemberi kerja sesuai kebutuhan.",
                        "Sangat Baik", new BigDecimal("3.4" + (s % 10))));
            } else {
                rows.add(row(competency, s + ". " + SUBCOMPETENCIES[s - 1], NOT_RATED, "-", null));
            }
        }
        return new ReportTable("G3.1", "Gambar 3.1 Laporan Hasil Evaluasi Kinerja Petugas Antar Kerja Nasional",
                "Kategori dari rata-rata nasional nilai subkompetensi Petugas Antar Kerja yang memiliki kesimpulan kinerja.",
                columns, rows, row("KESIMPULAN", null, null, "Berkinerja Sangat Tinggi", new BigDecimal("3.45")));
    }
}
