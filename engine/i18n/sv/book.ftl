# The routine book's fixed texts (engine/src/book/text.rs names them).

## Headings and labels

book-routine = Rutin
book-decided-by = Dokumentet är beslutat av
book-decided = Dokumentet beslutades den
book-updated = Dokumentet uppdateras
book-replaces = Dokumentet ersätter
book-owner = Dokumentansvarig är
book-version = Version
book-introduction = Inledning
book-roles = Roller och ansvar
book-groups-of-role = Grupper
book-groups = Mottagargrupper
book-address = Adress
book-procedure = Utförande
book-diagram = Flödesschema
book-deadlines = Frister
book-messages = Meddelanden
book-schedules = Återkommande listor
book-events = Händelser i hela ärendet
book-events-intro = Dessa besked kan komma när som helst i ärendet, vilket steg det än står i.
book-event-from = Beskedet kommer från
book-event-then = Då
book-event-goes-on = Alla öppna uppgifter dras tillbaka och stegens frister upphör; ärendet fortsätter i steg { $number }, { $title }. Frister för hela ärendet gäller fortfarande.
book-event-ends = Alla öppna uppgifter dras tillbaka, alla frister upphör och ärendet avslutas (utfall: { $outcome }).
book-local-choices = Lokala val
book-local-choices-intro = Här har kommunen bestämt sådant som källdokumentet inte säger.
book-trace = Spårbarhet mot källdokumentet
book-trace-intro = Varje punkt i källdokumentet och var i rutinen den utförs.
book-not-done = utförs inte i rutinen
book-generated = Dokumentet är framställt ur den körbara rutinen med Rutin; ändra rutinfilen, inte dokumentet.
book-main-phase = Förlopp
book-after-join = Därefter
book-table-clause = Punkt
book-table-text = Källdokumentets text
book-table-where = Utförs i
book-responsible = Ansvarig
book-records = Registrerar
book-may-record = Kan registrera
book-documents = Dokument som lämnas över
book-sets = Rutin sätter
book-ways = Vägar vidare
book-otherwise = Annars
book-source = Källa
book-to = Till
book-cc = Kopia till
book-sent = Skickas
book-left-out = Utelämnas
book-template-legend = «…» står för uppgifter ur ärendet; text inom [ ] visas bara i vissa fall, med alternativen åtskilda av ǀ.
book-when-passed = När fristen går ut
book-deadline-on = Gäller
book-whole-case = hela ärendet
book-no-deadlines = Rutinen har inga frister.
book-no-messages = Rutinen skickar inga meddelanden.
book-no-local-choices = Rutinen har inga lokala val.
book-selects = Urval
book-every = Hur ofta
book-computed = beräknad uppgift
book-recipients = mottagarna
book-today = dagens datum
book-case-id = ärendenummer
book-step-title = stegets namn
book-routine-title = rutinens namn
book-deadline-after = fristens längd

## Texts built from the routine

# A local choice on a route.
book-route-place = { $step } – vägen ”{ $way }”
book-step-ref = steg { $number }
book-kind-event-from = Väntar på besked från { $who }.
book-kind-event = Väntar på besked utifrån.
book-kind-decision = Rutin väljer väg efter villkoren nedan.
book-kind-message = Rutin skickar ett meddelande.
book-kind-parallel = Arbetet delas upp; delarna görs samtidigt.
book-kind-join = Väntar tills alla delar är klara.
book-kind-end = Ärendet avslutas.
book-outcome = Utfall: { $outcome }.
book-wait-until = Väntar till { $what }.
book-parallel-note = Delarna görs samtidigt; ärendet går vidare i steg { $join } när alla är klara.
book-parallel-phase = Samtidigt: { $title }
book-side-phase = { $reason } (från steg { $from })
book-other-way = Annan väg efter ”{ $title }”
book-deadline-way = När frist F{ $number } går ut
book-event-way = Vid händelsen ”{ $title }”
book-go-to = gå till steg { $number }, { $title }
book-next = Därefter: steg { $number }, { $title }.
book-raw-condition = om villkoret
book-sent-in-step = i steg { $number }, { $title }
book-sent-by-deadline = när frist F{ $number } går ut
book-sent-by-schedule = { $every }, listan ”{ $title }”
book-deadline-ref = frist F{ $number }
book-message-ref = meddelande M{ $number }
book-schedule-ref = listan ”{ $title }”
book-group-of = den grupp som { $label } anger
book-group-of-mapped = den grupp som { $label } anger ({ $map })
# A time of day after a deadline or a schedule.
book-clock = , kl. { $time }
book-sees-as = Ser det som { $role } ser.
book-left-out-for = { $field } (får inte ses av { $who })
book-duty-task = { $title } (steg { $number }).
book-duty-event = Lämnar besked: { $title } (steg { $number }).
book-duty-escalation = { $title } (när frist F{ $number } går ut).
book-duty-receives = Får meddelanden: { $list }.
book-sends = Meddelande M{ $number } skickas till { $to }.
book-opens-task = { $role } får uppgiften ”{ $title }”.
book-moves-to = Ärendet går till steg { $number }, { $title }.
book-deadline-sets = Rutin sätter { $list }.
book-only-if = Bara { $condition }.

# `$unit` is days, weeks, months, years or working_days.
book-duration = { $unit ->
    [years] { $amount ->
        [1] ett år
       *[other] { $amount } år
    }
    [days] { $amount ->
        [1] en dag
       *[other] { $amount } dagar
    }
    [weeks] { $amount ->
        [1] en vecka
       *[other] { $amount } veckor
    }
    [months] { $amount ->
        [1] en månad
       *[other] { $amount } månader
    }
   *[working_days] { $amount ->
        [1] en arbetsdag
       *[other] { $amount } arbetsdagar
    }
}
book-every-interval = { $unit ->
    [years] { $amount ->
        [1] varje år
       *[other] med { $amount } års mellanrum
    }
    [days] { $amount ->
        [1] varje dag
       *[other] med { $amount } dagars mellanrum
    }
    [weeks] { $amount ->
        [1] varje vecka
       *[other] med { $amount } veckors mellanrum
    }
    [months] { $amount ->
        [1] varje månad
       *[other] med { $amount } månaders mellanrum
    }
   *[working_days] { $amount ->
        [1] varje arbetsdag
       *[other] med { $amount } arbetsdagars mellanrum
    }
}
book-from-step-start = att steget började
book-from-case-start = att ärendet startade
book-deadline-counted = { $duration } efter { $start }
# `$times` is a number, or `none` for a repeat without end.
book-deadline-repeat = { $when }, sedan { $every }{ $times ->
    [1] , högst en gång
    [none] { " " }så länge steget pågår
   *[other] , högst { $times } gånger
}
# The last two items of a list in running text: "a, b och c".
book-and = { $init } och { $last }
# A deadline's number in headings.
book-deadline-label = F{ $number }

# Who a message is sent on behalf of (`from:`), and a template's `sender`.
book-from = Från
book-sender = avsändare
book-sends-from = { $from } skickar meddelande M{ $number } till { $to }.
book-duty-sends = Skickar meddelanden: { $list }.
# A role whose members get messages as a person named in the case.
book-duty-receives-as = Får meddelanden som { $person }: { $list }.
