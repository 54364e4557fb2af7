package dev.sreagent.local.internal;

/**
 * One line read from a log file.
 *
 * @param start byte offset of its first byte
 * @param end byte offset just after its newline (or after its last byte for a final unterminated line)
 * @param text decoded text, without the line ending; invalid UTF-8 replaced; cut with a marker when too long
 */
public record RawLine(long start, long end, String text) {}
