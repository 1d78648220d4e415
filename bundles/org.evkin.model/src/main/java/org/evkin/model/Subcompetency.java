package org.evkin.model;

/** A subkompetensi (one of fifteen) with the number of the competency (subunsur) it belongs to. */
public record Subcompetency(int no, String name, int competency) {
}
