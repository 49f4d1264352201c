package com.canon.cps.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class IndexKeyTypeTest {

    @Test
    void ordersIndexKeysExactlyAsObjectDataType() {
        SplittableRandom random = new SplittableRandom(19);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            keys.add(new KeyValue(
                    switch (i % 6) {
                        case 0 -> "acc-" + random.nextInt(1_000);
                        case 1 -> random.nextInt();
                        case 2 -> random.nextLong();
                        case 3 -> random.nextDouble();
                        case 4 -> new ObjectId();
                        default ->
                            new Document("accountId", "acc-" + random.nextInt(50)).append("n", random.nextInt(3));
                    }));
        }
        keys.add(new KeyValue("acc-1", 2));
        keys.add(new KeyValue("acc-1", 2)); // equal to the one before, another object
        keys.add(42L); // not a KeyValue: ObjectDataType's own comparison
        keys.add("text");
        IndexKeyType ours = new IndexKeyType();
        ObjectDataType shipped = new ObjectDataType();

        for (Object a : keys) {
            for (Object b : keys) {
                assertThat(Integer.signum(ours.compare(a, b)))
                        .as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(shipped.compare(a, b)));
            }
        }
    }

    @Test
    void serialisesAKeyOnceForAllItsComparisons() {
        IndexKeyType type = new IndexKeyType();
        KeyValue searched = new KeyValue("acc-7");
        List<KeyValue> page = List.of(new KeyValue("acc-1"), new KeyValue("acc-5"), new KeyValue("acc-9"));

        for (int search = 0; search < 100; search++) {
            for (KeyValue stored : page) {
                type.compare(searched, stored);
            }
        }

        assertThat(type.serialisations()).isEqualTo(4); // ObjectDataType: 600
    }
}
