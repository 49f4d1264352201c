package com.canon.cps.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSmtpServerTest {

    @TempDir
    Path tempDir;

    @Test
    void aRepeatWithTheSameMessageIdIsAcknowledgedButKeptOnce_alsoAfterARestart() throws Exception {
        Path dir = tempDir.resolve("mail");
        String id = "<repeat-1@cps.canon-europe.com>";
        try (EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(dir, 0)) {
            TestClients.sendMail(smtp.port(), "a@x.example", List.of("b@x.example"), List.of(), "Hello", "once", id);
            TestClients.sendMail(smtp.port(), "a@x.example", List.of("b@x.example"), List.of(), "Hello", "once", id);
            TestClients.sendMail(smtp.port(), "a@x.example", List.of("b@x.example"), List.of(), "Other", "other");
            assertThat(smtp.mailTo("b@x.example")).hasSize(2);
            assertThat(smtp.repeatsDropped()).isEqualTo(1);
        }
        try (EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(dir, 0)) {
            TestClients.sendMail(smtp.port(), "a@x.example", List.of("b@x.example"), List.of(), "Hello", "once", id);
            assertThat(smtp.mailTo("b@x.example")).hasSize(2);
            assertThat(smtp.repeatsDropped()).isEqualTo(1);
        }
    }

    @Test
    void capturesMailForAnyRecipientInMemory() throws Exception {
        try (EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(null, 0)) {
            TestClients.sendMail(
                    smtp.port(),
                    "donotreply@cps.example",
                    List.of("Anna.Schmidt@Example.DE"),
                    List.of("ops@cps.example"),
                    "Willkommen bei CPS – Ihr Konto",
                    "Hallo Anna,\nIhr Konto ist eröffnet.");

            List<CapturedMail> mails = smtp.mailTo("anna.schmidt@example.de");
            assertThat(mails).hasSize(1);
            CapturedMail mail = mails.get(0);
            assertThat(mail.from()).isEqualTo("donotreply@cps.example");
            assertThat(mail.to()).containsExactlyInAnyOrder("Anna.Schmidt@Example.DE", "ops@cps.example");
            assertThat(mail.subject()).isEqualTo("Willkommen bei CPS – Ihr Konto");
            assertThat(mail.text()).isEqualTo("Hallo Anna,\nIhr Konto ist eröffnet.");
            assertThat(mail.messageId()).isNotBlank();
            assertThat(mail.receivedAt()).isNotNull();
            assertThat(smtp.mailTo("OPS@cps.example")).containsExactly(mail);
            assertThat(smtp.mailTo("nobody@example.de")).isEmpty();
        }
    }

    @Test
    void capturedMailSurvivesARestartNewestFirst() throws Exception {
        Path mailDir = tempDir.resolve("mail");
        try (EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(mailDir, 0)) {
            TestClients.sendMail(
                    smtp.port(), "donotreply@cps.example", List.of("a@example.de"), List.of(), "first", "1");
            TestClients.sendMail(
                    smtp.port(), "donotreply@cps.example", List.of("a@example.de"), List.of(), "second", "2");
        }
        try (Stream<Path> files = Files.list(mailDir)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly("000000000001.eml", "000000000002.eml");
        }

        try (EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(mailDir, 0)) {
            assertThat(smtp.mailTo("A@example.de"))
                    .extracting(CapturedMail::subject)
                    .containsExactly("second", "first");
            TestClients.sendMail(
                    smtp.port(), "donotreply@cps.example", List.of("b@example.de"), List.of(), "third", "3");
            assertThat(smtp.all()).extracting(CapturedMail::subject).containsExactly("third", "second", "first");
        }

        try (EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(mailDir, 0)) {
            assertThat(smtp.all()).extracting(CapturedMail::text).containsExactly("3", "2", "1");
        }
    }

    @Test
    void aMessageThatCannotBeStoredDurablyIsRejectedNotAcknowledged() throws Exception {
        Path mailDir = tempDir.resolve("mail");
        try (EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(mailDir, 0)) {
            Files.delete(mailDir);
            Files.writeString(mailDir, "not a directory any more"); // every write into the spool now fails

            assertThatThrownBy(() -> TestClients.sendMail(
                            smtp.port(), "donotreply@cps.example", List.of("a@example.de"), List.of(), "lost", "x"))
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("451");
            assertThat(smtp.all()).isEmpty();

            Files.delete(mailDir);
            Files.createDirectory(mailDir);
            TestClients.sendMail(
                    smtp.port(), "donotreply@cps.example", List.of("a@example.de"), List.of(), "kept", "y");
            assertThat(smtp.all()).extracting(CapturedMail::subject).containsExactly("kept");
        }
    }
}
