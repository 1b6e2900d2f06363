# Detaljer i diagnostiker: fraserna som inläsningen och analysen bygger där
# ett problem upptäcks (platser, sorters värden, skäl), formulerade här så att
# en svensk diagnostik är svensk rakt igenom. Problemmeddelandena i
# `diagnostics.ftl` tar dem som värden (`$context`, `$expected`, `$place`...).
# Id:n och nycklar i filen står kvar inom backticks, oöversatta.

# En annan parts ord (YAML-tolken, minijinja), ordagrant inom citattecken.
verbatim = ”{ $detail }”
# En text som ännu inte finns i katalogen, på engelska (simuleringsprofilen).
untranslated = { $text }
# En text som den är (ett tal som det skrivs).
plain = { $text }
# En text ur filen, inom backticks.
quoted = `{ $text }`

## Vad ett värde ska vara (`$expected` i `wrong-type`).
expect-key-value-mapping = en mappning med rader `nyckel: värde`
expect-id-mapping = en mappning med rader `id: ...`
expect-name = ett namn
expect-boolean = `true` eller `false`
expect-whole-number = ett heltal
expect-text = en text
expect-texts = en lista med texter
expect-list = en lista (rader som börjar med `- `)

## Vad ett värde är (`$found` i `wrong-type`).
found-nothing = ingenting (ett tomt värde)
found-boolean = sant/falskt
found-whole-number = ett heltal
found-decimal-number = ett decimaltal
found-text = en text
found-list = en lista
found-mapping = en mappning (rader `nyckel: värde`)

## Saker som namnges med ord där det annars står en nyckel (`$key` i `wrong-type`).
item-key = en nyckel
item-id = ett id
item-file = filen
item-role = en roll
item-group = en grupp
item-field = ett fält
item-step = ett steg
item-route = en väg
item-recipient = en mottagare
item-deadline = en frist
item-schedule = ett schema
item-case-event = en ärendehändelse
item-value = ett värde
item-group-id = ett grupp-id
item-clause-text = en punkts text
item-set-value = ett värde i `set`
expect-group-mapping = en mappning med rader `värde: grupp`

## Platser i filen (`$context`, `$place`, `$what`).
in-routine-file = rutinfilen
in-organisation-file = organisationsfilen
in-case-deadlines = ärendets frister
in-role = rollen `{ $id }`
in-group = gruppen `{ $id }`
in-field = fältet `{ $id }`
in-step = steget `{ $id }`
in-schedule = schemat `{ $id }`
in-case-event = ärendehändelsen `{ $id }`
in-route-of = en väg i { $place }
in-recipient-of = en mottagare i { $place }
in-person-of = en person i { $place }
in-message-of = meddelandet i { $place }
in-a-deadline-of = en frist i { $place }
in-deadline-of = fristen `{ $id }` i { $place }
in-repeat-of = `repeat` i { $place }
in-task-of = uppgiften i { $place }

## YAML.
yaml-empty-file = filen är tom

## Listor med "och": `$head` är listan hittills.
list-and = { $head } och { $last }
in-routine = rutinen
in-a-recipient = en mottagare
in-kind-step = `{ $kind }`-steget `{ $id }`
in-message-step = meddelandesteget `{ $id }`

## Vad ett värde inte är giltigt som (`$what` i `bad-value`).
what-step-kind = stegets sort (`kind`)
what-field-type = fältets typ (`type`)

## Formuleringar för människor (`bad-wording`).
wording-empty = `{ $key }` i { $place } saknar text
wording-empty-fix = skriv den med ord, eller ta bort `{ $key }:`
title-without-when = `title` i { $place } beskriver sitt villkor, men det finns inget `when:`
title-without-when-fix = lägg till villkoret `when:` som titeln beskriver, eller ta bort `title:`

## Steg och vägar (`bad-step`).
next-and-routes = steget `{ $id }` har både `next` och `routes`
next-and-routes-fix = behåll en av dem: `next` för en enda väg vidare, `routes` för villkor
otherwise-not-last = en väg `otherwise` måste vara den sista vägen
otherwise-not-last-fix = flytta den sist; vägarna efter den kan aldrig väljas
route-incomplete = en väg i steget `{ $id }` är ofullständig
route-incomplete-fix = skriv en väg som `- when: <villkor>` med `to: <steg>`, eller som `- otherwise: <steg>`
decision-with-next = beslutssteget `{ $id }` har `next` i stället för `routes`
decision-with-next-fix = använd `routes:` med villkor, eller gör det till en annan sorts steg
# `$kind` är stegets sort som den skrivs (`task`, `event`...); `$kinds` kommer färdiga med "och".
key-not-of-kind = steget `{ $id }` är ett steg av sorten `{ $kind }`; `{ $key }` hör inte dit
key-not-of-kind-fix = `{ $key }` hör till steg av sorten { $kinds }; ta bort nyckeln eller ändra `kind`
parallel-one-branch = det parallella steget `{ $id }` har färre än två grenar
parallel-one-branch-fix = ange minst två steg under `branches`, eller använd `next`

## Fälttyper (`FieldType::describe`).
type-text = text
type-integer = heltal
type-boolean = ja eller nej (true eller false)
type-date = datum (ÅÅÅÅ-MM-DD)
type-period = period ({"{"}from: ÅÅÅÅ-MM-DD, to: ÅÅÅÅ-MM-DD{"}"})
type-enum = ett av: { $values }
type-personnummer = personnummer (ÅÅÅÅMMDD-NNNN)
type-list = lista med { $items }

## Varför ett värde inte passar fältets typ (`check_value`).
value-not-a-date = här ska det stå ett datum (ÅÅÅÅ-MM-DD), men det står { $got }
value-bad-date = `{ $text }` är inget datum (ÅÅÅÅ-MM-DD)
value-period-key = en period har bara `from` och `to`, inte `{ $key }`
value-period-needs = en period behöver `{ $key }`
value-period-backwards = perioden slutar ({ $to }) innan den börjar ({ $from })
value-not-one-of = `{ $value }` är inte något av: { $values }
value-item = post { $number }: { $fault }
value-expected = här ska det stå { $expected }, men det står { $got }
value-nothing = ingenting
value-number = talet { $number }
value-text = texten `{ $text }`
value-list = en lista
value-mapping = en mappning

## Varför en text inte är ett personnummer (ingen siffra ur det citeras).
pnr-digits = ett personnummer har 10 eller 12 siffror (ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN), det här har { $count }
pnr-characters = ett personnummer skrivs med siffror och högst ett `-` eller `+`
pnr-separator = `-` eller `+` står före de fyra sista siffrorna
pnr-month = månaden finns inte (01–12)
pnr-day = dagen finns inte i månaden (ett samordningsnummer lägger 60 till dagen)
pnr-check-digit = kontrollsiffran (den sista) stämmer inte med de andra siffrorna
pnr-needs-century = skriv alla 12 siffror (ÅÅÅÅMMDD-NNNN): århundradet för ett nummer med 10 siffror beror på dagen det lämnas
pnr-future = födelsedatumet ligger efter { $on }, dagen numret lämnas
pnr-plus-too-young = `+` betyder att personen är 100 år eller äldre den { $on }, och det stämmer inte med numrets födelsedatum

## Varför en text inte är en tidslängd.
duration-empty = tidslängden är tom; skriv ett tal och en av enheterna `days`, `weeks`, `months`, `years`, `working days` (till exempel `3 days`)
duration-no-unit = `{ $amount }` saknar enhet; skriv ett tal och en av enheterna `days`, `weeks`, `months`, `years`, `working days` (till exempel `{ $amount } days`)
duration-bad-amount = `{ $text }` är inget heltal; en tidslängd börjar med ett heltal som 3, följt av en av enheterna `days`, `weeks`, `months`, `years`, `working days`
duration-unknown-unit = `{ $input }` har en okänd enhet `{ $unit }`; skriv ett tal och en av enheterna `days`, `weeks`, `months`, `years`, `working days`
duration-unknown-unit-like = `{ $input }` har en okänd enhet `{ $unit }`; skriv ett tal och en av enheterna `days`, `weeks`, `months`, `years`, `working days`; menade du `{ $suggestion }`?
duration-too-large = `{ $amount }` är för stort; en tidslängd kan vara högst { $max } dagar, veckor, månader, år eller arbetsdagar

## Varför en text inte är en tid på dagen.
time-not-hours-minutes = `{ $text }` är inte timmar och minuter med kolon
time-no-such-hour = `{ $text }` har ingen sådan timme; timmen är 00 till 23
time-no-such-minute = `{ $text }` har ingen sådan minut; minuterna är 00 till 59

## Fält och deras regler (`bad-step`, `bad-field-rule`).
in-enum-field = uppräkningsfältet `{ $id }`
in-list-field = listfältet `{ $id }`
expect-date = ett datum (ÅÅÅÅ-MM-DD)
key-not-of-type = `{ $key }` hör bara till fält av typen `{ $kind }`
key-not-of-type-fix = ta bort `{ $key }`, eller ge `{ $id }` typen `{ $kind }`
# `$kinds` kommer färdiga med "och"; `$type` är en fälttyp (`type-*`).
rule-not-for-type = `{ $key }` gäller bara fält av typen { $kinds }; `{ $id }` har typen { $type }
rule-not-for-type-fix = ta bort `{ $key }`, eller ge `{ $id }` en typ som regeln gäller för
rule-bad-pattern = `pattern` för `{ $id }` är inget giltigt reguljärt uttryck: { $reason }
rule-bad-pattern-fix = skriv ett reguljärt uttryck i syntaxen för Rust-paketet `regex`, till exempel `[0-9]{"{"}5{"}"}` (det ska passa hela värdet)
rule-negative-length = `{ $key }` för `{ $id }` är { $value }, under noll
rule-negative-length-fix = skriv ett antal tecken, 0 eller fler
rule-bad-bound = `{ $key }` för `{ $id }` ska vara { $expected }, som fältets värden
rule-bad-bound-fix = skriv { $expected }
rule-crossed = `{ $low_key }: { $low }` är större än `{ $high_key }: { $high }` för `{ $id }`: inget värde kan klara båda
rule-crossed-fix = gör `{ $low_key }` högst lika med `{ $high_key }`
rule-broken-by-example = exemplet för `{ $id }` bryter mot fältets egen regel `{ $rule }`: det ska vara { $expected }
rule-broken-by-example-fix = ge ett exempel som håller fältets regler

## Vad ett värde ska vara för att hålla ett fälts regel (`Broken::phrase`).
rule-pattern = en text som i sin helhet passar `{ $pattern }`
rule-min-length = minst { $length } tecken lång
rule-max-length = högst { $length } tecken lång
rule-min = minst { $bound }
rule-min-date = den { $bound } eller senare
rule-max = högst { $bound }
rule-max-date = den { $bound } eller tidigare

## Ett fälts `groups:` (`bad-group-map`, `value-without-group`).
used-groups-of = `groups` för `{ $id }`
groups-not-enum = `groups` kopplar värden i ett uppräkningsfält till grupper, men `{ $id }` har typen { $type }
groups-not-enum-fix = ta bort `groups`, eller gör `{ $id }` till ett uppräkningsfält (`enum`)
# `$values` kommer färdiga: `a`, `b`.
groups-not-a-value = `groups` för `{ $id }` kopplar `{ $value }`, som inte är ett värde av `{ $id }` (dess värden är { $values })
groups-not-a-value-like = skriv `{ $suggestion }`, eller lägg till `{ $value }` bland `values` för `{ $id }`
groups-not-a-value-fix = koppla bara värden av `{ $id }`, eller lägg till `{ $value }` bland dem
groups-value-is-group = `groups` för `{ $id }` kopplar `{ $value }` till `{ $group }`, men `{ $value }` är själv ett grupp-id
groups-value-is-group-fix = koppla `{ $value }` till sig själv, eller byt namn på värdet eller gruppen
groups-disagree = `groups` för `{ $id }` kopplar `{ $value }` till `{ $group }`, men `groups` för `{ $other }` kopplar det till `{ $other_group }`
groups-disagree-fix = låt varje värde stå för en grupp: koppla det till samma grupp i båda fälten, eller byt namn på ett av värdena

## `set:` (`bad-assignment`).
set-wrong-type = `set` i { $place } ger fältet `{ $id }` värdet av `{ $expr }`, som inte passar: { $reason }
set-wrong-type-fix = `{ $id }` har typen { $type }; ge det ett uttryck av den typen
set-wrong-type-division-fix = `{ $id }` har typen { $type }; ge det ett uttryck av den typen (`/` ger ett decimaltal; skriv `//` för heltalsdivision)
set-wider = `set` i { $place } ger `{ $id }` ett värde som räknas fram ur `{ $hidden }`, som en del av dem som får se `{ $id }` inte får se
set-wider-fix = ge `{ $id }` ett `visible_to` som inte är vidare än det för `{ $hidden }`, eller räkna fram det ur andra fält

## Ärendehändelser (`bad-case-event`).
case-event-named-as-step-event = { $place } har samma namn som händelsen som steget `{ $step }` väntar på
case-event-named-as-step-event-fix = ge ärendehändelsen ett eget namn; en levererad händelse ska betyda en sak
case-event-goto-and-outcome = { $place } har både `goto` och `outcome`
case-event-no-goto-or-outcome = { $place } säger varken vart ärendet går eller hur det slutar
case-event-then-fix = ge den `goto: <steg>` för att fortsätta i ett steg, eller `outcome: <text>` för att avsluta ärendet

## Frister.
in-case = ärendet
expect-date-field = ett fält av typen date
expect-count = ett heltal från 0 och uppåt
repeat-every-zero = `repeat: every { $every }` skulle aldrig komma vidare
io-no-template-folder = mappen med mallar finns inte

## Vem som skickar ett meddelande (`$sender` i `template-unavailable`).
sender-step = ett meddelandesteg
sender-step-deadline = en frist i ett steg
sender-case-deadline = en frist för ärendet
sender-schedule = ett schemas rapport

## Mottagare (`bad-recipient`, `bad-step`, `group-of-unknowable`).
type-unknown = okänd
person-not-text = personens `{ $id }` är ett fält av typen { $type }; ett namn eller en e-postadress är text
person-not-text-fix = ge `{ $id }` `type: text`, eller ange ett textfält
person-may-be-unset = personens `{ $id }` kan sakna värde när meddelandet skickas, och då kan det inte gå till personen
person-may-be-unset-fix = gör `{ $id }` obligatoriskt, eller ge mottagaren `when: "{ $id } is not none"`
recipient-not-one = en mottagare ska ange precis en av `role`, `group`, `group_of`, `person`
recipient-not-one-fix = skriv `- role: <roll>`, `- group: <grupp>`, `- group_of: <uttryck>` eller `- person: {"{"}name: <fält>, address: <fält>, sees_as: <roll>{"}"}`
group-of-gives-no-id = det ger `{ $value }`, som inte är något grupp-id
group-of-no-text = det ger ingen text, och ett grupp-id är en text
group-of-field-type = `{ $id }` är ett fält av typen { $type }, och ett grupp-id är en text

## Parallella steg och hopp (`bad-step`, `bad-case-event`).
join-shared = de parallella stegen `{ $id }` och `{ $other }` anger båda `{ $join }` som sitt sammanslagningssteg
join-shared-fix = ge varje parallellt steg ett eget sammanslagningssteg
join-not-a-join = det parallella steget `{ $id }` anger `{ $join }` som sitt sammanslagningssteg, men `{ $join }` är ett steg av sorten `{ $kind }`
join-not-a-join-fix = gör `{ $join }` till ett steg med `kind: join`
branch-loops-back = grenen som börjar i `{ $branch }` leder tillbaka till sitt parallella steg `{ $id }` innan den når sammanslagningssteget `{ $join }`; grenarna skulle köras två gånger
branch-loops-back-fix = låt grenen nå `{ $join }` först, och gå tillbaka efter sammanslagningen
case-event-into-branch = en ärendehändelse leder till `{ $target }`, inne i grenarna till det parallella steget `{ $id }`
case-event-into-branch-fix = låt ärendehändelser leda till ett steg utanför alla parallella stegs grenar (sammanslagningen skulle vänta på grenar som är borta)
goto-across-branches = fristen `{ $id }` i { $place } hoppar till `{ $target }`, in i eller ut ur grenarna till det parallella steget `{ $parallel }`
goto-across-branches-fix = hoppa till ett steg på samma sida om det parallella steget och dess sammanslagning

## Varför minijinja inte kan läsa ett uttryck eller en mall: dess egna ord
## (`$detail`), efter sorts fel (`$kind`: syntax, filter, test, function,
## arguments, other).
jinja-error = { $kind ->
    [syntax] syntaxfel
    [filter] okänt filter
    [test] okänt test
    [function] okänd funktion
    [arguments] fel antal argument
   *[other] fel
} (minijinja: ”{ $detail }”)
jinja-syntax-error = syntaxfel

## Vad ett uttryck ger (`$got` i `wrong-argument-type`); `$what` är texten det gäller.
kind-text-field = `{ $what }` är ett textfält
kind-number-field = `{ $what }` är ett talfält
kind-boolean-field = `{ $what }` är ett ja/nej-fält
kind-date-field = `{ $what }` är ett datumfält
kind-period-field = `{ $what }` är ett periodfält
kind-enum-field = `{ $what }` är ett uppräkningsfält
kind-personnummer-field = `{ $what }` är ett personnummerfält
kind-list-field = `{ $what }` är ett listfält
kind-date = `{ $what }` är ett datum
kind-text = `{ $what }` är en text
kind-number = `{ $what }` är ett tal
kind-boolean = `{ $what }` är ja eller nej
kind-none = `none` är inget värde
kind-filter-text = filtret `{ $what }` ger en text
kind-filter-number = filtret `{ $what }` ger ett tal
kind-comparison = en jämförelse ger ja eller nej
kind-not = `not ...` ger ja eller nej
kind-concat = `~` ger en text
kind-list = en lista
kind-call-date = `{ $what }(...)` ger ett datum
kind-call-number = `{ $what }(...)` ger ett tal
kind-call-boolean = `{ $what }(...)` ger ja eller nej
kind-call-text = `{ $what }(...)` ger en text

## Vad en funktion eller ett filter behöver (`$expected`, `$place` i `wrong-argument-type`).
need-date = ett datum
need-period = en period
need-duration = en tidslängd som text, till exempel '1 month'
# `$kind` är `role` eller `group`.
need-id = { $kind ->
    [role] ett roll-id
   *[group] ett grupp-id
}
need-as-argument = { $need } som { $ordinal } argument
ordinal-first = första
ordinal-second = andra
ordinal-third = tredje
ordinal-next = nästa
place-filter-in = filtret `{ $id }` i `{ $expr }`
place-function-in = `{ $id }` i `{ $expr }`
the-filter = filtret `{ $id }`
place-wait-until = `until` i väntesteget `{ $id }`
date-literal-compared-as-text = jämfört med ett datum jämförs det som text, så svaret blir fel
date-literal-fails = `{ $id }` misslyckas med det

## Var ett värde står som kan ge vidare ett fält utan värde (`$place` i `unguarded-optional-value`).
place-route-condition = villkoret för väg { $route } i steget `{ $id }`
place-recipient-condition = ett mottagarvillkor i { $place }
place-until = `until` i väntesteget `{ $id }`
place-set = `set:` i { $place }
in-case-deadline = ärendets frist `{ $id }`
reader-person = personen `{ $id }` (som ser som `{ $role }`)
