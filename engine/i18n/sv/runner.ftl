# Ett körkommando som inte blev av (`RunnerError::message_in`), och de ord
# databasen och körningen sätter in i sina fel, som former att formulera om
# (se `run/failure_text.rs`).

runner-run = ärende `{ $case }`: { $error }
runner-schedule = schemat `{ $schedule }`: { $error }
runner-routine = rutinen { $routine } (version { $bundle }) har fel ({ $count } st.); rätta dem och granska den med `rutin check`

# Vad ett tick inte kunde göra.
runner-what-slot = schemat `{ $schedule }` för { $routine } version { $version } som skulle köras { $due }

# Vad databasen nämner.
store-what-case = ärende `{ $case }`
store-what-a-case = ett ärende `{ $case }`
store-what-routine-version = rutinversionen { $hash }
store-what-pending-message = det väntande meddelandet `{ $id }` i utkorgen
store-what-schedule-run = en körning av schemat `{ $schedule }` för { $routine } version { $version } för { $due }
store-place-database = databasen { $path }

# Varför databasen nekade, med dess egna ord.
store-reason-read-only = filen, eller dess mapp, är skrivskyddad
store-reason-full = disken är full, eller så har databasen nått sin storleksgräns
store-reason-not-a-database = SQLite kan inte läsa den som en databas
store-reason-not-sqlite = den är ingen SQLite-databas: den börjar med `{ $start }`
store-reason-other-program = den är en SQLite-databas för ett annat program
store-reason-opened-read-only = den öppnades skrivskyddad och måste först sättas upp eller migreras
store-reason-bundle-missing = dess rutinversion { $bundle } är inte sparad (spara den först)
store-reason-entry-missing = den saknas (nästa sparade händelse är { $seq })
store-reason-time-unreadable = tiden `{ $time }` går inte att läsa
