/** Metrics: the values engines compute and expectations judge. Equal metrics are computed once. */
package dev.assay.metric;
