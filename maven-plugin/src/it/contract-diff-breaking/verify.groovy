// The column note was removed: a breaking change, named with its place in the contract.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains(':contract-diff (default) on project contract-diff-breaking: Assay: contract diff'
        + ' src/contracts/shop.odcs.yaml: FAILED (exit 1)')
assert log =~ /BREAKING src\/contracts\/shop\.odcs\.yaml(:\d+)? diff: schema\[0\]\.properties\[2\]: property 'orders\.note' removed/
def xml = new File(basedir, 'target/assay-reports/TEST-assay-contract-diff-shop.xml').getText('UTF-8')
assert xml.contains('type="breaking"')
return true
