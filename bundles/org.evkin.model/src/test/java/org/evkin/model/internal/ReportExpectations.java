package org.evkin.model.internal;

import java.util.Map;

/** Expected blueprint data counted by hand from the report (Bab II, Tabel 2.3–2.6 and the PAK blueprint), independent of competency-model.json. */
public final class ReportExpectations {

    private ReportExpectations() {
    }

    /**
     * Number of indikator perilaku per subkompetensi (index i = subkompetensi i+1); 0 = empty blueprint cell,
     * i.e. the subkompetensi is not part of that target.
     */
    public static final Map<String, int[]> INDICATORS_PER_SUBCOMPETENCY = Map.of(
            //                      1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
            "AHLI_PERTAMA", new int[] {0, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 0, 0}, // 37
            "AHLI_MUDA",    new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0}, // 42
            "AHLI_MADYA",   new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3, 3}, // 42
            "AHLI_UTAMA",   new int[] {3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 3, 3}, // 12
            "PAK",          new int[] {0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0}); // 30

    /** Exact (fixed) text of the first indikator perilaku of a cell, keyed "TARGET/subkompetensiNo". */
    public static final Map<String, String> FIRST_INDICATOR_SAMPLES = Map.ofEntries(
            Map.entry("AHLI_PERTAMA/2", "Mengumpulkan data jabatan sesuai format baku."),
            Map.entry("AHLI_PERTAMA/6", "Mengidentifikasi lowongan pekerjaan sesuai format layanan antar kerja."),
            Map.entry("AHLI_PERTAMA/13", "Memeriksa keaslian dokumen kelembagaan."),
            Map.entry("AHLI_MUDA/1", "Menyusun rencana teknis pelaksanaan layanan antar kerja sesuai kebutuhan dan prioritas wilayah."),
            Map.entry("AHLI_MUDA/4", "Menyusun kelengkapan penyuluhan jabatan yang sesuai dengan kebutuhan audiens."),
            Map.entry("AHLI_MUDA/14", "Mengidentifikasi capaian program secara terukur."),
            Map.entry("AHLI_MADYA/8", "Mengukur kepuasan pencari kerja melalui instrumen evaluasi yang sesuai standar."),
            Map.entry("AHLI_MADYA/11", "Mengevaluasi hasil pelaksanaan job canvassing berdasarkan capaian target promosi peluang kerja."),
            Map.entry("AHLI_UTAMA/1", "Menyusun kebijakan strategis pengembangan layanan antar kerja jangka menengah dan panjang."),
            Map.entry("AHLI_UTAMA/12", "Menyusun kerangka kebijakan nasional pengendalian pemanfaatan TKA."),
            Map.entry("PAK/2", "Mengumpulkan uraian jabatan dari pemberi kerja."),
            Map.entry("PAK/6", "Mengidentifikasi pencari kerja sesuai kebutuhan."));
}
