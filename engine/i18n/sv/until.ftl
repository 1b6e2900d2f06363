# `rutin simulate --until`: varven i en rutin som börjar om, och var
# ärendet står när den virtuella klockan stannar.

until-not-a-step = `{ $step }` är inget steg i den här rutinen; stegen: { $steps }
until-before-start = { $until } ligger före ärendets start ({ $start }); ange ett senare datum, eller en tidigare --start
until-round = ── varv { $number } från { $at }: { $how ->
    [first] börjar vid
   *[again] tillbaka vid
} { $step }
until-stopped = den virtuella klockan stannade { $until } (--until), i varv { $round }
until-at = vid: { $steps }
until-open-task = öppen uppgift { $task }: { $title } [{ $role }], öppen sedan { $opened }
until-deadline-of-case = ärendet
until-deadline-of-step = steget { $step }
until-deadline = tidsfristen { $deadline } ({ $of }) startad, går ut { $due }
until-next = härnäst: { $next }
until-next-event = händelsen `{ $event }` som väntas vid { $step } kommer { $at }
until-next-task = uppgift { $task }{ $title } utförs { $at }
until-next-task-title = : { $title }
until-next-deadline = tidsfristen { $deadline }
until-next-falls-due = { $deadlines } går ut { $at }
until-next-wait-ends = väntan vid { $steps } tar slut { $at }
until-next-clock = klockan går vidare { $at }
