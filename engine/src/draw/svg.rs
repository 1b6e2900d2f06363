//! SVG rendered in-process with layout-rs (no Graphviz needed).
//!
//! layout-rs has no clusters, so tasks show their role's name on a line of
//! their own instead; it has no diamonds or hexagons either, so shapes are
//! approximated (decisions are ellipses, end steps double circles) and the
//! kinds are told apart by colour, as in the other formats.

use std::collections::BTreeMap;

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use super::picture::{Node, Picture, Shape};

/// One font size for everything: layout-rs writes one CSS class per size
/// from a hash map, so a single size keeps the output deterministic.
const FONT_SIZE: usize = 12;

/// Longest label line before it is wrapped (layout-rs sizes nodes by the
/// longest line).
const WRAP: usize = 32;

/// Wraps each line of `text` at spaces so no line is longer than `width`
/// characters (unless a single word is).
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
    }
    out.join("\n")
}

fn element(node: &Node, orientation: Orientation) -> Element {
    let mut label = node.label.clone();
    if let Some(role) = &node.role_name {
        label = format!("{role}:\n{label}");
    }
    let label = wrap(&label, WRAP);
    // Text is drawn in black, so the dark bars get a light fill here.
    let (fill, width, rounded) = match node.shape {
        Shape::Parallel | Shape::Join => ("#d1d5db", 4, 0),
        Shape::Start => ("#9ca3af", 2, 0),
        Shape::Task => (node.shape.fill(), 1, 12),
        _ => (node.shape.fill(), 1, 0),
    };
    let (shape, square) = match node.shape {
        Shape::Start => (ShapeKind::new_circle(&label), true),
        Shape::Decision | Shape::Wait => (ShapeKind::new_circle(&label), false),
        Shape::End => (ShapeKind::new_double_circle(&label), false),
        _ => (ShapeKind::new_box(&label), false),
    };
    let look = StyleAttr::new(
        Color::fast(node.shape.stroke()),
        width,
        Some(Color::fast(fill)),
        rounded,
        FONT_SIZE,
    );
    let size = get_shape_size(orientation, &shape, FONT_SIZE, square);
    Element::create(shape, look, orientation, size)
}

fn lay_out(picture: &Picture) -> String {
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    // As layout-rs's own DOT reader does: shapes of a top-to-bottom graph are
    // made with the flipped orientation.
    let orientation = Orientation::TopToBottom.flip();
    let mut handles = BTreeMap::new();
    for node in &picture.nodes {
        let handle = graph.add_node(element(node, orientation));
        handles.insert(node.key.as_str(), handle);
    }
    for edge in &picture.edges {
        let (Some(&from), Some(&to)) = (
            handles.get(edge.from.as_str()),
            handles.get(edge.to.as_str()),
        ) else {
            continue;
        };
        let (style, colour) = if edge.dashed {
            (LineStyleKind::Dashed, Shape::Note.stroke())
        } else {
            (LineStyleKind::Normal, "#000000")
        };
        let look = StyleAttr::new(Color::fast(colour), 1, None, 0, FONT_SIZE);
        let label = edge
            .label
            .as_deref()
            .map(|l| wrap(l, WRAP))
            .unwrap_or_default();
        let arrow = Arrow::new(
            LineEndKind::None,
            LineEndKind::Arrow,
            style,
            &label,
            &look,
            &None,
            &None,
        );
        graph.add_edge(arrow, from, to);
    }
    let mut writer = SVGWriter::new();
    graph.do_it(false, false, false, &mut writer);
    fit_height(writer.finalize())
}

/// layout-rs sizes the canvas for a worst case, often twice as tall as the
/// drawing: shrink the height to the lowest coordinate drawn plus a margin.
fn fit_height(svg: String) -> String {
    // The lowest point of every element: a box's y + height, an ellipse's
    // cy + ry, a line's ends, a text's baseline.
    let attribute = |element: &str, name: &str| -> f64 {
        element
            .find(&format!(" {name}=\""))
            .and_then(|at| element.get(at + name.len() + 3..))
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect::<String>()
            })
            .and_then(|n| n.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let mut lowest: f64 = 0.0;
    for element in svg.split('<').skip(1).filter(|e| !e.starts_with("svg")) {
        let bottom = (attribute(element, "y") + attribute(element, "height"))
            .max(attribute(element, "cy") + attribute(element, "ry"))
            .max(attribute(element, "y1"))
            .max(attribute(element, "y2"));
        lowest = lowest.max(bottom);
    }
    // The <svg ...> tag, after the XML declaration.
    let Some(start) = svg.find("<svg") else {
        return svg;
    };
    let Some(end) = svg
        .get(start..)
        .and_then(|t| t.find('>'))
        .map(|e| start + e)
    else {
        return svg;
    };
    let (Some(before), Some(tag), Some(after)) =
        (svg.get(..start), svg.get(start..end), svg.get(end..))
    else {
        return svg;
    };
    let height = tag
        .find(" height=\"")
        .and_then(|at| tag.get(at + " height=\"".len()..))
        .and_then(|rest| rest.get(..rest.find('"')?))
        .and_then(|h| h.parse::<f64>().ok());
    let Some(height) = height else {
        return svg;
    };
    let fitted = (lowest + 40.0).ceil();
    if lowest <= 0.0 || fitted >= height {
        return svg;
    }
    let (old, new) = (format_number(height), format_number(fitted));
    // Both the height attribute and the viewBox's last number.
    let tag = tag
        .replacen(
            &format!(" height=\"{old}\""),
            &format!(" height=\"{new}\""),
            1,
        )
        .replacen(&format!(" {old}\""), &format!(" {new}\""), 1);
    format!("{before}{tag}{after}")
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// The picture as an SVG document, or why layout-rs could not draw it (it
/// panics on some inputs; the panic is caught and its message returned).
pub(crate) fn render(picture: &Picture) -> Result<String, String> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lay_out(picture)));
    std::panic::set_hook(previous);
    result.map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "unknown error".to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn the_canvas_is_fitted_to_the_drawing() {
        let svg = "<?xml version=\"1.0\"?><svg width=\"300\" height=\"1000\" viewBox=\"0 0 300 1000\"><rect y=\"100\" height=\"50\"/><text y=\"420.5\">x</text></svg>";
        let fitted = super::fit_height(svg.to_owned());
        assert!(
            fitted.contains("height=\"461\" viewBox=\"0 0 300 461\""),
            "{fitted}"
        );
        // Nothing to gain: left as it is.
        let tight = svg.replace("420.5", "990");
        assert_eq!(super::fit_height(tight.clone()), tight);
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("aaa bbb ccc", 7), "aaa bbb\nccc");
        assert_eq!(wrap("a\nbbbbbbbbbb c", 5), "a\nbbbbbbbbbb\nc");
        assert_eq!(wrap("", 5), "");
    }
}
