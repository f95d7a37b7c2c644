/**
 * The view models the data docs templates read. Public only because Freemarker reads them by
 * reflection; not API: they change with the pages.
 */
package dev.assay.datadocs.internal;
