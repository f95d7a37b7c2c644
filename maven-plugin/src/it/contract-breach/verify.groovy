// The contract's error rule broke: the build failed and says which rule, where in the contract, and how; the
// warning rule that broke too is reported without being the cause.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log.contains(':contract-test (default) on project contract-breach: Assay: contract test'
        + ' src/contracts/shop.odcs.yaml: FAILED (exit 1): 6 passed, 1 breach, 1 warning')
assert log.contains('BREACH src/contracts/shop.odcs.yaml:21 orders: schema[0].properties[1].quality[0]'
        + ' expect_column_values_to_be_in_set(status): 1 of 3 values (33.33%) are not in {\'open\', \'paid\', \'shipped\'}')
assert log.contains('[WARNING] WARNING      src/contracts/shop.odcs.yaml:28 orders: schema[0].properties[2].quality[0]')
assert log.contains('org.apache.maven.plugin.MojoFailureException: Assay: contract test')
def xml = new File(basedir, 'target/assay-reports/TEST-assay-contract-test-shop.xml').getText('UTF-8')
assert xml.contains('<testsuites name="assay contract test src/contracts/shop.odcs.yaml"')
assert xml.contains('type="breach"')
return true
