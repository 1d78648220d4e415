package org.evkin.report;

/**
 * What a national report covers: a cycle, optionally one program, one level (AHLI_PERTAMA … AHLI_UTAMA or PAK) and one
 * province; regionProvince/regionDistrict are the asking admin's region (null for a national admin) and always apply.
 */
public record NationalFilter(long cycleId, String program, String level, String province, String regionProvince,
        String regionDistrict) {

    /** The whole cycle, nationally. */
    public static NationalFilter cycle(long cycleId) {
        return new NationalFilter(cycleId, null, null, null, null, null);
    }
}
