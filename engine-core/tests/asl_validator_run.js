// Runs npm asl-validator over definition files and prints one JSON line per file:
// {"file", "isValid", "errors"}. A tests/validate_cases file is read for its
// `definition` (or `text`). Install the validator outside the repository, e.g.
//   mkdir -p /tmp/aslv && cd /tmp/aslv && npm install asl-validator@4
//   NODE_PATH=/tmp/aslv/node_modules node engine-core/tests/asl_validator_run.js FILE...
// and compare with `statelab validate --format json FILE...`; the disagreements are
// recorded in asl_validator_differences.json.
const validator = require('asl-validator');
const fs = require('fs');

function definitionOf(file) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!file.includes('validate_cases')) return doc;
  return doc.text !== undefined ? JSON.parse(doc.text) : doc.definition;
}

for (const file of process.argv.slice(2)) {
  let out;
  try {
    const result = validator(definitionOf(file));
    out = { file, isValid: result.isValid, errors: result.errors.map((e) => `${e['Error code'] || ''} ${e.Message || JSON.stringify(e)}`) };
  } catch (e) {
    out = { file, isValid: false, errors: [`not readable: ${e.message}`] };
  }
  console.log(JSON.stringify(out));
}
