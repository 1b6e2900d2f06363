// bpmn-engine 25 on the installation happy path: per case, start an engine,
// complete the nine user tasks with the same values as Rutin's bench
// (engine/benches/common/mod.rs), let the script task render the message,
// and serialize the engine state to JSON once at the end. Prints µs per case.
//
//   npm install bpmn-engine@25   (in a scratch folder; NODE_PATH or a link to its node_modules)
//   node bench/peers/node/run.mjs [CASES]

import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';

const here = dirname(fileURLToPath(import.meta.url));
const source = readFileSync(join(here, 'installation.bpmn'), 'utf8');
// The XML is parsed once, as Rutin checks its routine once; each case still
// builds its engine from the parsed definitions.
const moddleContext = await new BpmnModdle().fromXML(source);

const START = {
  decision_date: '2026-06-19',
  client_name: 'Anna Andersson',
  client_address: 'Storgatan 1, 147 30 Tumba',
  home_care_group: 'norra',
};

const STEPS = {
  check_order: { order_ok: true },
  call_client: { client_accepts: true },
  agree_installation: { keys_needed: 2, planned_install_date: '2026-06-25' },
  install_alarm: { install_date: '2026-06-25', lock_mount_date: '2026-06-25', keys_signed_out: 2 },
  sign_agreement: { agreement_signed: true },
  register_keys: {},
  transfer_order: { performer_changed_date: '2026-06-25' },
  execute_night: {},
  execute_day: {},
};

async function oneCase() {
  const engine = new Engine({ name: 'installation', moddleContext });
  const listener = new EventEmitter();
  let done = 0;
  listener.on('wait', (api) => {
    const values = STEPS[api.id];
    if (!values) throw new Error(`unexpected wait at ${api.id}`);
    Object.assign(api.environment.output, values);
    done += 1;
    api.signal(values);
  });
  const finished = new Promise((resolve, reject) => {
    engine.once('end', resolve);
    engine.once('error', reject);
  });
  await engine.execute({ listener, variables: {} , output: { ...START } });
  const execution = await finished;
  if (done !== 9) throw new Error(`${done} tasks, not 9`);
  const message = execution.environment.output.message || '';
  if (!message.includes('Trygghetslarmet är installerat')) throw new Error('the message was not rendered');
  const state = await engine.getState();
  return JSON.stringify(state);
}

const cases = Number(process.argv[2] || 500);
const json = await oneCase();
for (let i = 0; i < Math.min(100, cases); i++) await oneCase();
const t = performance.now();
for (let i = 0; i < cases; i++) await oneCase();
const elapsed = (performance.now() - t) / 1000;
const perCase = (elapsed / cases) * 1e6;
console.log(`bpmn-engine 25: ${cases} cases, ${perCase.toFixed(0)} µs per case, ${(cases / elapsed).toFixed(0)} cases/s, ${(perCase / 9).toFixed(0)} µs per task, ${json.length} bytes of JSON per finished case`);
