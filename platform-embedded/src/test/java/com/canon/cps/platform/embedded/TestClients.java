package com.canon.cps.platform.embedded;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain protocol clients the tests talk to the servers with: kafka-clients and jakarta.mail. */
final class TestClients {

    private static final Duration KAFKA_DEADLINE = Duration.ofSeconds(30);

    private TestClients() {}

    static void produce(String bootstrapServers, String topic, String key, String value)
            throws ExecutionException, InterruptedException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static int partitions(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.partitionsFor(topic).size();
        }
    }

    /** Subscribes with a fresh consumer group and polls until {@code count} records arrived or the deadline passed. */
    static List<ConsumerRecord<String, String>> consumeWithGroup(String bootstrapServers, String topic, int count) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, "test-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            return poll(consumer, count);
        }
    }

    /** Reads every partition of {@code topic} from the beginning without a consumer group. */
    static List<ConsumerRecord<String, String>> readFromBeginning(String bootstrapServers, String topic, int count) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, KAFKA_DEADLINE).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return poll(consumer, count);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        } else {
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        }
        return new KafkaConsumer<>(config);
    }

    private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + KAFKA_DEADLINE.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    static void sendMail(int smtpPort, String from, List<String> to, List<String> cc, String subject, String text)
            throws MessagingException {
        sendMail(smtpPort, from, to, cc, subject, text, null);
    }

    /** With {@code messageId} set, the message carries that {@code Message-ID}, as a sender repeating a mail does. */
    static void sendMail(
            int smtpPort, String from, List<String> to, List<String> cc, String subject, String text, String messageId)
            throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", Ports.LOOPBACK);
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", messageId); // keep the sender's id, as Spring's JavaMailSender does
                }
            }
        };
        message.setFrom(new InternetAddress(from));
        for (String recipient : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        for (String recipient : cc) {
            message.addRecipient(Message.RecipientType.CC, new InternetAddress(recipient));
        }
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }
}
