# Databasens nekanden, med vanliga ord.

store-not-found = { $what } finns inte i databasen
store-exists = { $what } finns redan i databasen
store-new-entry = händelse { $seq } är ny
store-new-entries = händelserna { $first } till { $last } är nya
store-conflict = någon annan ändrade ärende { $case } under tiden ({ $new }); inget sparades, titta på ärendet och försök igen
store-bad-commit = ändringen av ärende `{ $case }` nekades: { $reason }; inget sparades
store-not-rutin = { $path } är ingen Rutin-databas ({ $reason }); den lämnades som den var. Ange en annan fil eller databas, eller en ny (tom) att börja med
store-newer-schema = { $path } har databasschema { $found }, men den här versionen av Rutin känner bara till scheman upp till { $supported }; den lämnades som den var. Använd en nyare Rutin
store-damaged = { $place } är skadad: { $reason }; den lämnades som den var (återställ den från en säkerhetskopia, eller titta på den med `rutin case history`)
store-busy = { $path } är upptagen: en annan process höll den låst i mer än { $waited } ms; inget sparades, försök igen
store-unwritable = { $path } går inte att skriva till ({ $reason }); inget sparades och inget sparat gick förlorat
store-io = { $path }: { $message }
store-backend = databasen nekade: { $message }; inget sparades
