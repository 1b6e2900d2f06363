# Massimuleringens SVG-diagram (`rutin simulate --profile ... --svg`).

chart-subtitle = { $cases } ärenden, frö { $seed }, veckor från { $start } till { $horizon }
chart-workload = Öppna uppgifter vid varje veckas slut, per roll
chart-breaches = Överskridna tidsfrister per vecka
chart-breach-series = { $deadline } ({ $routine })
chart-none = inga
chart-axis-weeks = vecka (måndag)
chart-axis-tasks = öppna uppgifter
chart-axis-breaches = överskridanden
