package org.evkin.instrument;

/** Whom a program evaluates: Pengantar Kerja (by level) or Petugas Antar Kerja. */
public enum TargetKind {
    PK, PAK
}
