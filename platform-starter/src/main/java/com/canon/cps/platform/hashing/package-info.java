/** Hashes the services share (one SHA-256 helper instead of a copy per class). */
package com.canon.cps.platform.hashing;
