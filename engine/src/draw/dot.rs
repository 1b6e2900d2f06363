//! Graphviz DOT: role clusters (`subgraph cluster_…`), shapes by step kind,
//! dashed deadline edges.

use std::fmt::Write as _;

use super::picture::{Edge, EdgeKind, Node, Picture, Shape};

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks
/// as `\n` (carriage returns dropped), so the text shows exactly as written.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn shape_attrs(shape: Shape) -> &'static str {
    match shape {
        Shape::Start => "shape=circle, style=filled, width=0.5, fixedsize=true, fontsize=9",
        Shape::Task => "shape=box, style=\"rounded,filled\"",
        Shape::Decision => "shape=diamond, style=filled",
        Shape::Message => "shape=cds, style=filled",
        Shape::Event => "shape=hexagon, style=filled",
        Shape::Wait => "shape=ellipse, style=filled",
        Shape::Parallel | Shape::Join => "shape=box, style=filled, height=0.2, fontsize=9",
        Shape::End => "shape=doubleoctagon, style=filled",
        Shape::Note => "shape=note, style=filled, fontsize=9",
        Shape::CaseEvent => "shape=hexagon, style=\"filled,dashed\"",
    }
}

fn node(out: &mut String, indent: &str, node: &Node) {
    let _ = writeln!(
        out,
        "{indent}{} [label={}, {}, fillcolor={}, color={}, fontcolor={}];",
        quote(&node.key),
        quote(&node.label),
        shape_attrs(node.shape),
        quote(node.shape.fill()),
        quote(node.shape.stroke()),
        quote(node.shape.font()),
    );
}

fn edge(out: &mut String, edge: &Edge) {
    let mut attrs = Vec::new();
    if let Some(label) = &edge.label {
        attrs.push(format!("label={}", quote(label)));
    }
    match edge.kind {
        EdgeKind::Flow => {}
        EdgeKind::Deadline => {
            attrs.push("style=dashed".to_owned());
            attrs.push("color=\"#a16207\"".to_owned());
            attrs.push("fontcolor=\"#a16207\"".to_owned());
        }
        EdgeKind::Interrupt => {
            attrs.push("style=dotted".to_owned());
            attrs.push("color=\"#7e22ce\"".to_owned());
        }
    }
    let attrs = if attrs.is_empty() {
        String::new()
    } else {
        format!(" [{}]", attrs.join(", "))
    };
    let _ = writeln!(
        out,
        "  {} -> {}{attrs};",
        quote(&edge.from),
        quote(&edge.to)
    );
}

/// The picture as a DOT digraph; with `clusters` false, tasks are not grouped
/// (for renderers without cluster support).
pub(crate) fn render(picture: &Picture, clusters: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quote(&picture.id));
    let _ = writeln!(
        out,
        "  graph [label={}, labelloc=t, fontname=\"Helvetica\", rankdir=TB];",
        quote(&picture.caption)
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=11];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    if clusters {
        for cluster in &picture.clusters {
            out.push('\n');
            let _ = writeln!(
                out,
                "  subgraph {} {{",
                quote(&format!("cluster_{}", cluster.role))
            );
            let _ = writeln!(
                out,
                "    label={}; style=\"rounded,dashed\"; color=\"#64748b\";",
                quote(&cluster.name)
            );
            for &i in &cluster.nodes {
                if let Some(n) = picture.nodes.get(i) {
                    node(&mut out, "    ", n);
                }
            }
            out.push_str("  }\n");
        }
        out.push('\n');
        for i in picture.loose_nodes() {
            if let Some(n) = picture.nodes.get(i) {
                node(&mut out, "  ", n);
            }
        }
    } else {
        out.push('\n');
        for n in &picture.nodes {
            node(&mut out, "  ", n);
        }
    }
    out.push('\n');
    for e in &picture.edges {
        edge(&mut out, e);
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_escape_quotes_backslashes_and_newlines() {
        assert_eq!(quote("a \"b\"\\n\nc\r"), r#""a \"b\"\\n\nc""#);
    }
}
