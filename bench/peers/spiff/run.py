"""SpiffWorkflow 3.2 on the installation happy path: per case, start a workflow,
complete the nine user tasks with the same values as Rutin's bench
(engine/benches/common/mod.rs), let the script task render the message, and
serialize the workflow to JSON once at the end. Prints µs per case.

    python3 -m venv venv && venv/bin/pip install 'SpiffWorkflow==3.2.*'
    venv/bin/python bench/peers/spiff/run.py [CASES]
"""

import os
import sys
import time

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.parser import BpmnParser
from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.util.task import TaskState

HERE = os.path.dirname(os.path.abspath(__file__))

START = {
    "decision_date": "2026-06-19",
    "client_name": "Anna Andersson",
    "client_address": "Storgatan 1, 147 30 Tumba",
    "home_care_group": "norra",
}

STEPS = {
    "check_order": {"order_ok": True},
    "call_client": {"client_accepts": True},
    "agree_installation": {"keys_needed": 2, "planned_install_date": "2026-06-25"},
    "install_alarm": {
        "install_date": "2026-06-25",
        "lock_mount_date": "2026-06-25",
        "keys_signed_out": 2,
    },
    "sign_agreement": {"agreement_signed": True},
    "register_keys": {},
    "transfer_order": {"performer_changed_date": "2026-06-25"},
    "execute_night": {},
    "execute_day": {},
}


def spec():
    parser = BpmnParser()
    parser.add_bpmn_file(os.path.join(HERE, "installation.bpmn"))
    return parser.get_spec("installation")


def one_case(spec, serializer):
    workflow = BpmnWorkflow(spec)
    workflow.data.update(START)
    start = workflow.get_tasks(state=TaskState.READY)
    for task in start:
        task.data.update(START)
    workflow.do_engine_steps()
    done = 0
    while not workflow.is_completed():
        ready = [t for t in workflow.get_tasks(state=TaskState.READY) if t.task_spec.manual]
        if not ready:
            raise RuntimeError("no ready task and not completed")
        # The same order as Rutin's bench: night before day.
        ready.sort(key=lambda t: list(STEPS).index(t.task_spec.name))
        task = ready[0]
        task.data.update(STEPS[task.task_spec.name])
        task.run()
        done += 1
        workflow.do_engine_steps()
    if done != 9:
        raise RuntimeError(f"{done} tasks, not 9")
    message = workflow.last_task.data.get("message", "")
    if "Trygghetslarmet är installerat" not in message:
        raise RuntimeError("the message was not rendered")
    return serializer.serialize_json(workflow)


def main():
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    s = spec()
    serializer = BpmnWorkflowSerializer()
    json = one_case(s, serializer)
    for _ in range(min(200, cases)):  # warm up
        one_case(s, serializer)
    t = time.perf_counter()
    for _ in range(cases):
        one_case(s, serializer)
    elapsed = time.perf_counter() - t
    per_case = elapsed / cases * 1e6
    print(f"SpiffWorkflow 3.2: {cases} cases, {per_case:.0f} µs per case, "
          f"{cases / elapsed:.0f} cases/s, {per_case / 9:.0f} µs per task, "
          f"{len(json)} bytes of JSON per finished case")


if __name__ == "__main__":
    main()
