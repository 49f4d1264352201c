-- The feature package com.canon.cps.membership.membership became com.canon.cps.membership.subscription. Events and
-- snapshots keep their stored type names (RenameMembershipPackageToSubscriptionUpcaster reads them under the new
-- package), but Axon's dead letters are deserialised without upcasters: rename their payload types here, or a
-- dead-lettered membership event could never be retried. Stored deadlines (scheduled_deadline) hold a name and JSON
-- only, no class names. Snapshots are a cache: the ones under the old name are dropped and rebuilt from the events.
UPDATE deadletterentry
   SET payloadtype = 'com.canon.cps.membership.subscription.' || substr(payloadtype, length('com.canon.cps.membership.membership.') + 1)
 WHERE payloadtype LIKE 'com.canon.cps.membership.membership.%';

DELETE FROM snapshotevententry WHERE payloadtype LIKE 'com.canon.cps.membership.membership.%';
