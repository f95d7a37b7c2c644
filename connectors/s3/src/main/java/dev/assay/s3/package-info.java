/**
 * Files in Amazon S3 and S3-compatible stores: {@link dev.assay.s3.S3Source} declares data assets over a
 * bucket prefix; {@link dev.assay.s3.S3FileStore} lists and reads objects with ranged GETs.
 */
package dev.assay.s3;
