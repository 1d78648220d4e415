package org.evkin.workflow;

/** A signed-in admin: national, or regional with its province (and optionally district) as scope. */
public record Account(long id, String email, String name, Role role, String province, String district) {

    /** Whether a participant of this province and district is within this admin's region. */
    public boolean covers(String participantProvince, String participantDistrict) {
        if (role == Role.NATIONAL_ADMIN) {
            return true;
        }
        return province != null && province.equals(participantProvince)
                && (district == null || district.equalsIgnoreCase(participantDistrict == null ? "" : participantDistrict));
    }

    /** How audit entries name this account. */
    public String actor() {
        return email;
    }
}
