/**
 * membership-service: the CPS invitation, the tier page, checkout and the membership's lifecycle. Features:
 * {@code subscription} (the {@code Membership} aggregate and its read side) and {@code terms} (the published CPS
 * Terms and Conditions); {@code config} holds the service's typed settings.
 */
package com.canon.cps.membership;
