# `rutin simulate --until`: the rounds of a routine that goes round again,
# and where the case stands when the virtual clock stops.

until-not-a-step = `{ $step }` is not a step of this routine; steps: { $steps }
until-before-start = { $until } lies before the case starts ({ $start }); give a later date, or an earlier --start
until-round = ── round { $number } from { $at }: { $how ->
    [first] starts at
   *[again] back at
} { $step }
until-stopped = the virtual clock stopped at { $until } (--until), in round { $round }
until-at = at: { $steps }
until-open-task = open task { $task }: { $title } [{ $role }], open since { $opened }
until-deadline-of-case = the case
until-deadline-of-step = step { $step }
until-deadline = deadline { $deadline } ({ $of }) armed, due { $due }
until-next = next: { $next }
until-next-event = the event `{ $event }` awaited at { $step } arrives { $at }
until-next-task = task { $task }{ $title } is done { $at }
until-next-task-title = : { $title }
until-next-deadline = deadline { $deadline }
until-next-falls-due = { $deadlines } falls due { $at }
until-next-wait-ends = the wait at { $steps } ends { $at }
until-next-clock = the clock moves on { $at }
