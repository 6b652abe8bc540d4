// Lints Camunda Forms the way Camunda Modeler does, plus this project's own rules.
//
// Usage (after bundling, see lint.sh): node build/lint-forms.mjs FILE.form...
//
// @camunda/form-linting 0.25 knows Camunda 7 only up to 7.22 and reports nothing at all for a
// version it does not know. Our forms target Camunda 7.24, whose Tasklist renders the same form-js
// line (1.8, schemaVersion 16) as 7.22, so each form is linted as if it declared 7.22.0.
//
// Prints one line per problem, "forms/x.form: <message>", and exits 1 on any error.

import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';

import { FormLinter } from '@camunda/form-linting';
import { lintExpression } from '@bpmn-io/feel-lint';

const LINT_PLATFORM = { executionPlatform: 'Camunda Platform', executionPlatformVersion: '7.22.0' };

// Camunda 7 minor versions whose Tasklist renders the same form-js line as LINT_PLATFORM.
const MAPPED_VERSIONS = [ '7.22', '7.23', '7.24' ];

const SCHEMA_VERSION = 16;

// Components this project uses: all exist in form-js 1.8 and render in Tasklist 7.24.
// Extend the list deliberately, after checking the component in Tasklist.
const ALLOWED_TYPES = new Set([
  'default', 'textfield', 'textarea', 'number', 'checkbox', 'checklist', 'radio', 'select',
  'datetime', 'text', 'group', 'separator', 'spacer'
]);

const INPUT_TYPES = new Set([
  'textfield', 'textarea', 'number', 'checkbox', 'checklist', 'radio', 'select', 'datetime'
]);

const OPTION_TYPES = new Set([ 'checklist', 'radio', 'select' ]);

function lintFile(file) {
  const problems = [];
  const error = (message) => problems.push({ severity: 'error', message });
  const warn = (message) => problems.push({ severity: 'warning', message });

  let schema;
  try {
    schema = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    error(`not valid JSON: ${e.message}`);
    return problems;
  }

  // project rules: the form's identity and target platform
  const expectedId = basename(file).replace(/\.form$/, '');
  if (schema.id !== expectedId) {
    error(`id '${schema.id}' must equal the file name '${expectedId}'`);
  }
  if (schema.type !== 'default') {
    error(`root type must be 'default', not '${schema.type}'`);
  }
  if (schema.schemaVersion !== SCHEMA_VERSION) {
    error(`schemaVersion must be ${SCHEMA_VERSION} (form-js 1.8, Tasklist 7.24), not ${schema.schemaVersion}`);
  }
  const minor = String(schema.executionPlatformVersion || '').split('.').slice(0, 2).join('.');
  if (schema.executionPlatform !== LINT_PLATFORM.executionPlatform || !MAPPED_VERSIONS.includes(minor)) {
    error(`executionPlatform must be 'Camunda Platform' ${MAPPED_VERSIONS.join('/')}, not ` +
      `'${schema.executionPlatform}' '${schema.executionPlatformVersion}' (the linter would check nothing)`);
  }

  // Camunda's own form linter, as Camunda Modeler runs it
  const reports = new FormLinter().lint({ ...schema, ...LINT_PLATFORM });
  for (const report of reports) {
    const where = report.label ? `${report.id} (${report.label})` : report.id;
    const message = `${where}: ${report.message}`;
    if (report.category === 'error') {
      error(message);
    } else if (report.category === 'warn') {
      warn(message);
    }
  }

  // project rules: every component
  const ids = new Map();
  const keys = new Map();
  const visit = (component, path) => {
    const where = component.id || path;
    if (!component.id) {
      error(`${path}: component has no id`);
    } else if (ids.has(component.id)) {
      error(`${component.id}: id used twice`);
    } else {
      ids.set(component.id, path);
    }
    if (!ALLOWED_TYPES.has(component.type)) {
      error(`${where}: component type '${component.type}' is not in this project's Tasklist 7.24 list`);
    }
    if (INPUT_TYPES.has(component.type)) {
      if (typeof component.key !== 'string' || !component.key.trim()) {
        error(`${where}: input field has no key`);
      } else if (keys.has(component.key)) {
        error(`${where}: key '${component.key}' used twice`);
      } else {
        keys.set(component.key, where);
      }
      const label = component.type === 'datetime' ? component.dateLabel : component.label;
      if (!label) {
        error(`${where}: input field has no label${component.type === 'datetime' ? ' (dateLabel)' : ''}`);
      }
    }
    if (OPTION_TYPES.has(component.type)) {
      const values = component.values || [];
      // a server-fed list (valuesKey: a task variable the server sets when the task is
      // created, e.g. the people a step may pick) instead of static values
      const serverFed = typeof component.valuesKey === 'string' && /^[a-z][A-Za-z]*Choices$/.test(component.valuesKey);
      if (component.valuesKey !== undefined && !serverFed) {
        error(`${where}: valuesKey '${component.valuesKey}' must name a task variable ending in 'Choices' that the server sets`);
      }
      if (!values.length && !serverFed) {
        error(`${where}: no static values`);
      }
      if (values.length && serverFed) {
        error(`${where}: both static values and a valuesKey`);
      }
      const seen = new Set();
      for (const option of values) {
        if (!option || option.label === undefined || option.value === undefined) {
          error(`${where}: every value needs a label and a value`);
        } else if (seen.has(JSON.stringify(option.value))) {
          error(`${where}: value ${JSON.stringify(option.value)} listed twice`);
        } else {
          seen.add(JSON.stringify(option.value));
        }
      }
    }
    if (component.type === 'datetime' && ![ 'date', 'time', 'datetime' ].includes(component.subtype)) {
      error(`${where}: datetime needs subtype date, time or datetime`);
    }
    const pattern = component.validate && component.validate.pattern;
    if (pattern !== undefined) {
      try {
        new RegExp(pattern);
      } catch (e) {
        error(`${where}: invalid validation pattern: ${e.message}`);
      }
      if (!String(pattern).startsWith('^') || !String(pattern).endsWith('$')) {
        error(`${where}: validation pattern must be anchored with ^ and $ (form-js tests it unanchored)`);
      }
    }
    // FEEL anywhere below the component (form-linting checks top-level properties only)
    lintFeelDeep(component, [], (propertyPath) => error(`${where}: invalid FEEL expression in <${propertyPath}>`));
    (component.components || []).forEach((child, i) => visit(child, `${path}.components[${i}]`));
  };
  (schema.components || []).forEach((component, i) => visit(component, `components[${i}]`));

  return problems;
}

function lintFeelDeep(node, path, onError) {
  for (const [ name, value ] of Object.entries(node)) {
    if (name === 'components' && path.length === 0) {
      continue;
    }
    const propertyPath = [ ...path, name ];
    if (typeof value === 'string' && value.startsWith('=')) {
      const syntaxErrors = lintExpression(value.substring(1)).filter(({ type }) => type === 'Syntax Error');
      if (syntaxErrors.length) {
        onError(propertyPath.join('.'));
      }
    } else if (value && typeof value === 'object') {
      lintFeelDeep(value, propertyPath, onError);
    }
  }
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: lint-forms FILE.form...');
  process.exit(2);
}

let errors = 0;
let warnings = 0;
for (const file of files) {
  const name = relative(process.cwd(), file) || file;
  for (const { severity, message } of lintFile(file)) {
    if (severity === 'error') {
      errors++;
      console.log(`${name}: ${message}`);
    } else {
      warnings++;
      console.log(`${name}: warning: ${message}`);
    }
  }
}
console.log(`forms: ${files.length} linted, ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors ? 1 : 0);
