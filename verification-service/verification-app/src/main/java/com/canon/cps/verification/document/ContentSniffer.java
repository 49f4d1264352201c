package com.canon.cps.verification.document;

import java.util.Optional;

/**
 * Tells the content type from the first bytes of a file (its magic number), whatever the file name or the declared
 * type says: only PDF, PNG and JPEG are accepted as evidence.
 */
final class ContentSniffer {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    /** Bytes needed to recognise every accepted type. */
    public static final int HEADER_LENGTH = 8;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private ContentSniffer() {}

    /** The content type of a file starting with {@code header}; empty when it is none of the accepted types. */
    public static Optional<String> sniff(byte[] header) {
        if (startsWith(header, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(header, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(header, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    /** File extension for downloads. */
    public static String extension(String contentType) {
        return switch (contentType) {
            case PDF -> ".pdf";
            case PNG -> ".png";
            case JPEG -> ".jpg";
            default -> "";
        };
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        if (data == null || data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
