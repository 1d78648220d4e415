// Runs after the project is generated. The archetype plugin checks validationRegex only when it asks interactively,
// so the properties are checked here for -DinteractiveMode=false too, and the generated descriptor is parsed. On a
// problem the half-made project is removed and generation fails with every problem listed.
import groovy.json.JsonSlurper
import java.time.LocalDate
import java.time.format.DateTimeParseException

def props = request.properties
def dir = new File(request.outputDirectory, request.artifactId)
def problems = []

def code = props.getProperty('programCode', '')
if (!(code ==~ /[A-Z0-9][A-Z0-9-]{2,52}/)) {
    problems << "programCode '${code}': 3-53 capital letters, digits or '-', e.g. BIMTEK-PAK-SOLO-2026"
}
def prefix = props.getProperty('itemPrefix', '')
if (!(prefix ==~ /[A-Z0-9][A-Z0-9-]{2,53}/)) {
    problems << "itemPrefix '${prefix}': 3-54 capital letters, digits or '-' (the item codes' short tag)"
}
def kind = props.getProperty('targetKind', '')
if (!(kind in ['PK', 'PAK'])) {
    problems << "targetKind '${kind}': PK or PAK"
}
def version = request.version
if (!(version ==~ /(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})/)) {
    problems << "version '${version}': plain major.minor.micro such as 1.0.0 (it is the Bundle-Version; no -SNAPSHOT)"
}
['programTitle', 'organizer'].each { key ->
    def text = props.getProperty(key, '')
    if (text.trim().isEmpty() || text =~ /["\\\p{Cntrl}]/ || text.contains(']]>')) {
        problems << "${key} '${text}': must not be empty nor contain a double quote, a backslash or control characters"
    }
}
def dates = ['trainingStart', 'trainingEnd'].collectEntries { key ->
    def text = props.getProperty(key, '')
    try {
        [(key): LocalDate.parse(text)]
    } catch (DateTimeParseException e) {
        problems << "${key} '${text}': a date YYYY-MM-DD"
        [(key): null]
    }
}
if (dates.trainingStart && dates.trainingEnd && dates.trainingEnd.isBefore(dates.trainingStart)) {
    problems << "trainingEnd ${dates.trainingEnd} is before trainingStart ${dates.trainingStart}"
}

if (problems.isEmpty()) {
    def descriptor = new File(dir, 'src/main/resources/EVKIN-INF/instrument.json')
    try {
        def json = new JsonSlurper().parse(descriptor, 'UTF-8')
        if (json.version != version || json.code != code || json.target?.kind != kind) {
            problems << "the generated descriptor does not carry code ${code}, version ${version}, target ${kind}"
        }
    } catch (Exception e) {
        problems << "the generated descriptor is not valid JSON: ${e.message}"
    }
}

if (!problems.isEmpty()) {
    dir.deleteDir()
    throw new IllegalArgumentException('EvKin instrument project not generated:\n  - ' + problems.join('\n  - '))
}
println "EvKin instrument ${code} ${version} (${kind}) generated in ${dir}: edit src/main/resources/EVKIN-INF/instrument.json (see README.md), then mvn package"
