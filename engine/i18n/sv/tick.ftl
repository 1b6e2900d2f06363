# `rutin tick`, `rutin run`, `rutin outbox`, `rutin case report`.

tick-summary = körning { $at }: { $moved } ärende(n) gick vidare, { $schedules } schemakörning(ar), { $sent } meddelande(n) skickade, { $retrying } att försöka igen, { $failed } slutgiltigt misslyckade{ $undone }
tick-undone = , { $count } kunde inte genomföras
tick-waiting = { $count } meddelande(n) väntar i utkorgen: ange --deliver-to-folder MAPP eller --smtp URL för att skicka dem
tick-schedule = schemat `{ $schedule }` i { $routine } version { $version } för { $due }: { $count } ärende(n) valda{ $reported }
tick-reported = , rapporten ligger i utkorgen
tick-cannot-show = ({ $count } händelser; ärendet kan inte visas: { $error })
tick-failure = { $what }: { $error }
tick-no-subject = (inget ämne)
tick-sent = ✉ skickat { $key }: { $subject } → { $to }
tick-not-sent-to = inte skickat till { $who }
tick-retry = ✉ inte skickat { $key }: { $reason }; nästa försök { $at }
tick-failed = ✉ MISSLYCKADES { $key }: { $subject }: { $reason }
tick-address-hint = tips: ge roller och grupper e-postadresser med --address ID=ADRESS eller --address-book FIL
tick-delivery = leverans { $at }: { $sent } meddelande(n) skickade, { $retrying } att försöka igen, { $failed } slutgiltigt misslyckade
outbox-deliver-nowhere = --deliver behöver ett mål: --deliver-to-folder MAPP eller --smtp URL
outbox-count = { $count } meddelande(n)
outbox-to = till { $who }
outbox-cannot-mail = kan inte skickas med e-post: { $who }
report-case-warning = ärende { $id }: { $error }
report-could-not-run = rapporten kunde inte köras ({ $code }): { $why }
report-none-selected = inget ärende valt: inget att rapportera
report-selected = { $count } ärende(n) valda: { $ids }
