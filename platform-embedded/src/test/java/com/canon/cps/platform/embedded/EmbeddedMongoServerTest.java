package com.canon.cps.platform.embedded;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    @TempDir
    Path tempDir;

    @Test
    void memoryBackendStoresAndFindsDocuments() {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(null, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
            MongoCollection<Document> accounts = client.getDatabase("accounts").getCollection("account");
            accounts.insertOne(new Document("_id", "a-1").append("status", "OPEN"));

            assertThat(accounts.find(eq("_id", "a-1")).first()).containsEntry("status", "OPEN");
        }
    }

    @Test
    void h2FileBackendKeepsDocumentsAcrossRestarts() {
        Path file = tempDir.resolve("mongo/read-models.mv");
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("documents")
                    .getCollection("upload")
                    .insertOne(new Document("_id", "d-1").append("type", "application/pdf"));
        }
        assertThat(file).exists();

        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("documents")
                    .getCollection("upload")
                    .find(eq("_id", "d-1"))
                    .first();
            assertThat(found).containsEntry("type", "application/pdf");
        }
    }
}
