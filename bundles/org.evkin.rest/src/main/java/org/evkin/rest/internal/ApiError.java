package org.evkin.rest.internal;

/** The JSON body of every error answer: a stable machine code and a message for people. */
public record ApiError(String error, String message) {
}
