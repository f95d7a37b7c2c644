// The contract's error rule broke: the build failed and says which rule, where in the contract, and how; the
// warning rule that broke too is reported without being the cause.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log.contains(':contract-test (default) on project contract-breach: Assay: contract shop 2.0.0 (')
assert log.contains(') does not hold:\n[ERROR] \n[ERROR] 1 failed rule:\n[ERROR]   orders: schema[0].properties[1].quality[0]'
        + ' expect_column_values_to_be_in_set failed: 1 of 3 values (33.33%) are not in {\'open\', \'paid\', \'shipped\'}')
assert log.contains('[WARNING] Warnings:\n[WARNING]   orders: schema[0].properties[2].quality[0]')
assert log.contains('org.apache.maven.plugin.MojoFailureException: Assay: contract shop 2.0.0')
def xml = new File(basedir, 'target/assay-reports/TEST-assay-shop.xml').getText('UTF-8')
assert xml.contains('<property name="contract" value="shop"/>')
return true
