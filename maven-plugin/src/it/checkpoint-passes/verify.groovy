// The checkpoint ran with min_rows from the POM (its own 100 would fail), stored its result under target/, and
// the report names the checkpoint.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Checkpoint build (run ')
assert log =~ /Suite trips on trips: PASSED . 4\/4 expectations passed/
assert log.contains('store_validation_result: stored 1 result in ')
def results = new File(basedir, 'target/assay/results/validations/trips')
assert results.isDirectory()
def xml = new File(basedir, 'target/assay-reports/TEST-assay-build.xml').getText('UTF-8')
assert xml.contains('<testsuites name="assay build" tests="4" failures="0" errors="0" skipped="0"')
assert xml.contains('<property name="checkpoint" value="build"/>')
return true
