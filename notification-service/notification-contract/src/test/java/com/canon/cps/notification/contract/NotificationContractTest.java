package com.canon.cps.notification.contract;

import com.canon.cps.contract.test.PublishedContractTest;

/** The published contract of notification-service: records vs. JSON Schemas, golden samples, AsyncAPI document. */
class NotificationContractTest extends PublishedContractTest {

    NotificationContractTest() {
        super(
                "notification",
                "notification-service sends the e-mails and in-app notifications (the bell) for the events of the other services.");
    }
}
