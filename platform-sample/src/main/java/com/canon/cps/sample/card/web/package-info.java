/** The member's card over HTTP ({@code GET /api/card}). */
package com.canon.cps.sample.card.web;
