# Fel i ett ärende: en tidsfrist eller väntan som klockan inte kunde utföra,
# formulerade när de visas. Journalen sparar orsaken på engelska; formerna
# nedan (med nekandena i run.ftl) låter den formuleras igen på svenska.

failure-deadline-of-step = tidsfristen `{ $deadline }` i steget `{ $step }`
failure-case-deadline = ärendets tidsfrist `{ $deadline }`
failure-wait-step = vänta-steget `{ $step }`
failure-lost-everything = inget av det den skulle göra blev gjort
failure-lost-message = dess meddelande `{ $template }` skickades inte (resten utfördes)
failure-lost-wait = ärendet går inte vidare därifrån
# Samma som `run::visibility::WITHHELD`.
failure-withheld = [undanhållet: förklaringen kan visa fält som den här rollen inte får se]

# En tidsfrist som misslyckades och vars nästa upprepning inte heller kunde sättas.
failure-no-repeat = { $error }; den upprepas inte: { $reason }

# Var ett uttryck misslyckades när ärendet kördes.
failure-place-until = `until` i steget `{ $step }`
failure-place-route = väg { $number } från steget `{ $step }`
failure-place-when = `when` i tidsfristen `{ $deadline }`
failure-place-recipients = mottagarvillkoret i meddelandet `{ $template }`
failure-place-group-of = `group_of` i meddelandet `{ $template }`
failure-place-select = `select` i schemat `{ $schedule }` för ärende { $case }
failure-place-set = `set: { $field }` i { $place }
failure-place-step = steget `{ $step }`
failure-place-case = ärendet
failure-place-deadline = tidsfristen `{ $deadline }`
failure-place-repeat = upprepningen av tidsfristen `{ $deadline }`

# Varför ett uttryck misslyckades när ärendet kördes (motorns `ExprError`).
failure-expr-eval = `{ $expr }` gick inte att beräkna: { $message }
failure-expr-undefined = `{ $expr }` är odefinierat (en okänd variabel eller ett okänt attribut)
failure-expr-not-a-date = `{ $expr }` gav { $got }, inte ett datum (ÅÅÅÅ-MM-DD)
failure-expr-not-text = `{ $expr }` gav { $got }, inte en text
failure-expr-cannot-hold = gav ett värde som `{ $field }` inte kan ha: { $reason }

# Varför ett värde inte passar sitt fält (`model::check_value`), som det kan citeras.
failure-value-not-one-of = `{ $value }` är inget av: { $allowed }
failure-value-expected-date = ett datum (ÅÅÅÅ-MM-DD) behövdes, men det var { $got }
failure-value-not-a-date = `{ $value }` är inget datum (ÅÅÅÅ-MM-DD)
failure-value-period-only = en period har bara `from` och `to`, inte `{ $key }`
failure-value-period-backwards = perioden slutar ({ $to }) innan den börjar ({ $from })
failure-value-item = punkt { $number }: { $error }
failure-value-expected = { $expected } behövdes, men det var { $got }
failure-value-text = texten `{ $text }`
failure-value-number = talet { $number }
failure-value-nothing = inget
failure-value-list = en lista
failure-value-mapping = en mappning

# Ett fälts typ i ord (`FieldType::describe`), för nekanden och `rutin diff`.
field-type-text = text
field-type-integer = heltal
field-type-boolean = sant eller falskt (true eller false)
field-type-date = datum (ÅÅÅÅ-MM-DD)
field-type-period = period ({"{"}from: ÅÅÅÅ-MM-DD, to: ÅÅÅÅ-MM-DD{"}"})
field-type-enum = ett av: { $values }
field-type-personnummer = personnummer (ÅÅÅÅMMDD-NNNN)
field-type-list = lista med { $items }
