// The build failed (invoker.properties) because of the data, and says which expectations broke and how.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log.contains('on project validate-breach: Assay: the data of suite trips breached its expectations.'
        + ' 2 expectations did not hold:')
assert log.contains('Suite trips on trips.csv: 2 of 4 failed')
assert log.contains(' expect_column_values_to_be_unique  trip_id\n      2 of 5 values (40%) are duplicates\n'
        + '      samples: 3 (row 2), 3 (row 3)\n')
assert log.contains(' expect_column_values_to_be_between  fare\n      2 of 5 values (40%) are outside [0, 100]\n'
        + '      samples: -4.0 (row 2), 250.0 (row 4)\n')
// A breach is a MojoFailureException ("BUILD FAILURE" for the data), not an execution error of the plugin.
assert log.contains('org.apache.maven.plugin.MojoFailureException: Assay: the data of suite trips breached')
def xml = new File(basedir, 'target/assay-reports/TEST-assay-trips.xml').getText('UTF-8')
assert xml.contains('<testsuites name="assay trips" tests="4" failures="2" errors="0" skipped="0"')
assert xml.contains('<failure message="2 of 5 values (40%) are outside [0, 100]"')
return true
