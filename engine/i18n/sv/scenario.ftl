# Fel i en scenariofil (`rutin test`, `rutin simulate --scenario`),
# efter `fil:rad:kolumn: `.

scenario-place-action = åtgärd { $number }: { $key }
scenario-did-you-mean = ; menade du `{ $suggestion }`?
scenario-known = {" "}(finns: { $known })
scenario-decode = scenariot har fel form: { $message }
scenario-unknown-key = okänd nyckel `{ $key }`, här går det att skriva { $known }
scenario-missing-key = nyckeln `{ $key }` saknas
scenario-wrong-type = fel sorts värde: { $found }, här ska stå { $expected }
scenario-not-a = här ska stå { $wanted }
scenario-duplicate-key = nyckeln `{ $key }` finns två gånger
scenario-routine-missing = rutinfilen { $path } finns inte (`routine:` räknas från scenariofilens mapp)
scenario-bad-time = { $place }: `{ $text }` är inget datum (ÅÅÅÅ-MM-DD) eller någon tidpunkt (ÅÅÅÅ-MM-DD TT:MM)
scenario-duration-empty = { $place }: tidslängden är tom; skriv ett tal och en av: dagar, veckor, månader, år, arbetsdagar (till exempel `3 dagar`)
scenario-duration-no-unit = { $place }: `{ $amount }` saknar enhet; skriv ett tal och en av: dagar, veckor, månader, år, arbetsdagar (till exempel `{ $amount } dagar`)
scenario-duration-bad-amount = { $place }: `{ $text }` är inget heltal; en tidslängd börjar med ett heltal, till exempel 3, och sedan en av: dagar, veckor, månader, år, arbetsdagar
scenario-duration-unknown-unit = { $place }: `{ $text }` har en okänd enhet `{ $unit }`; skriv ett tal och en av: dagar, veckor, månader, år, arbetsdagar
scenario-duration-too-large = { $place }: `{ $amount }` är för stort; en tidslängd kan vara högst 1000 dagar, veckor, månader, år eller arbetsdagar
scenario-unknown = { $place }: `{ $name }` är inte { $wanted }

# Vad ett namn skulle ha varit.
scenario-wanted-step = ett steg i rutinen
scenario-wanted-step-or-deadline = ett steg eller en tidsfrist i rutinen
scenario-wanted-deadline = en tidsfrist i rutinen
scenario-wanted-template = en mall som rutinen använder
scenario-wanted-role = en roll i rutinen
scenario-wanted-recipient = en roll, grupp eller person i rutinen
scenario-wanted-error-code = en felkod (se docs/SCENARIOS.md)

# Sorters värden, i `fel sorts värde: … här ska stå …`.
scenario-kind-text = en text
scenario-kind-number = ett heltal
scenario-kind-decimal = ett decimaltal
scenario-kind-bool = sant/falskt (true/false)
scenario-kind-list = en lista
scenario-kind-map = en mappning (rader med nyckel: värde)
scenario-kind-nothing = ingenting (ett tomt värde)
