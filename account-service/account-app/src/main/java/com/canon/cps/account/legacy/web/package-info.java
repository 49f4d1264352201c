/**
 * The proof of an old CPS e-mail over HTTP: give the address, ask for a code, type the code in (wrong tries counted).
 */
package com.canon.cps.account.legacy.web;
