# The bulk simulation's SVG chart (`rutin simulate --profile ... --svg`).

chart-subtitle = { $cases } cases, seed { $seed }, weeks from { $start } to { $horizon }
chart-workload = Tasks open at the end of each week, per role
chart-breaches = Deadlines breached per week
chart-breach-series = { $deadline } ({ $routine })
chart-none = none
chart-axis-weeks = week (Monday)
chart-axis-tasks = open tasks
chart-axis-breaches = breaches
