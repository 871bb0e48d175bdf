package cn.dangjian.platform.web;

/**
 * The version a client last read (its {@code ETag}), sent back in {@code If-Match} on a write. A
 * controller method takes it as a parameter; {@link ExpectedVersionResolver} reads the header, so a
 * missing one is 428 and a malformed one 412 everywhere, and the API documents it as required.
 */
public record ExpectedVersion(long value) {}
