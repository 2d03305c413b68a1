// Templates: a CloudFormation template with two state machines asks which to open; the
// chosen one loads and "Download template" writes the edited definition back into it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, artifactPath } from '../support/browser.mjs';
import { stateNames } from '../support/definitions.mjs';
import { downloadBytes, dropFile, pasteOnPage, runAction, waitForStates , studioSession } from '../support/io.mjs';

const ORDERS = { StartAt: 'Validate', States: { Validate: { Type: 'Pass', Next: 'Done' }, Done: { Type: 'Succeed' } } };
const REFUNDS = {
  StartAt: 'Lookup',
  States: {
    Lookup: { Type: 'Task', Resource: '${RefundFunctionArn}', Next: 'Decide' },
    Decide: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Paid' }], Default: 'Rejected' },
    Paid: { Type: 'Succeed' },
    Rejected: { Type: 'Fail', Error: 'Refund.Rejected' },
  },
};
// CloudFormation's own shapes: Definition as an object, DefinitionString with substitutions.
const TEMPLATE = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    OrdersMachine: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: ORDERS } },
    RefundFunction: { Type: 'AWS::Lambda::Function', Properties: {} },
    RefundsMachine: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        DefinitionString: JSON.stringify(REFUNDS),
        DefinitionSubstitutions: { RefundFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:refund' },
      },
    },
  },
}, null, 2);

const session = studioSession();

test('two machines: the picker opens the chosen one, export writes it back', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await pasteOnPage(page, TEMPLATE);
  await page.waitForSelector('[data-testid="machine-picker"]');
  const offered = await page.$$eval('[data-testid="pick-machine"]', (b) => b.map((x) => x.getAttribute('data-logical-id')));
  assert.deepEqual(offered, ['OrdersMachine', 'RefundsMachine']);
  await page.screenshot({ path: artifactPath('io-picker.png') });
  await page.click('[data-testid="pick-machine"][data-logical-id="RefundsMachine"]');
  await waitForStates(page, stateNames(REFUNDS));

  const { bytes } = await downloadBytes(page, 'download-template');
  const exported = JSON.parse(bytes.toString('utf8'));
  const props = exported.Resources.RefundsMachine.Properties;
  assert.deepEqual(JSON.parse(props.DefinitionString), REFUNDS, 'substituted values turn back into ${...}');
  assert.deepEqual(props.DefinitionSubstitutions, { RefundFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:refund' });
  assert.deepEqual(exported.Resources.OrdersMachine.Properties.Definition, ORDERS);
  assert.deepEqual(errors, []);
});

test('a template dropped as a file opens the same way, and Escape cancels the picker', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await dropFile(page, 'template.json', TEMPLATE);
  await page.waitForSelector('[data-testid="machine-picker"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="machine-picker"]', { state: 'detached' });
  await dropFile(page, 'template.json', TEMPLATE);
  await page.click('[data-testid="pick-machine"][data-logical-id="OrdersMachine"]');
  await waitForStates(page, stateNames(ORDERS));
  assert.deepEqual(errors, []);
});

test('the gallery and the file button open definitions', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await runAction(page, 'examples');
  const item = page.locator('[data-testid="gallery-item"][data-file="running-instances-parallel.asl.json"]');
  await item.click();
  const index = await (await fetch(new URL('examples/running-instances-parallel.asl.json', session.server.url))).json();
  await waitForStates(page, stateNames(index));

  await page.setInputFiles('[data-testid="open-file-input"]', {
    name: 'orders.asl.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ORDERS)),
  });
  await waitForStates(page, stateNames(ORDERS));
  assert.deepEqual(errors, []);
});
