# Diagnostiker: vad som är fel i en rutin, en organisationsfil, en mall eller
# en simuleringsprofil, och hur det rättas. Ett problems meddelande har dess kod
# som id (`rutin::unknown-key` → `unknown-key`), hjälpraden `<kod>-help`.
# `$kind` är vad ett namn syftar på: role, group, sender, step, field, template,
# clause, variable, filter, test, deadline, schedule, event.
# Listor (`$expected`, `$allowed`, `$values`...) kommer färdiga: `a`, `b`.
# YAML-nycklar och id:n står kvar oöversatta inom backticks.

# Etiketten under stället där problemet finns.
diagnostic-here = här
# Etiketterna för ett andra ställe (där en dubblett först skrevs).
diagnostic-first-here = först här
diagnostic-first-declared-here = först angiven här
# Ordet före hjälpraden (miette skriver `help:`).
diagnostic-help = hjälp
# Hjälpraden när ett namn liknar ett känt namn.
did-you-mean = menade du `{ $suggestion }`?

io = kan inte läsa { $path }: { $reason }
io-help = kontrollera att sökvägen finns och att du har rätt att läsa filen

too-large = filen är { $bytes } byte; en rutinfil får vara högst { $limit } byte
too-large-help = dela upp rutinen i flera filer

not-utf8 = filen är inte UTF-8-text (ogiltig byte vid position { $offset })
not-utf8-help = spara filen som UTF-8 i din redigerare

yaml = fel i YAML-syntaxen: { $message }
yaml-help = kontrollera indraget och formen `nyckel: värde` på den här raden

tab = raden är indragen med tabb; YAML drar in med mellanslag
tab-help = byt tabben mot mellanslag (ställ in redigeraren på att dra in med mellanslag)

not-a-routine = det här är en organisationsfil (roller och grupper), inte en rutin
not-a-routine-help = ange en rutinfil; organisationsfilen kontrolleras tillsammans med rutinerna som använder den

multiple-documents = filen innehåller mer än ett YAML-dokument; en rutin är ett dokument
multiple-documents-help = ta bort raden `---` och det som följer, eller flytta den rutinen till en egen fil

yaml-limit = YAML-texten är för stor eller för djupt nästlad för att vara en rutin (”{ $message }”)
yaml-limit-help = ta bort ankarna och aliasen (`&namn`, `*namn`) eller den djupa nästlingen; en rutin behöver inget av dem

unknown-key = okänd nyckel `{ $key }` i { $context }
unknown-key-help = här går det att skriva: { $expected }

duplicate-key = nyckeln `{ $key }` finns två gånger
duplicate-key-help = ta bort den ena, eller slå ihop innehållet

duplicate-id = { $kind ->
    [role] rollen
    [group] gruppen
    [sender] rollen eller gruppen
    [step] steget
    [field] fältet
    [template] mallen
    [clause] punkten
    [variable] variabeln
    [filter] filtret
    [test] testet
    [deadline] fristen
    [schedule] schemat
   *[event] händelsen
} `{ $id }` finns två gånger
duplicate-id-help = ge var och en ett eget id

missing-key = { $context } saknar `{ $key }`
missing-key-help = lägg till `{ $key }:`

empty = { $what } saknar innehåll
empty-help = skriv dess nycklar indragna under den (se docs/FORMAT.md), eller ta bort den

wrong-type = { $key } ska vara { $expected }, men är { $found }
wrong-type-help = se docs/FORMAT.md för hur nyckeln skrivs

bad-value = `{ $value }` är inte ett giltigt värde för { $what }
bad-value-help = skriv något av: { $allowed }

bad-id = `{ $id }` är inte ett giltigt id
bad-id-help = använd bara bokstäver, siffror och `_`, och börja med en bokstav (`call_client`, `A7`)

unknown-reference = { $kind ->
    [role] okänd roll
    [group] okänd grupp
    [sender] okänd roll eller grupp
    [step] okänt steg
    [field] okänt fält
    [template] okänd mall
    [clause] okänd punkt
    [variable] okänd variabel
    [filter] okänt filter
    [test] okänt test
    [deadline] okänd frist
    [schedule] okänt schema
   *[event] okänd händelse
} `{ $name }`
unknown-reference-help = { $kind ->
    [template] skapa mallfilen, eller kontrollera inställningen `templates` (mappen med mallar)
    [clause] lägg till punkten under `clauses:`, eller rätta id:t
    [role] lägg till rollen, eller rätta stavningen
    [group] lägg till gruppen, eller rätta stavningen
    [sender] lägg till rollen eller gruppen, eller rätta stavningen
    [step] lägg till steget, eller rätta stavningen
    [field] lägg till fältet, eller rätta stavningen
    [variable] lägg till variabeln, eller rätta stavningen
    [filter] rätta filtrets namn
    [test] rätta testets namn
    [deadline] lägg till fristen, eller rätta stavningen
    [schedule] lägg till schemat, eller rätta stavningen
   *[event] lägg till händelsen, eller rätta stavningen
}

bad-duration = { $message }
bad-duration-help = skriv ett tal och en enhet: `3 days`, `2 weeks`, `1 month`, `10 working days`

bad-date = `{ $text }` är inget datum
bad-date-help = skriv datum som ÅÅÅÅ-MM-DD, till exempel 2026-06-19

bad-example = exemplet för `{ $field }` passar inte fältets typ ({ $expected }): { $reason }
bad-example-help = ge ett exempel av fältets typ

wrong-argument-type = { $place } behöver { $expected }, men { $got }
wrong-argument-type-help = ge det ett värde av den typen: ett datumfält, `today`, `date_add(...)` eller ett datum skrivet `'ÅÅÅÅ-MM-DD'`

bad-date-literal = `{ $literal }` i `{ $expr }` är inget datum (ÅÅÅÅ-MM-DD); { $why }
bad-date-literal-help = skriv datumet som `'ÅÅÅÅ-MM-DD'`, med en månad och dag som finns (t.ex. `'2026-06-19'`)

# `$kind` är `role` eller `group`.
not-ids = `{ $function }({ $field })` misslyckas för { $values }: de är inte id:n för { $kind ->
    [role] roller
   *[group] grupper
} i rutinen
not-ids-help = gör varje värde av `{ $field }` till id:t för { $kind ->
    [role] en roll, eller lägg till de roller som saknas
   *[group] en grupp, eller lägg till de grupper som saknas
}

unguarded-optional = mallen `{ $template }` skickar `{ $field }` till { $to }, men `{ $field }` kan sakna värde när meddelandet skickas, och { $to } misslyckas på ett fält utan värde
unguarded-optional-help = skriv det inom `{ "{%" } if { $field } { "%}" }…{ "{%" } endif { "%}" }`, gör `{ $field }` obligatoriskt, eller låt en uppgift registrera det

chain-too-long = från steget `{ $step }` körs upp till { $length } steg i samma ögonblick utan att något väntar; Rutin kör högst { $limit } och stoppar annars ärendet med felet ”the routine loops without waiting”
chain-too-long-help = lägg in ett uppgifts-, händelse- eller väntesteg i kedjan, eller gör den kortare

repeat-forever = fristen `{ $deadline }` upprepas med intervallet { $every } utan `times`: så länge den är aktiv växer ärendets journal med { $entries ->
    [one] en post
   *[other] { $entries } poster
} per upprepning, omkring { $per_year } om året, så länge ärendet pågår
repeat-forever-help = ge upprepningen `times:` (hur många gånger den som mest upprepas)

expression-syntax = uttrycket `{ $expr }` går inte att läsa: { $message }
expression-syntax-help = villkor är Jinja-uttryck, t.ex. `area_group == 'intake'` eller `not installed`

template-syntax = mallen `{ $template }` går inte att läsa: { $message }
template-syntax-help = kontrollera mallens taggar `{ "{{ }}" }` och `{ "{% %}" }`

template-unknown-variable = mallen `{ $template }` använder `{ $name }`, som inte är ett fält i rutinen
template-unknown-variable-help = lägg till fältet under `fields:`, eller rätta stavningen

template-include = mallen `{ $template }` tar in en annan mall; ett meddelande är en fil
template-include-help = skriv hela texten i den här mallen; ta bort `include`, `extends` och `import`

template-dynamic-include = mallen `{ $template }` tar in en mall vars namn ges av `{ $expr }`, och det är känt först när meddelandet skickas; den kan inte kontrolleras
template-dynamic-include-help = skriv hela texten i den här mallen; ett meddelande är en fil

template-dynamic-read = mallen `{ $template }` läser `{ $expr }`, ett fält i ett ärende som väljs först när meddelandet skickas; vem som får se det kan inte kontrolleras
template-dynamic-read-help = skriv ut fältets namn där det läses: `c.field`, `c['field']` eller `c|attr('field')`

template-unavailable = mallen `{ $template }` använder `{ $name }`, som inte finns när { $sender } skickar den
template-unavailable-help = ett sådant meddelande har: { $available }; använd en annan mall för meddelandet

report-field-outside-loop = rapportmallen `{ $template }` läser `{ $field }` utanför en slinga över `cases`
report-field-outside-loop-help = läs det för varje ärende: `{ "{% for c in cases %}{{ c." }{ $field }{ " }}{% endfor %}" }`

group-of-unknowable = `group_of: { $expr }` kan inte kontrolleras: { $reason }
group-of-unknowable-help = ange grupperna: ett uppräkningsfält vars värden är grupp-id:n, eller texter som `'night_team' if night else 'day_team'`

report-recipient-reads-case = en rapport går till fasta mottagare, men den här beror på ärendefältet `{ $field }`
report-recipient-reads-case-help = skicka rapporten till roller eller grupper, utan `when:` eller `group_of:` som läser ärendets uppgifter

visibility-leak = meddelandet med mallen `{ $template }` visar `{ $field }`, som { $recipient } inte får se
visibility-leak-help = bara { $visible_to } får se det: skicka mallen bara till dem, eller använd en annan mall

collector-cannot-see = { $place } låter rollen `{ $role }` registrera `{ $field }`, som den rollen inte får se
collector-cannot-see-help = lägg till `{ $role }` i `visible_to` för `{ $field }`, eller ge uppgiften till en roll som får se fältet

unreachable = steget `{ $step }` kan aldrig nås från startsteget `{ $start }`
unreachable-help = led dit med `next:` eller en väg från ett annat steg, eller ta bort steget

no-way-to-end = från steget `{ $step }` går det inte att nå något `end`-steg; ett ärende där blir aldrig klart
no-way-to-end-help = ge steget (eller ett steg efter det) en `next:` eller en väg som leder till ett `end`-steg

# `$steps` kommer färdiga: `a` → `b` → `a`.
automatic-cycle = stegen { $steps } bildar en slinga där inget väntar på en person, en händelse eller ett datum; ett ärende skulle gå runt för alltid
automatic-cycle-help = lägg in en uppgift, en händelse eller ett väntesteg i slingan, eller bryt den

join-unreachable = grenen som börjar i `{ $branch }` i det parallella steget `{ $parallel }` når aldrig sitt sammanslagningssteg `{ $join }`
join-unreachable-help = låt varje gren leda till `{ $join }`

orphan-join = sammanslagningssteget `{ $step }` hör inte till något parallellt steg
orphan-join-help = ange det som `join:` i ett parallellt steg, eller använd en annan sorts steg

no-default-route = steget `{ $step }` har ingen väg `otherwise`; när inget villkor gäller stannar ärendet med ett fel
no-default-route-help = lägg till `- otherwise: <steg>` som sista väg

unused = { $kind ->
    [role] rollen
    [group] gruppen
    [sender] rollen eller gruppen
    [step] steget
    [field] fältet
    [template] mallen
    [clause] punkten
    [variable] variabeln
    [filter] filtret
    [test] testet
    [deadline] fristen
    [schedule] schemat
   *[event] händelsen
} `{ $id }` används aldrig
unused-help = använd { $kind ->
    [role] den
    [group] den
    [sender] den
    [template] den
    [clause] den
    [variable] den
    [deadline] den
    [event] den
   *[other] det
}, eller ta bort { $kind ->
    [role] den
    [group] den
    [sender] den
    [template] den
    [clause] den
    [variable] den
    [deadline] den
    [event] den
   *[other] det
}

# Problemen nedan formuleras där de upptäcks (`$message`, `$fix`).
bad-step = { $message }
bad-step-help = { $fix }

bad-recipient = { $message }
bad-recipient-help = { $fix }

bad-assignment = { $message }
bad-assignment-help = { $fix }

bad-case-event = { $message }
bad-case-event-help = { $fix }

bad-field-rule = { $message }
bad-field-rule-help = { $fix }

bad-wording = { $message }
bad-wording-help = { $fix }

may-not-arm = fristen `{ $deadline }` räknas från `{ $field }`, som ett ärende kan starta utan; då börjar fristen aldrig löpa
may-not-arm-help = gör `{ $field }` till `required: true`, eller räkna från ärendets start

task-withdrawn-at-once = fristen `{ $deadline }` öppnar en uppgift och flyttar ärendet vidare med `goto`; uppgiften dras tillbaka så fort den öppnas, eftersom den hör till steget som ärendet lämnar
task-withdrawn-at-once-help = använd två frister, eller gör uppgiften till ett steg dit `goto` leder

may-be-unset = `{ $expr }` jämför `{ $field }`, som kan sakna värde; ett fält utan värde räknas som mindre än alla värden
may-be-unset-help = skriv `{ $field } is not none and ...`, gör `{ $field }` obligatoriskt, eller låt en uppgift registrera det
not-a-value = `{ $expr }` jämför `{ $field }` med `{ $value }`, som inte är ett av dess värden, så jämförelsen blir alltid likadan
not-a-value-help = `{ $field }` tar { $values }; skriv ett av dem precis som det är deklarerat (stora och små bokstäver räknas), eller lägg till `{ $value }` i fältets `values:`

empty-deadline = fristen `{ $id }` gör ingenting när den går ut
empty-deadline-help = ge den ett `message:`, en `task:` eller ett `goto:`

probability-sum = sannolikheterna för { $what } blir tillsammans { $sum }, inte 1
probability-sum-help = låt dem bli 1 tillsammans: 0.9 och 0.1, eller 0.25 fyra gånger

negative-duration = `{ $text }` är mindre än ingen tid; en tidslängd är 0 eller mer
negative-duration-help = skriv 0 eller mer (`fixed: 2`, `uniform: [1, 5]`)

bad-profile = { $message }
bad-profile-help = { $fix }

value-without-group = { $used } gör `{ $field }` till en grupp, men värdet `{ $value }` står inte för någon grupp (grupperna är { $groups })
value-without-group-help = koppla varje värde av `{ $field }` till sin grupp på fältet (`groups: {"{"}{ $value }: <grupp>, ...{"}"}`), eller lägg till en grupp `{ $value }`

bad-group-map = { $message }
bad-group-map-help = { $fix }

bad-time-of-day = { $message }
bad-time-of-day-help = skriv timmar och minuter med 24-timmarsklocka och kolon, från `00:00` till `23:59`: `08:00`, `16:30`

unguarded-optional-value = { $place } ger `{ $field }` till { $to }, men `{ $field }` kan sakna värde när det körs, och { $to } fungerar inte utan värde: varje ärende som kommer dit stannar
unguarded-optional-value-help = sätt `{ $field }` på alla vägar hit (gör fältet obligatoriskt, registrera det eller sätt det med `set:`), eller skriv `({ $field } or <värde>)` i stället, till exempel `({ $field } or 0)` för ett tal

sender-without-from = mallen `{ $template }` läser ur `sender` utan att pröva den, men { $message } har ingen `from:`, så `sender` saknas där och meddelandet misslyckas i varje ärende
sender-without-from-help = lägg till `from:` på meddelandet, eller skydda läsningen med `{ "{%" } if sender { "%}" }`

recipient-choice-leak = den här mottagaren väljs av `{ $field }`, som { $recipient } inte får se, och varje mottagare av meddelandet ser vilka det gick till (mejlets To: och Cc:, mallens `recipients`)
recipient-choice-leak-help = bara { $visible_to } får se `{ $field }`: skicka meddelandet bara till dem, eller välj mottagarna med ett fält som alla mottagare får se
