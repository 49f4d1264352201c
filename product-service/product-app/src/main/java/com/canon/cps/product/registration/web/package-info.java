/**
 * The registration API ({@code /api/products}) and the command side behind it: {@code ProductRegistrations} prices a
 * model, claims or releases its serial number and sends the command in one transaction, and turns the domain's
 * refusals into problems (400, 404, 409).
 */
package com.canon.cps.product.registration.web;
