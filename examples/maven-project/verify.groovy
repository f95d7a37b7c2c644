// Run by Assay's build after both invocations (invoker.properties): the JUnit test ran and passed,
// the data met the contract, and the proposed contract failed the build for its breaking changes.
def tests = new File(basedir, 'target/surefire-reports/TEST-com.example.orders.OrdersDataTest.xml')
assert tests.isFile()
assert tests.getText('UTF-8').contains('tests="1" errors="0" skipped="0" failures="0"')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("property 'orders.amount' removed (a rename is a removal plus an addition)")
assert log.contains("property 'orders.placed_on': optional to required")
return true
