// YAML import: a SAM template in YAML (short-form tags) opens its machine, and exporting
// the template writes YAML back with the edited definition in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from '../support/browser.mjs';
import { downloadBytes, documentText, pasteOnPage, studioSession, waitForStates } from '../support/io.mjs';

const session = studioSession();

// The definition as it appears inside the template, written as JSON for comparison.
const FLOW = {
  StartAt: 'Call',
  States: {
    Call: { Type: 'Task', Resource: '${CallFunction.Arn}', Next: 'Check' },
    Check: { Type: 'Choice', Choices: [{ Variable: '$.done', BooleanEquals: true, Next: 'Finished' }], Default: 'Call' },
    Finished: { Type: 'Succeed' },
  },
};
const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  CallFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Sub |
        ${JSON.stringify(FLOW)}
`;

test('a YAML SAM template opens its machine and exports back as YAML', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await pasteOnPage(page, TEMPLATE);
  await waitForStates(page, Object.keys(FLOW.States));
  assert.deepEqual(JSON.parse(await documentText(page)), FLOW);
  const { name, bytes } = await downloadBytes(page, 'download-template');
  assert.equal(name, 'template.yaml');
  const yaml = bytes.toString('utf8');
  assert.match(yaml, /^Transform: AWS::Serverless-2016-10-31$/m);
  assert.match(yaml, /^ {6}DefinitionString:\n {8}Fn::Sub: /m, '!Sub comes back in its long form');
  assert.ok(yaml.includes('${CallFunction.Arn}'), 'the reference stays a placeholder for Fn::Sub');
  assert.deepEqual(errors, []);
});

test('a YAML definition opens as JSON', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await pasteOnPage(page, 'StartAt: Only\nStates:\n  Only:\n    Type: Pass\n    End: true\n');
  await waitForStates(page, ['Only']);
  assert.deepEqual(JSON.parse(await documentText(page)), { StartAt: 'Only', States: { Only: { Type: 'Pass', End: true } } });
  assert.deepEqual(errors, []);
});
