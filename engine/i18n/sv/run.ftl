# Nekanden: varför ett kommando på ett ärende nekades (ärendet är oförändrat).

run-did-you-mean = ; menade du `{ $suggestion }`?
run-wrong-routine = ärendet följer rutinen `{ $case_routine }` version { $case_version }, inte `{ $routine }` version { $version }
run-case-ended = ärendet är redan avslutat ({ $outcome })
run-time-went-backwards = tiden kan inte gå bakåt: { $at } är före { $latest }, tiden för ärendets senaste händelse
run-unknown-step = det finns inget steg `{ $step }` i rutinen{ $hint }
run-step-not-active = steget `{ $step }` har ingen öppen uppgift
run-no-such-task = det finns ingen öppen uppgift { $task }
run-escalation-not-open = tidsfristen `{ $deadline }` har ingen öppen uppgift: tidsfristen har inte gått ut än, eller så är dess uppgift redan utförd eller återkallad
run-wrong-role = uppgift { $task } ({ $step }) är för rollen `{ $expected }`, inte `{ $got }`
run-values-not-a-map = värdena ska vara fält-id med värden (en map), men det var { $got }
run-missing-field = { $by } kräver `{ $field }`
run-unknown-field = det finns inget fält `{ $field }` i rutinen{ $hint }
run-field-not-accepted = { $by } registrerar inte `{ $field }`
run-wrong-type = `{ $field }` ska vara { $expected }, men det var { $got }
run-not-in-enum = `{ $value }` är inget värde för `{ $field }`; välj ett av: { $allowed }
run-rule-broken = `{ $field }` ska vara { $expected } (regeln `{ $rule }`), men det var { $got }
run-bad-personnummer = `{ $field }` ska vara ett personnummer: { $reason }; men det var { $got }
run-unknown-event = det finns ingen händelse `{ $event }` i rutinen{ $hint }
run-event-not-awaited = ärendet väntar inte på händelsen `{ $event }`
run-no-route = ingen väg ut från steget `{ $step }` gäller
run-cycle-limit = fler än { $limit } steg kördes vid samma tidpunkt; rutinen går runt utan att vänta
run-join-busy = det parallella steget `{ $parallel }` kan inte dela sig: dess sammanstrålning `{ $join }` väntar fortfarande på { $waiting } av { $expected } grenar från en tidigare delning; att fortsätta skulle köra stegen efter sammanstrålningen två gånger
run-join-overrun = en gren nådde sammanstrålningen `{ $join }` efter att alla { $expected } grenar redan kommit fram; att fortsätta skulle köra stegen efter sammanstrålningen två gånger
run-timer-limit = fler än { $limit } tidsfrister gick ut i ett och samma kommando
run-expr = { $place }: { $error }
run-unknown-group = `group_of: { $expr }` gav `{ $value }`, som inte är en grupp i rutinen
run-person-unset = meddelandet `{ $template }` går till en person vars `{ $field }` inte har något värde
run-date-out-of-range = { $what }: datumet ligger utanför kalendern
run-unknown-schedule = det finns inget schema `{ $schedule }` i rutinen
run-journal = händelse { $seq } i journalen stämmer inte: { $message }
run-internal = rutinen hänger inte ihop: { $message }
run-render-hidden-field = mallen `{ $template }` läser `{ $field }`, som mottagaren `{ $recipient }` inte får se
run-render-failed = mallen `{ $template }` gick inte att fylla i: { $message }
run-render-missing-template = det finns ingen mall `{ $template }`

# Ett nekande formulerat för en roll som inte får se värdet det skulle citera.
run-hidden-value = [ett värde som den här rollen inte får se]
# Ett meddelande som inte gick att skapa: felet som det är.
run-render = { $error }
run-expr-hidden = `{ $expr }` misslyckades på { $hidden }
run-unknown-group-hidden = `group_of: { $expr }` gav { $hidden }, som inte är en grupp i rutinen
run-render-failed-hidden = mallen `{ $template }` gick inte att fylla i med { $hidden }
run-not-in-enum-hidden = { $hidden } är inget värde för `{ $field }`; välj ett av: { $allowed }

# Ett nekat kommando, som kommandoraden visar det.
run-refused = nekades ({ $code }): { $why }
run-refused-unchanged = nekades ({ $code }): { $why }
    ärendet är oförändrat
