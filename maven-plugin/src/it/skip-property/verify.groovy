// -Dassay.skip skipped the goal: the breaching data was not read and no report was written.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Skipping Assay (assay.skip)')
assert !log.contains('Suite trips')
assert !new File(basedir, 'target/assay-reports').exists()
return true
