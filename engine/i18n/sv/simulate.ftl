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
