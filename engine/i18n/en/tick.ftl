# `rutin tick`, `rutin run`, `rutin outbox`, `rutin case report`.

tick-summary = tick at { $at }: { $moved } case(s) moved, { $schedules } schedule run(s), { $sent } message(s) sent, { $retrying } to retry, { $failed } failed for good{ $undone }
tick-undone = , { $count } could not be done
tick-waiting = { $count } message(s) wait in the outbox: give --deliver-to-folder DIR or --smtp URL to send them
tick-schedule = schedule `{ $schedule }` of { $routine } version { $version } for { $due }: { $count } case(s) selected{ $reported }
tick-reported = , report in the outbox
tick-cannot-show = ({ $count } entries; the case cannot be shown: { $error })
tick-failure = { $what }: { $error }
tick-no-subject = (no subject)
tick-sent = ✉ sent { $key }: { $subject } → { $to }
tick-not-sent-to = not sent to { $who }
tick-retry = ✉ not sent { $key }: { $reason }; next try { $at }
tick-failed = ✉ FAILED { $key }: { $subject }: { $reason }
tick-address-hint = hint: give roles and groups mail addresses with --address ID=ADDRESS or --address-book FILE
tick-delivery = delivery at { $at }: { $sent } message(s) sent, { $retrying } to retry, { $failed } failed for good
outbox-deliver-nowhere = --deliver needs somewhere to deliver to: --deliver-to-folder DIR or --smtp URL
outbox-count = { $count } message(s)
outbox-to = to { $who }
outbox-cannot-mail = cannot be mailed: { $who }
report-case-warning = case { $id }: { $error }
report-could-not-run = the report could not run ({ $code }): { $why }
report-none-selected = no case selected: nothing to report
report-selected = { $count } case(s) selected: { $ids }
