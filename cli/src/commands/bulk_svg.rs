//! The bulk simulation's weekly workload and breaches as a self-contained
//! SVG chart: one panel of tasks open at each week's end per role, one of
//! deadline breaches per week, each with axes, labels and a legend.

use std::fmt::Write;

use rutin::simulate::Report;

use crate::output::text;

const WIDTH: f64 = 1100.0;
const PANEL: f64 = 300.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 260.0;
const TOP: f64 = 60.0;
const GAP: f64 = 90.0;
const COLORS: [&str; 10] = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#7f7f7f", "#bcbd22",
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A "nice" tick step (1, 2 or 5 times a power of ten) giving at most five
/// steps up to `max`, and the axis's top (a whole number of steps).
fn ticks(max: u32) -> (u32, u32) {
    let max = max.max(1);
    let mut power = 1u32;
    loop {
        for m in [1u32, 2, 5] {
            let step = m.saturating_mul(power);
            if max.div_ceil(step) <= 5 {
                return (step, max.div_ceil(step) * step);
            }
        }
        power = power.saturating_mul(10);
    }
}

/// The chart as SVG text.
pub(crate) fn render(r: &Report) -> String {
    let mut out = String::new();
    let height = TOP + 2.0 * PANEL + GAP + 50.0;
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="13">"#
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        out,
        r#"<text x="{LEFT}" y="28" font-size="17" font-weight="bold">{}</text>"#,
        escape(&r.title)
    );
    let subtitle = text(
        "chart-subtitle",
        &[
            ("cases", r.cases.to_string().into()),
            ("seed", r.seed.to_string().into()),
            ("start", r.start.to_string().into()),
            ("horizon", r.horizon.to_string().into()),
        ],
    );
    let _ = writeln!(
        out,
        r##"<text x="{LEFT}" y="46" fill="#444">{}</text>"##,
        escape(&subtitle)
    );
    let roles: Vec<(String, &[u32])> = r
        .workload
        .iter()
        .filter(|w| w.peak_open > 0)
        .map(|w| (w.name.clone(), w.open_at_week_end.as_slice()))
        .collect();
    let workload = (text("chart-workload", &[]), text("chart-axis-tasks", &[]));
    panel(&mut out, r, TOP, &workload, &roles);
    let breaches: Vec<(String, &[u32])> = r
        .deadlines
        .iter()
        .filter(|d| d.fired > 0)
        .map(|d| {
            let args = [
                ("deadline", (&d.deadline).into()),
                ("routine", (&d.routine).into()),
            ];
            (text("chart-breach-series", &args), d.per_week.as_slice())
        })
        .collect();
    let breached = (
        text("chart-breaches", &[]),
        text("chart-axis-breaches", &[]),
    );
    panel(&mut out, r, TOP + PANEL + GAP, &breached, &breaches);
    out.push_str("</svg>\n");
    out
}

/// One panel: its title and the name of its y axis, and a line per series.
fn panel(
    out: &mut String,
    r: &Report,
    top: f64,
    (title, axis): &(String, String),
    series: &[(String, &[u32])],
) {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = PANEL - 40.0;
    let y0 = top + 30.0;
    let _ = writeln!(
        out,
        r#"<text x="{LEFT}" y="{}" font-size="15" font-weight="bold">{}</text>"#,
        top + 16.0,
        escape(title)
    );
    let (step, max) = ticks(
        series
            .iter()
            .flat_map(|(_, v)| v.iter().copied())
            .max()
            .unwrap_or(0),
    );
    let weeks = r.weeks.len().max(1);
    let x = |w: usize| LEFT + plot_w * w as f64 / (weeks.saturating_sub(1).max(1)) as f64;
    let y = |v: u32| y0 + plot_h - plot_h * f64::from(v) / f64::from(max);
    for v in (0..=max).step_by(step as usize) {
        let yy = y(v);
        let _ = writeln!(
            out,
            r##"<line x1="{LEFT}" y1="{yy:.1}" x2="{:.1}" y2="{yy:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#333">{v}</text>"##,
            LEFT + plot_w,
            LEFT - 8.0,
            yy + 4.0
        );
    }
    let every = (weeks / 8).max(1);
    for (w, monday) in r.weeks.iter().enumerate().step_by(every) {
        let _ = writeln!(
            out,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#333">{monday}</text>"##,
            x(w),
            y0 + plot_h + 18.0
        );
    }
    let _ = writeln!(
        out,
        r##"<line x1="{LEFT}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#333"/>"##,
        y0 + plot_h,
        LEFT + plot_w,
        y0 + plot_h
    );
    axis_names(out, (y0, plot_w, plot_h), axis);
    if series.is_empty() {
        let _ = writeln!(
            out,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#666">{}</text>"##,
            LEFT + plot_w / 2.0,
            y0 + plot_h / 2.0,
            escape(&text("chart-none", &[]))
        );
    }
    for (i, (name, values)) in series.iter().enumerate() {
        let color = COLORS[i % COLORS.len()];
        let points: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(w, v)| format!("{:.1},{:.1}", x(w), y(*v)))
            .collect();
        let _ = writeln!(
            out,
            r#"<polyline fill="none" stroke="{color}" stroke-width="2" points="{}"/>"#,
            points.join(" ")
        );
        let ly = y0 + 14.0 + 20.0 * i as f64;
        let lx = LEFT + plot_w + 20.0;
        let _ = writeln!(
            out,
            r#"<rect x="{lx:.1}" y="{:.1}" width="14" height="4" fill="{color}"/><text x="{:.1}" y="{ly:.1}">{}</text>"#,
            ly - 6.0,
            lx + 20.0,
            escape(name)
        );
    }
}

/// The names of a panel's axes: weeks below it, `axis` up its left side.
fn axis_names(out: &mut String, (y0, plot_w, plot_h): (f64, f64, f64), axis: &str) {
    let _ = writeln!(
        out,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#444">{}</text>"##,
        LEFT + plot_w / 2.0,
        y0 + plot_h + 36.0,
        escape(&text("chart-axis-weeks", &[]))
    );
    let (x, y) = (LEFT - 48.0, y0 + plot_h / 2.0);
    let _ = writeln!(
        out,
        r##"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" fill="#444" transform="rotate(-90 {x:.1} {y:.1})">{}</text>"##,
        escape(axis)
    );
}
