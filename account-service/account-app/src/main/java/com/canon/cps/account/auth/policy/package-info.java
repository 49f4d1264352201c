/**
 * What sign-in does when the account's events say so: a password reset with a link ends every session of the account
 * (its refresh tokens revoked in the transaction that stores the change, by a subscribing processor).
 */
package com.canon.cps.account.auth.policy;
