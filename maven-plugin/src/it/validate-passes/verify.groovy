// The build succeeded (the invoker checks that); the summary is in the log and the JUnit XML report is written.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('--- assay:') && log.contains(':validate (default) @ validate-passes ---')
assert log =~ /Suite trips on data\/trips-\*\.csv: PASSED . 4\/4 expectations passed . 5 rows scanned/
def report = new File(basedir, 'target/assay-reports/TEST-assay-trips.xml')
assert report.isFile()
def xml = report.getText('UTF-8')
assert xml.contains('<testsuites name="assay trips" tests="4" failures="0" errors="0" skipped="0"')
assert xml.contains('<testcase classname="trips" name="expect_column_values_to_be_between(fare)" time="0"/>')
return true
