package com.canon.cps.verification.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    @Test
    void pdf_isRecognisedByItsHeader() {
        assertThat(ContentSniffer.sniff("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)))
                .contains(ContentSniffer.PDF);
    }

    @Test
    void png_isRecognisedByItsEightByteSignature() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(ContentSniffer.sniff(png)).contains(ContentSniffer.PNG);
    }

    @Test
    void jpeg_isRecognisedByItsStartOfImageMarker() {
        assertThat(ContentSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}))
                .contains(ContentSniffer.JPEG);
        assertThat(ContentSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1}))
                .as("EXIF JPEG")
                .contains(ContentSniffer.JPEG);
    }

    @Test
    void textThatMentionsPdf_isNotAPdf() {
        assertThat(ContentSniffer.sniff("This is not a %PDF-1.4 file".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ContentSniffer.sniff(" %PDF-1.4".getBytes(StandardCharsets.UTF_8)))
                .as("the signature must be at the very start")
                .isEmpty();
    }

    @Test
    void otherFormats_areRefused() {
        assertThat(ContentSniffer.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(ContentSniffer.sniff(new byte[] {'P', 'K', 3, 4, 20, 0}))
                .as("zip / docx")
                .isEmpty();
        assertThat(ContentSniffer.sniff("<html><body>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void truncatedSignatures_andEmptyInput_areRefused() {
        assertThat(ContentSniffer.sniff(new byte[0])).isEmpty();
        assertThat(ContentSniffer.sniff(null)).isEmpty();
        assertThat(ContentSniffer.sniff("%PDF".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(ContentSniffer.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .isEmpty();
        assertThat(ContentSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    }

    @Test
    void downloads_getTheExtensionOfTheirType() {
        assertThat(ContentSniffer.extension(ContentSniffer.PDF)).isEqualTo(".pdf");
        assertThat(ContentSniffer.extension(ContentSniffer.PNG)).isEqualTo(".png");
        assertThat(ContentSniffer.extension(ContentSniffer.JPEG)).isEqualTo(".jpg");
    }
}
