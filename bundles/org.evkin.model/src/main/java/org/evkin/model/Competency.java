package org.evkin.model;

/** A subunsur kompetensi (one of six), e.g. 2 "Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja". */
public record Competency(int no, String name) {
}
