-- The feature package com.canon.cps.account.application became com.canon.cps.account.onboarding. Events keep their
-- stored type names (RenameApplicationPackageToOnboardingUpcaster reads them under the new package), but Axon's dead
-- letters are deserialised without upcasters: rename their payload types here, or a dead-lettered account event could
-- never be retried. account-service schedules no deadlines (scheduled_deadline holds no class names anyway). Snapshots
-- are a cache: any under the old name are dropped and rebuilt from the events.
UPDATE deadletterentry
   SET payloadtype = 'com.canon.cps.account.onboarding.' || substr(payloadtype, length('com.canon.cps.account.application.') + 1)
 WHERE payloadtype LIKE 'com.canon.cps.account.application.%';

UPDATE deadletterentry
   SET causetype = 'com.canon.cps.account.onboarding.' || substr(causetype, length('com.canon.cps.account.application.') + 1)
 WHERE causetype LIKE 'com.canon.cps.account.application.%';

DELETE FROM snapshotevententry WHERE payloadtype LIKE 'com.canon.cps.account.application.%';
