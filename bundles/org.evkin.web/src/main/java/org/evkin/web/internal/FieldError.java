package org.evkin.web.internal;

/** A problem with one form field: the field's id (for the error summary's link) and the message shown at the field. */
public record FieldError(String field, String message) {
}
