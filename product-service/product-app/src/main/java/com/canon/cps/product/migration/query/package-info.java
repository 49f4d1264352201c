/** The read side of legacy migrations: per account, the old e-mail it gave and the outcome of its migration. */
package com.canon.cps.product.migration.query;
