# `--help`: varje kommandos och arguments text, efter dess plats i
# kommandoträdet. Engelskan är samma som dokumentationskommentarerna clap läser.

# clap:s egna ord.
cli-heading-usage = Användning:
cli-heading-commands = Kommandon:
cli-heading-arguments = Argument:
cli-heading-options = Flaggor:
cli-heading-values = Möjliga värden:
cli-usage-options = {"["}FLAGGOR]
cli-usage-command = <KOMMANDO>
cli-note-default = {"["}standard: { $value }]
cli-note-values = {"["}möjliga värden: { $values }]
cli-note-env = {"["}miljövariabel: { $name }]
cli-help-command = Visa det här meddelandet eller hjälpen för de angivna underkommandona
cli-help-command--subcommand = Visa hjälpen för underkommandona

# Kommandon och argument.
cli-rutin = Granska, simulera och testa vårdrutiner skrivna i YAML
cli-rutin-long =
    Rutin gör en kommuns skrivna vårdrutiner körbara.
    Rutinerna är YAML-filer under workflows/, meddelandetexterna är mallar under templates/.
cli-rutin-after =
    Exempel:
      rutin check
      rutin check workflows/kommun_000/installation.yaml --format json
cli-global--lang = Språket i det Rutin skriver ut: `sv` (svenska) eller `en` (English). Utan den avgör språkinställningen (`LC_ALL`, `LC_MESSAGES`, `LANG`): svenska för `sv_*`, annars engelska
cli-flag-help-more = Visa hjälp (mer med '--help')
cli-flag-help-more-long = Visa hjälp (en sammanfattning med '-h')
cli-flag-version = Visa version
cli-rutin-check = Granska rutiner och mallar och rapportera alla problem på en gång
cli-rutin-check-after =
    Exempel:
      rutin check
      rutin check workflows/kommun_000
      rutin check workflows/kommun_000/installation.yaml --format json

    Slutstatus: 0 giltigt, 1 problem hittades, 2 fel i anropet eller vid läsning/skrivning.
cli-rutin-check--paths = Rutinfiler, mallfiler eller mappar att granska (i mappar söks *.yaml och *.j2) [standard: workflows templates]
cli-rutin-check--format = Utdataformat
cli-rutin-check--format--text = För människor
cli-rutin-check--format--json = För redigerare, CI och skript
cli-rutin-check--deny_warnings = Räkna varningar som problem (slutstatus 1 när det finns några)
cli-rutin-check--coverage = Lista också varje avsnitt i källdokumenten och vad som hänvisar till det; slutstatus 1 när inget hänvisar till ett avsnitt
cli-rutin-graph = Rita en rutin som en bild: DOT, Mermaid eller SVG
cli-rutin-graph-long =
    Rita en rutin som en bild: DOT (Graphviz), Mermaid eller SVG.

    Stegen är noder märkta med titel och id, formade och färgade efter typ; uppgifterna grupperas efter roll. Heldragna kanter är vägar, märkta med sitt villkor (`annars` för standardvägen). Streckade kanter är tidsfrister och eskaleringar, märkta med id och längd: till steget en tidsfrist hoppar till, eller till en notis om vilket meddelande den skickar eller vilken uppgift den öppnar. Ärendets tidsfrister utgår från startnoden.
cli-rutin-graph-after =
    Exempel:
      rutin graph workflows/kommun_000/installation.yaml > installation.dot
      dot -Tpng installation.dot -o installation.png       (med Graphviz installerat)
      rutin graph workflows/kommun_000/installation.yaml --format svg --output installation.svg
      rutin graph workflows/kommun_000/installation.yaml --format mermaid

    Slutstatus: 0 ritad, 1 rutinen har fel (visas som av `rutin check`), 2 fel i anropet eller vid läsning/skrivning.
cli-rutin-graph--routine = Rutinfilen att rita, eller en mapp: varje rutin i den ritas till `--output MAPP`, en fil per rutin på samma relativa sökväg
cli-rutin-graph--format = Utdataformat
cli-rutin-graph--format--dot = Graphviz DOT (rendera med `dot -Tsvg`), uppgifter grupperade efter roll
cli-rutin-graph--format--mermaid = Ett Mermaid-flödesschema (för Markdown på GitHub, GitLab, wikis)
cli-rutin-graph--format--svg = En SVG-bild, utlagd av Rutin själv (Graphviz behövs inte)
cli-rutin-graph--output = Skriv till den här filen (en mapp när en mapp ritas) i stället för standard ut
cli-rutin-graph--max_steps = Bara SVG: rita rutiner med upp till så här många steg (större bilder nekas som oläsliga)
cli-rutin-diff = Vad som ändrats mellan två versioner av en rutin, och vilka pågående ärenden det berör
cli-rutin-diff-long = Vad som ändrats mellan två versioner av en rutin, med processägarens ord: steg som lagts till, tagits bort eller flyttats (nu efter andra steg), vem som utför en uppgift, vem som får ett meddelande, tidsfrister, fält och vem som får se dem, och varje ändrad mall som en raddiff. Med --db också rutinens pågående ärenden och om vart och ett kan flyttas till den nya versionen (som `rutin case migrate --dry-run`; inget ändras).
cli-rutin-diff-after =
    Exempel:
      rutin diff old/extension.yaml workflows/kommun_000/extension.yaml
      rutin diff old/extension.yaml workflows/kommun_000/extension.yaml --format json
      rutin diff old/extension.yaml workflows/kommun_000/extension.yaml --db rutin.db

    Slutstatus: 0 jämförda, 1 en rutin har fel eller ett ärende kunde inte bedömas, 2 fel i anropet eller vid läsning/skrivning.
cli-rutin-diff--old = Den gamla versionens rutinfil
cli-rutin-diff--new = Den nya versionens rutinfil
cli-rutin-diff--format = Utdataformat
cli-rutin-diff--format--text = En rad per ändring, sedan mallarnas diffar
cli-rutin-diff--format--json = JSON, för verktyg
cli-rutin-diff--db = Lista också de pågående ärenden i den här databasen som ändringen berör, och om vart och ett kan flyttas till den nya versionen
cli-rutin-book = Skriv rutinboken: rutinen som ett dokument att publicera (HTML eller Markdown)
cli-rutin-book-long =
    Skriv rutinboken: rutinen som det dokument en kommun publicerar, på svenska.

    Huvudet (vem som beslutade, när, vad den ersätter), roller och ansvar, arbetsgången fas för fas som numrerade steg, varje tidsfrist och meddelande i ord, de lokala valen, spårningen till källdokumentet och diagrammet. HTML är en fristående sida som går att skriva ut på A4.
cli-rutin-book-after =
    Exempel:
      rutin book workflows/kommun_000/installation.yaml --output installation.html
      rutin book workflows/kommun_000/installation.yaml --format md --output installation.md
      rutin book workflows --output books

    Slutstatus: 0 skriven, 1 en rutin har fel (visas som av `rutin check`), 2 fel i anropet eller vid läsning/skrivning.
cli-rutin-book--path = En rutinfil, eller en mapp: en bok för varje rutin i den
cli-rutin-book--format = Utdataformat
cli-rutin-book--format--html = En fristående HTML-sida (CSS och SVG inbäddade), utskrivbar på A4
cli-rutin-book--format--md = Markdown för alla kodforum; med --output skrivs diagrammet bredvid som SVG
cli-rutin-book--output = Skriv till den här filen (för en mapp: in i den här mappen, en bok per rutin)
cli-rutin-schema = Skriv ut JSON Schema för rutinfiler, för komplettering och kontroll i redigeraren
cli-rutin-schema-long =
    Skriv ut JSON Schema (draft-07) för rutinfiler, eller med --organisation för organisationsfiler.

    Med VS Codes YAML-tillägg slår första raden
      # yaml-language-server: $schema=../../schema/routine.schema.json
    i en rutinfil på komplettering och kontroll av dess nycklar.
cli-rutin-schema-after =
    Exempel:
      rutin schema
      rutin schema --output schema/routine.schema.json
      rutin schema --organisation --output schema/organisation.schema.json

    Slutstatus: 0 skrivet, 2 fel i anropet eller vid läsning/skrivning.
cli-rutin-schema--organisation = Schemat för organisationsfiler i stället för rutinfiler
cli-rutin-schema--output = Skriv till den här filen i stället för standard ut
cli-rutin-simulate = Kör ett ärende från start till slut på en virtuell klocka och skriv ut dess tidslinje
cli-rutin-simulate-long =
    Kör ett ärende från start till slut på en virtuell klocka och skriv ut en läsbar tidslinje: datum, steg, roll, vad som hände, varje tidsfrist som startade eller gick ut, varje meddelande i sin helhet med mottagare.

    Utan --scenario följer ärendet rutinen av sig självt: det börjar med exempelvärdena för de fält som ingen uppgift registrerar; öppna uppgifter utförs en i taget, en arbetsdag isär, med exempelvärden (registrerade datum är den simulerade dagen); en väntad händelse kommer en arbetsdag senare; annars flyttas klockan till nästa tidsfrist.

    Med --scenario är rutinen scenariots `routine:` (ROUTINE kan utelämnas; anges den måste det vara den filen). Med --interactive frågar varje öppen uppgift hur många dagar som går (0 till 365) och vilka värden som ska registreras; ett nekat värde frågas efter igen.
cli-rutin-simulate-after =
    Exempel:
      rutin simulate workflows/kommun_000/installation.yaml
      rutin simulate workflows/kommun_003/not_executed.yaml --start 2026-06-01
      rutin simulate workflows/kommun_000/installation.yaml --as night_patrol
      rutin simulate --scenario tests/scenarios/kommun_000/installation_happy.yaml
      rutin simulate workflows/kommun_000/installation.yaml --interactive
      rutin simulate workflows/kommun_000/installation.yaml --format json > journal.json

    Slutstatus: 0 simulerat, 1 rutinen har fel eller ärendet nekades, 2 fel i anropet eller vid läsning/skrivning (också: ROUTINE är inte scenariots rutin, indata tog slut innan ett interaktivt ärende var klart).
cli-rutin-simulate--routine = Rutinfilen att simulera (med --scenario: valfri, scenariots `routine:`)
cli-rutin-simulate--start = Datumet (ÅÅÅÅ-MM-DD) eller tiden (ÅÅÅÅ-MM-DD TT:MM) då ärendet börjar (standard: 08:00 på det tidigaste datumet i exemplens startdata, som beslutsdatumet, så att exemplen blir rimliga; i dag när startdata saknar datum; ett scenario anger sin egen `start:`)
cli-rutin-simulate--scenario = Kör ett skriptat ärende i stället för att följa rutinen av sig självt
cli-rutin-simulate--interactive = Fråga vid varje öppen uppgift vilka värden som ska anges och hur många dagar som går
cli-rutin-simulate--as_role = Visa bara det som den här rollen får se
cli-rutin-simulate--format = Utdataformat: en tidslinje, eller ärendets journal som JSON
cli-rutin-simulate--format--text = För människor
cli-rutin-simulate--format--json = För redigerare, CI och skript
cli-rutin-simulate--until = Stoppa den virtuella klockan vid det här datumet (dagens slut) eller tiden (ÅÅÅÅ-MM-DD TT:MM) och visa var ärendet står, varv för varv när rutinen upprepas
cli-rutin-simulate--round = Med --until: steget där varje återkomst börjar ett varv (standard: det steg närmast starten som ärendet går in i igen)
cli-rutin-simulate--max_actions = Sluta efter så här många åtgärder (skydd mot en rutin som går runt på sina exempelvärden)
cli-rutin-simulate--profile = Simulera många ärenden med den här profilen (`*.profile.yaml`, docs/SIMULATION.md) och skriv ut en rapport i stället för ett ärendes tidslinje
cli-rutin-simulate--cases = Med --profile: hur många ärenden som kommer in (livslopp, när profilen kedjar rutiner)
cli-rutin-simulate--seed = Med --profile: fröet för varje slumpdragning (samma frö, samma rapport)
cli-rutin-simulate--horizon = Med --profile: dagen (ÅÅÅÅ-MM-DD) då simuleringen slutar [standard: 26 veckor efter det sista inflödet]
cli-rutin-simulate--weeks = Med --profile: sluta efter så här många veckor från profilens start
cli-rutin-simulate--per_week = Med --profile: ärenden som kommer in per vecka i stället för profilens `arrivals`
cli-rutin-simulate--svg = Med --profile: rita också veckans arbetsbelastning och överskridanden som en SVG-fil
cli-rutin-test = Kör scenariofiler och rapportera vilka som går igenom
cli-rutin-test-long = Kör scenariofiler (docs/SCENARIOS.md): skriptade ärenden med förväntningar. En rad per scenario; ett misslyckande visar förväntat mot faktiskt; sista raden är `N godkända, N underkända`. Innan ett scenario körs kontrolleras varje steg, tidsfrist, mall, roll och felkod som det nämner mot dess rutin; en okänd gör att det misslyckas.
cli-rutin-test-after =
    Exempel:
      rutin test
      rutin test tests/scenarios/kommun_003
      rutin test tests/scenarios/kommun_000/installation_happy.yaml

    Slutstatus: 0 alla godkända, 1 ett scenario misslyckades, 2 fel i anropet eller vid läsning/skrivning (en scenariofil som inte går att läsa eller inte är ett scenario, eller vars rutinfil saknas: visas också som underkänd).
cli-rutin-test--paths = Scenariofiler eller mappar (i mappar söks *.yaml)
cli-rutin-test--format = Utdataformat: en rad per scenario, eller JSON
cli-rutin-test--format--text = För människor
cli-rutin-test--format--json = För redigerare, CI och skript
cli-rutin-case = Hantera riktiga ärenden i databasen: start, utför, leverera, flytta fram tiden, visa, historik...
cli-rutin-case-long = Hantera riktiga ärenden i databasen: en SQLite-fil (--db FIL, standard `rutin.db` i aktuell mapp; skapas om den saknas) eller RUTIN_DATABASE_URL=postgres://... . Varje kommando som ändrar ett ärende är en transaktion: det läser in ärendet, kör ett kommando på den rutinversion ärendet är låst till (sparad i databasen när ärendet startade: att ändra i workflows/ stoppar aldrig ett pågående ärende) och sparar bara om ingen annan ändrat ärendet under tiden. Ett nekat kommando, eller ett som förlorade mot ett annat i samma ögonblick, ändrar ingenting. Meddelanden går till utkorgen; `rutin tick` eller `rutin run` levererar dem.
cli-rutin-case-after =
    Exempel:
      rutin case start workflows/kommun_000/installation.yaml --id K-2026-017 \
        --data '{"{"}decision_date: 2026-06-19, client_name: Anna Andersson,
                 client_address: Storgatan 1, home_care_group: norra{"}"}'
      rutin case tasks --as alarm_team
      rutin case complete K-2026-017 check_order --as alarm_team --by Lisa --values 'order_ok: true'
      rutin case deliver K-2026-017 order_corrected --values '{"{"}"correction_note": "Rättad"{"}"}'
      rutin case show K-2026-017 --as night_patrol
      rutin case history K-2026-017
      rutin case list
      rutin case verify
      rutin case report workflows/kommun_003/not_executed.yaml monthly_not_executed

    Slutstatus: 0 klart, 1 nekat (fel roll, fält som saknas, okänt ärende, någon annan ändrade ärendet under tiden...), 2 fel i anropet (en okänd roll...), ett skadat ärende eller en databas som inte går att använda.
cli-global--db = Databasfilen (SQLite, skapas om den saknas; standard `rutin.db` här). RUTIN_DATABASE_URL=postgres://... anger en PostgreSQL-databas i stället
cli-rutin-case-start = Starta ett ärende på en rutin (ärendet låses till den här versionen av rutinen, dess organisationsfil och mallar)
cli-rutin-case-start--routine = Rutinfilen
cli-rutin-case-start--id = Ärendets id (bokstäver, siffror, `-`, `_`)
cli-rutin-case-start--data = Startdata, som JSON eller YAML (`decision_date: 2026-06-19`), eller `@fil`
cli-rutin-case-start--at = När (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM; standard nu)
cli-rutin-case-start--role = Visa vad som hände så som den här rollen får se det
cli-flag-help = Visa hjälp
cli-rutin-case-complete = Utför en öppen uppgift: via dess steg, eller via tidsfristen som öppnade den
cli-rutin-case-complete--id = Ärendets id
cli-rutin-case-complete--task = Uppgiftens steg- (eller tidsfrist-) id
cli-rutin-case-complete--role = Rollen som utför den
cli-rutin-case-complete--by = Vem som utför den
cli-rutin-case-complete--values = De registrerade värdena, som JSON eller YAML, eller `@fil`
cli-rutin-case-complete--at = När (standard nu)
cli-rutin-case-deliver = Leverera en extern händelse (en rättelse, ett svar, ett meddelande)
cli-rutin-case-deliver--id = Ärendets id
cli-rutin-case-deliver--event = Händelsens namn
cli-rutin-case-deliver--values = Värdena den bär med sig, som JSON eller YAML, eller `@fil`
cli-rutin-case-deliver--at = När (standard nu)
cli-rutin-case-deliver--role = Visa vad som hände så som den här rollen får se det
cli-rutin-case-advance = Låt tiden gå: lös ut varje tidsfrist som går ut fram till `--to` (standard nu), för de namngivna ärendena eller alla öppna (`rutin tick` gör detta från förfalloindexet, med scheman)
cli-rutin-case-advance--ids = Ärende-id (standard: alla öppna ärenden)
cli-rutin-case-advance--to = Fram till när
cli-rutin-case-show = Visa ett ärende: dess läge och tidslinje, så som en roll får se det
cli-rutin-case-show--id = Ärendets id
cli-rutin-case-show--role = Visa bara det som den här rollen får se
cli-rutin-case-show--format = Text eller JSON
cli-rutin-case-show--format--text = För människor
cli-rutin-case-show--format--json = För redigerare, CI och skript
cli-rutin-case-history = Ett ärendes journal som tidslinje, med vad som blev av varje meddelande det skickade
cli-rutin-case-history--id = Ärendets id
cli-rutin-case-history--role = Visa bara det som den här rollen får se
cli-rutin-case-history--format = Text eller JSON
cli-rutin-case-history--format--text = För människor
cli-rutin-case-history--format--json = För redigerare, CI och skript
cli-rutin-case-list = Lista ärendena i databasen
cli-rutin-case-list--format = Text eller JSON
cli-rutin-case-list--format--text = För människor
cli-rutin-case-list--format--json = För redigerare, CI och skript
cli-rutin-case-list--role = Visa misslyckanden som den här rollen får läsa dem (annars som för vem som helst, förklaringarna undanhållna)
cli-rutin-case-tasks = Öppna uppgifter i alla ärenden, för en roll eller alla
cli-rutin-case-tasks--role = Bara den här rollens uppgifter
cli-rutin-case-report = Kör ett schema över flera ärenden (en rapport) över en rutins sparade ärenden nu och skriv ut den (inget skickas; `rutin tick` kör scheman när de ska och skickar dem); låter först tiden gå för de ärendena fram till `--at`, så att rapporten ser dem som de är då
cli-rutin-case-report--routine = Rutinfilen
cli-rutin-case-report--schedule = Schemats id
cli-rutin-case-report--at = När (standard nu); rutinens öppna ärenden flyttas först fram dit
cli-rutin-case-report--role = Skriv ut den så som den här rollen får läsa den: varje listat ärende visar också bara de fält rollen får se (en rapport som läser ett fält rollen inte får se nekas)
cli-rutin-case-report--format = Text eller JSON
cli-rutin-case-report--format--text = För människor
cli-rutin-case-report--format--json = För redigerare, CI och skript
cli-rutin-case-verify = Kontrollera varje sparat ärende: journalens hashkedja, att den spelas upp på sin låsta rutin, och att det sparade indexet (öppet, nästa förfallotid) är vad uppspelningen ger
cli-rutin-case-import = Importera ärendena i en gammal `.rutin/`-mapp med JSON-ärendefiler, med en rapport (vart och ett låses till sin rutinfil som den är nu, om den fortfarande passar)
cli-rutin-case-import--folder = Den gamla lagringsmappen (`.rutin`, eller dess mapp `cases`)
cli-rutin-case-import--at = När importen sker (standard nu)
cli-rutin-case-migrate = Flytta pågående ärenden till en annan version av deras rutin (journalfört); med `--dry-run` lista bara vilka som kan flyttas och varför de andra inte kan
cli-rutin-case-migrate--to = Rutinfilen för den nya versionen
cli-rutin-case-migrate--dry_run = Lista bara vilka ärenden som kan flyttas och varför de andra inte kan
cli-rutin-case-migrate--at = När ärendena flyttas (standard nu)
cli-rutin-case-bulk = Startar COUNT ärenden och utför en uppgift i vart och ett, en transaktion per kommando, och skriver ut varje kommando när det sparats (för krasch- och lasttester)
cli-rutin-case-bulk--routine = Rutinfilen
cli-rutin-case-bulk--prefix = Ärendenas id är PREFIX-0, PREFIX-1, …
cli-rutin-case-bulk--count = Hur många ärenden
cli-rutin-case-bulk--data = Startdata för varje ärende
cli-rutin-case-bulk--step = Uppgiften som utförs i varje ärende (dess steg-id)
cli-rutin-case-bulk--role = Rollen som utför den
cli-rutin-case-bulk--at = När
cli-rutin-lsp = Kör språkservern (för redigerare) över standard in och standard ut
cli-rutin-lsp-long = Kör språkservern över standard in och standard ut, för redigerare: diagnoserna från `rutin check` medan du skriver (osparade buffertar inräknade), information om id och tidslängder när du håller muspekaren över dem, gå till definition, hitta referenser, komplettering av steg-, roll-, fält-, grupp- och mall-id, snabbrättningar för "menade du", och namnbyte. Den hanterar rutinfiler, organisationsfiler och mallar; README.md visar inställningen för VS Code, Neovim och Helix.
cli-rutin-lsp-after =
    Exempel:
      rutin lsp

    Slutstatus: 0 när redigeraren sa exit, 2 när förbindelsen bröts.
cli-rutin-lsp--stdio = Godtas för klienter som alltid anger den (servern talar bara stdio)
cli-rutin-tick = Lös ut det som förfallit (tidsfrister, scheman), leverera sedan utkorgen; en gång
cli-rutin-tick-long = Lös ut varje tidsfrist som förfaller senast --now (standard nu) och kör varje schema vars `every:` har kommit runt, i tidsordning, leverera sedan utkorgens förfallna meddelanden: som .eml-filer i en mapp (--deliver-to-folder) eller med SMTP (--smtp). Efter ett avbrott tar den igen det som missats utan att lösa ut något två gånger. Skriver ut vad den gjorde.
cli-rutin-tick-after =
    Exempel:
      rutin tick
      rutin tick --now 2026-07-20 --deliver-to-folder utkorg
      rutin tick --smtp smtp://localhost:25 --from 'Rutin <rutin@kommun.se>' --address alarm_team=larm@kommun.se

    Slutstatus: 0 klart, 1 något ärende eller schema kunde inte göras (resten gjordes), 2 fel i anropet eller en databas som inte går att använda.
cli-rutin-tick--now = Lös ut det som förfallit fram till den här tiden (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM; standard nu)
cli-rutin-tick--deliver_to_folder = Leverera meddelanden som .eml-filer (en per meddelande, namngiven efter Message-ID) i den här mappen
cli-rutin-tick--smtp = Leverera meddelanden med SMTP: smtp://värd:port (ingen kryptering), smtp://värd?tls=required (STARTTLS), smtps://användare:lösenord@värd (TLS)
cli-rutin-tick--from = Avsändaren av varje e-postmeddelande
cli-rutin-tick--message_id_domain = Domänen i Message-ID (`<case.seq.0@DOMÄN>`)
cli-rutin-tick--addresses = E-postadressen till en roll eller grupp, som ID=ADRESS (upprepa den; den ersätter organisationsfilens adress)
cli-rutin-tick--address_book = En YAML-fil med rader `id: adress` för roller och grupper
cli-rutin-tick--retry = Väntetiderna mellan leveransförsöken; efter den sista har ett meddelande misslyckats för gott
cli-rutin-run = `tick` oavbrutet på väggklockan, tills SIGTERM eller Ctrl-C
cli-rutin-run-long = Kör oavbrutet: tick, sov sedan tills nästa tidsfrist, schema eller nytt försök förfaller (eller --poll, det som kommer först), och igen. För en kommun som håller en process igång. SIGTERM eller Ctrl-C stoppar den snyggt: det pågående tick:et slutförs först.
cli-rutin-run-after =
    Exempel:
      rutin run --db /var/lib/rutin/rutin.db --smtp smtp://localhost:25 --from rutin@kommun.se --address-book adresser.yaml
      rutin run --deliver-to-folder utkorg --poll 30s

    Slutstatus: 0 stoppad av en signal, 2 fel i anropet eller en databas som inte går att använda.
cli-rutin-run--poll = Titta i databasen minst så här ofta (som 30s, 5m): andra processer kan ha startat ärenden eller lagt till arbete under tiden
cli-rutin-run--deliver_to_folder = Leverera meddelanden som .eml-filer (en per meddelande, namngiven efter Message-ID) i den här mappen
cli-rutin-run--smtp = Leverera meddelanden med SMTP: smtp://värd:port (ingen kryptering), smtp://värd?tls=required (STARTTLS), smtps://användare:lösenord@värd (TLS)
cli-rutin-run--from = Avsändaren av varje e-postmeddelande
cli-rutin-run--message_id_domain = Domänen i Message-ID (`<case.seq.0@DOMÄN>`)
cli-rutin-run--addresses = E-postadressen till en roll eller grupp, som ID=ADRESS (upprepa den; den ersätter organisationsfilens adress)
cli-rutin-run--address_book = En YAML-fil med rader `id: adress` för roller och grupper
cli-rutin-run--retry = Väntetiderna mellan leveransförsöken; efter den sista har ett meddelande misslyckats för gott
cli-rutin-outbox = Utkorgen: meddelanden som väntar, är skickade eller misslyckades, med försök, nästa försök och varför
cli-rutin-outbox-after =
    Exempel:
      rutin outbox
      rutin outbox --status failed
      rutin outbox --deliver --deliver-to-folder utkorg

    Slutstatus: 0 listat, 2 fel i anropet eller en databas som inte går att använda.
cli-rutin-outbox--status = Bara meddelanden med den här statusen
cli-rutin-outbox--status--pending = Inte levererat än (kanske försökt, ska försökas igen)
cli-rutin-outbox--status--sent = Levererat
cli-rutin-outbox--status--failed = Uppgivet
cli-rutin-outbox--format = Text eller JSON
cli-rutin-outbox--format--text = För människor
cli-rutin-outbox--format--json = För redigerare, CI och skript
cli-rutin-outbox--deliver = Leverera först det som förfallit (senast `--now`, standard nu)
cli-rutin-outbox--now = Tiden för `--deliver`
cli-rutin-outbox--deliver_to_folder = Leverera meddelanden som .eml-filer (en per meddelande, namngiven efter Message-ID) i den här mappen
cli-rutin-outbox--smtp = Leverera meddelanden med SMTP: smtp://värd:port (ingen kryptering), smtp://värd?tls=required (STARTTLS), smtps://användare:lösenord@värd (TLS)
cli-rutin-outbox--from = Avsändaren av varje e-postmeddelande
cli-rutin-outbox--message_id_domain = Domänen i Message-ID (`<case.seq.0@DOMÄN>`)
cli-rutin-outbox--addresses = E-postadressen till en roll eller grupp, som ID=ADRESS (upprepa den; den ersätter organisationsfilens adress)
cli-rutin-outbox--address_book = En YAML-fil med rader `id: adress` för roller och grupper
cli-rutin-outbox--retry = Väntetiderna mellan leveransförsöken; efter den sista har ett meddelande misslyckats för gott

# clap:s felmeddelanden om anropet, på svenska.
cli-error-unknown-argument = oväntat argument '{ $arg }'
cli-error-invalid-subcommand = okänt underkommando '{ $command }'
cli-error-invalid-value = ogiltigt värde '{ $value }' för '{ $arg }'
cli-error-value-required = '{ $arg }' behöver ett värde, men inget angavs
cli-error-missing-arguments = de här argumenten krävs men angavs inte:
cli-error-missing-subcommand = '{ $command }' behöver ett underkommando, men inget angavs
cli-error-conflict = argumentet '{ $arg }' kan inte användas tillsammans med '{ $other }'
cli-error-repeated = argumentet '{ $arg }' kan bara anges en gång
cli-error-too-many = oväntat värde '{ $value }' för '{ $arg }'; inga fler väntades
cli-error-unknown-lang = `{ $lang }` är inget språk som Rutin talar: använd `sv` (svenska) eller `en` (English)
cli-error-similar-subcommands = tips: liknande underkommandon: { $values }
cli-error-similar-arguments = tips: liknande argument: { $values }
cli-error-similar-values = tips: liknande värden: { $values }
cli-error-more = Mer information får du med '{ $flag }'.
cli-note-subcommands = {"["}underkommandon: { $values }]
