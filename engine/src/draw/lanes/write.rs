//! The layout as SVG text: the pool and its lanes, edges under nodes,
//! labels on top, a legend below. Numbers are written with one decimal,
//! so the same layout gives the same bytes.

use std::fmt::Write as _;

use super::place::{Rect, Text, SMALL_LINE, SMALL_SIZE, TITLE_LINE, TITLE_SIZE};
use super::text::escape;
use super::{Layout, MARGIN};
use crate::draw::picture::{EdgeKind, Picture, Shape};

/// Colour, dash pattern and arrow marker of an edge kind.
fn stroke(kind: EdgeKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        EdgeKind::Flow => ("#334155", "", "flow"),
        EdgeKind::Deadline => ("#a16207", " stroke-dasharray=\"6 4\"", "deadline"),
        EdgeKind::Interrupt => ("#7e22ce", " stroke-dasharray=\"2 3\"", "interrupt"),
    }
}

const KINDS: [EdgeKind; 3] = [EdgeKind::Flow, EdgeKind::Deadline, EdgeKind::Interrupt];

fn head(out: &mut String, layout: &Layout, height: f64) {
    let (w, h) = (layout.size.0, height);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" font-family=\"Helvetica, Arial, sans-serif\">"
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&layout.caption));
    out.push_str("<defs>\n");
    for kind in KINDS {
        let (colour, _, id) = stroke(kind);
        let _ = writeln!(
            out,
            "<marker id=\"arrow-{id}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>"
        );
    }
    out.push_str("</defs>\n");
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{w:.0}\" height=\"{h:.0}\" fill=\"#ffffff\"/>"
    );
}

fn pool(out: &mut String, layout: &Layout) {
    let (top, bottom) = layout.lanes_y;
    let left = layout.lanes.first().map_or(MARGIN, |l| l.1);
    let right = layout.lanes.last().map_or(MARGIN, |l| l.1 + l.2);
    let _ = writeln!(
        out,
        "<rect x=\"{left:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#f1f5f9\" stroke=\"#475569\" stroke-width=\"1.5\"/>",
        top - super::CAPTION,
        right - left,
        bottom - top + super::CAPTION
    );
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"16\" font-weight=\"bold\" fill=\"#0f172a\">{}</text>",
        left + 12.0,
        top - super::CAPTION / 2.0 + 6.0,
        escape(&layout.caption)
    );
    for (i, (title, x, w)) in layout.lanes.iter().enumerate() {
        let fill = if i % 2 == 0 { "#ffffff" } else { "#f8fafc" };
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{fill}\" stroke=\"#94a3b8\"/>",
            bottom - top
        );
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"#e2e8f0\" stroke=\"#94a3b8\"/>",
            super::HEADER
        );
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{}\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#1e293b\">{}</text>",
            x + w / 2.0,
            top + super::HEADER / 2.0 + 4.5,
            super::LANE_TITLE,
            escape(title)
        );
    }
}

fn edges(out: &mut String, picture: &Picture, layout: &Layout) {
    for (index, route, _, _) in &layout.edges {
        let Some(edge) = picture.edges.get(*index) else {
            continue;
        };
        let (colour, dash, id) = stroke(edge.kind);
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.3\"{dash} marker-end=\"url(#arrow-{id})\"/>",
            route.d
        );
    }
}

fn labels(out: &mut String, picture: &Picture, layout: &Layout) {
    for (index, _, lines, r) in &layout.edges {
        let Some(edge) = picture.edges.get(*index) else {
            continue;
        };
        if lines.is_empty() {
            continue;
        }
        let (colour, _, _) = stroke(edge.kind);
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"{colour}\" stroke-width=\"0.5\"/>",
            r.x, r.y, r.w, r.h
        );
        let _ = write!(
            out,
            "<text font-size=\"{SMALL_SIZE}\" fill=\"{colour}\" text-anchor=\"middle\">"
        );
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(
                out,
                "<tspan x=\"{:.1}\" y=\"{:.1}\">{}</tspan>",
                r.cx(),
                r.y + 2.0 + (i as f64 + 1.0) * SMALL_LINE - 3.0,
                escape(line)
            );
        }
        out.push_str("</text>\n");
    }
}

/// The outline of a node's shape.
fn outline(shape: Shape, r: &Rect) -> String {
    let (x, y, w, h) = (r.x, r.y, r.w, r.h);
    let (fill, line) = (shape.fill(), shape.stroke());
    let polygon = |points: &[(f64, f64)]| {
        let p: Vec<String> = points
            .iter()
            .map(|(a, b)| format!("{a:.1},{b:.1}"))
            .collect();
        format!(
            "<polygon points=\"{}\" fill=\"{fill}\" stroke=\"{line}\" stroke-width=\"1.2\"/>",
            p.join(" ")
        )
    };
    let rect = |rx: f64, extra: &str| {
        format!("<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"{rx:.1}\" fill=\"{fill}\" stroke=\"{line}\"{extra}/>")
    };
    let round = (h / 2.0).min(20.0);
    match shape {
        Shape::Start => format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"#dcfce7\" stroke=\"#15803d\" stroke-width=\"2\"/>",
            r.cx(),
            y + h / 2.0,
            w / 2.0
        ),
        Shape::Task => rect(10.0, " stroke-width=\"1.2\""),
        Shape::Decision => polygon(&[
            (x + 14.0, y),
            (x + w - 14.0, y),
            (x + w, y + h / 2.0),
            (x + w - 14.0, y + h),
            (x + 14.0, y + h),
            (x, y + h / 2.0),
        ]),
        Shape::Message => polygon(&[
            (x, y),
            (x + w - 14.0, y),
            (x + w, y + h / 2.0),
            (x + w - 14.0, y + h),
            (x, y + h),
        ]),
        Shape::Event => format!(
            "{}<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"4\" fill=\"none\" stroke=\"{line}\"/>",
            rect(6.0, ""),
            x + 3.0,
            y + 3.0,
            w - 6.0,
            h - 6.0
        ),
        Shape::CaseEvent => rect(6.0, " stroke-width=\"1.5\" stroke-dasharray=\"4 3\""),
        Shape::Wait => rect(round, " stroke-width=\"1.2\""),
        Shape::Parallel | Shape::Join => rect(3.0, ""),
        Shape::End => rect(round, " stroke-width=\"3\""),
        Shape::Note => format!(
            "<path d=\"M{x:.1},{y:.1} L{:.1},{y:.1} L{:.1},{:.1} L{:.1},{:.1} L{x:.1},{:.1} Z\" fill=\"{fill}\" stroke=\"{line}\"/>",
            x + w - 10.0,
            x + w,
            y + 10.0,
            x + w,
            y + h,
            y + h
        ),
    }
}

fn node(out: &mut String, shape: Shape, r: &Rect, text: &Text) {
    out.push_str(&outline(shape, r));
    out.push('\n');
    if text.title.is_empty() && text.details.is_empty() {
        return;
    }
    let dark = matches!(shape, Shape::Parallel | Shape::Join);
    let (main, soft) = if dark {
        ("#ffffff", "#e2e8f0")
    } else {
        ("#0f172a", "#475569")
    };
    let _ = write!(out, "<text text-anchor=\"middle\">");
    let mut y = r.y + 8.0;
    for line in &text.title {
        y += TITLE_LINE;
        let _ = write!(
            out,
            "<tspan x=\"{:.1}\" y=\"{:.1}\" font-size=\"{TITLE_SIZE}\" fill=\"{main}\">{}</tspan>",
            r.cx(),
            y - 3.5,
            escape(line)
        );
    }
    for line in &text.details {
        y += SMALL_LINE;
        let _ = write!(
            out,
            "<tspan x=\"{:.1}\" y=\"{:.1}\" font-size=\"{SMALL_SIZE}\" fill=\"{soft}\">{}</tspan>",
            r.cx(),
            y - 3.0,
            escape(line)
        );
    }
    out.push_str("</text>\n");
}

/// Legend entries for the shapes and edge kinds the picture uses; returns
/// the bottom of the legend.
fn legend(out: &mut String, picture: &Picture, top: f64, width: f64) -> f64 {
    let names = [
        (Shape::Task, "uppgift"),
        (Shape::Decision, "beslut"),
        (Shape::Message, "meddelande"),
        (Shape::Event, "väntar på händelse"),
        (Shape::Wait, "väntar till datum"),
        (Shape::Parallel, "delas / möts"),
        (Shape::End, "slut"),
        (Shape::Note, "vad en tidsfrist gör"),
        (Shape::CaseEvent, "händelse när som helst"),
    ];
    let mut x = MARGIN;
    let mut y = top + 10.0;
    let advance = |x: &mut f64, y: &mut f64, need: f64| {
        if *x + need > width - MARGIN && *x > MARGIN {
            *x = MARGIN;
            *y += 26.0;
        }
    };
    for (shape, name) in names {
        let used = picture
            .nodes
            .iter()
            .any(|n| n.shape == shape || (shape == Shape::Parallel && n.shape == Shape::Join));
        if !used {
            continue;
        }
        let need = 40.0 + super::text::width(name, 11.0) + 18.0;
        advance(&mut x, &mut y, need);
        let r = Rect {
            x,
            y,
            w: 34.0,
            h: 18.0,
        };
        out.push_str(&outline(shape, &r));
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#334155\">{}</text>",
            x + 40.0,
            y + 13.0,
            escape(name)
        );
        x += need;
    }
    let lines = [
        (EdgeKind::Flow, "väg"),
        (EdgeKind::Deadline, "tidsfrist"),
        (EdgeKind::Interrupt, "händelse tar ärendet hit"),
    ];
    for (kind, name) in lines {
        if kind != EdgeKind::Flow && !super::has_kind(picture, kind) {
            continue;
        }
        let need = 48.0 + super::text::width(name, 11.0) + 18.0;
        advance(&mut x, &mut y, need);
        let (colour, dash, id) = stroke(kind);
        let _ = writeln!(
            out,
            "<path d=\"M{x:.1},{:.1} L{:.1},{:.1}\" stroke=\"{colour}\" stroke-width=\"1.3\"{dash} marker-end=\"url(#arrow-{id})\"/>",
            y + 9.0,
            x + 40.0,
            y + 9.0
        );
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#334155\">{}</text>",
            x + 48.0,
            y + 13.0,
            escape(name)
        );
        x += need;
    }
    y + 18.0 + MARGIN
}

/// The whole document.
pub(crate) fn svg(picture: &Picture, layout: &Layout) -> String {
    let mut body = String::new();
    pool(&mut body, layout);
    edges(&mut body, picture, layout);
    for (i, (r, text)) in layout.nodes.iter().enumerate() {
        if let Some(n) = picture.nodes.get(i) {
            node(&mut body, n.shape, r, text);
        }
    }
    labels(&mut body, picture, layout);
    let height = legend(&mut body, picture, layout.size.1, layout.size.0);
    let mut out = String::with_capacity(body.len() + 1024);
    head(&mut out, layout, height);
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}
