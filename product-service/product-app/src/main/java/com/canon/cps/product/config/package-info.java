/** product-service's typed settings ({@code cps.product.*}) and the wiring shared by its features (public endpoints). */
package com.canon.cps.product.config;
