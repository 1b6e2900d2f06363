# `rutin simulate`: ramen runt tidslinjen.

simulate-heading = { $title } ({ $id }, version { $version })
simulate-as-seen-by = som { $name } ({ $role }) ser det
simulate-outcome = utfall: { $outcome }
simulate-still-open = ärendet är fortfarande öppet
simulate-report-sent = rapport skickad av ett schema:
simulate-expectations-not-met = scenariots förväntningar uppfylldes inte:
simulate-could-not-start = ärendet kunde inte startas: { $error }
simulate-stopped = simuleringen stannade: { $error }
simulate-max-actions = stannade efter { $max } åtgärder (--max-actions)
simulate-waits-nothing-due = ärendet väntar, men inget är på tur: ingen öppen uppgift, händelse eller tidsfrist
simulate-waits = ärendet väntar, men inget är på tur
simulate-no-routine = ange rutinfilen som ska simuleras, eller --scenario FIL
simulate-cannot-read = kan inte läsa { $path }: { $error }
simulate-other-routine = scenariot { $scenario } körs på { $named } (dess `routine:`), inte på { $routine }; ange bara scenariot, eller dess rutin
simulate-unknown-role = `{ $role }` är ingen roll i den här rutinen; roller: { $roles }
simulate-bad-start = --start: { $error }

# `rutin simulate --interactive`.
simulate-ask-days = Dagar tills den är klar [1]:{ " " }
simulate-bad-days = `{ $answer }` är inte ett helt antal dagar från 0 till 365; försök igen
simulate-input-ended = indata tog slut innan ärendet var klart
simulate-open-task = Öppen uppgift { $task }: { $title } [{ $role }]
simulate-again = (igen, utförd { $at })
simulate-refused = nekades: { $error } (ärendet är oförändrat; försök igen)

# `rutin simulate --profile`: massimuleringens tabeller.
bulk-heading = { $cases } ärenden, frö { $seed }, från { $start } till horisonten { $horizon } ({ $weeks } veckor)
bulk-failure = fel i { $cases } ärenden av { $routine }: { $message }
bulk-col-routine = rutin
bulk-col-started = startade
bulk-col-finished = klara
bulk-col-open = öppna
bulk-col-failed = fel
bulk-col-lead-time = ledtid p50 / p90 / p99 (dagar)
bulk-lifecycle = hela livscykeln
bulk-outcomes = utfall för { $routine }: { $outcomes }
bulk-deadlines = Överskridna tidsfrister (gick ut och ledde till åtgärd)
bulk-col-deadline = tidsfrist (rutin/steg/id)
bulk-col-cases = ärenden
bulk-col-times = gånger
bulk-col-first-week = första vecka
bulk-col-peak-week = toppvecka
bulk-col-week = vecka
bulk-tasks = Uppgifter per roll och vecka (öppnade / öppna vid veckans slut)
bulk-peak = topp { $role } ({ $name }): { $open } öppna vid slutet av veckan { $week }; som mest { $opened } öppnade på en vecka
bulk-breaches = Överskridna tidsfrister per vecka
bulk-messages = Meddelanden per mottagare (roll, grupp eller person) och vecka
bulk-kind = { $kind ->
    [role] roll
    [group] grupp
    [person] person
   *[other] { $kind }
}
bulk-message-total = { $id } ({ $kind }, { $name }): { $total } meddelanden
