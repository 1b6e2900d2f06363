//! The swimlane SVG: a pool with one lane per role (BPMN-like, flowing top
//! to bottom), every node in its lane, edges routed between rows and along
//! lane corridors, labels placed where they overlap nothing.
//!
//! The layout is layered and roughly linear in the routine's size: back
//! edges turned around by a depth-first search, longest-path layers, a
//! fixed number of barycenter sweeps, greedy track colouring for long
//! edges, and label placement on a bucket grid.

mod graph;
mod labels;
mod order;
mod place;
mod route;
mod text;
mod write;

use super::picture::{EdgeKind, Picture};
use crate::model::Routine;
use graph::Graph;
use place::{Columns, Rect, SMALL_LINE, SMALL_SIZE, TRACK};
use route::Hop;

/// Outer margin of the drawing.
const MARGIN: f64 = 16.0;
/// Height of the pool's title band.
const CAPTION: f64 = 40.0;
/// Height of a lane's title band.
const HEADER: f64 = 34.0;
/// Smallest gap between two rows.
const GAP: f64 = 34.0;
/// Font size of lane titles.
const LANE_TITLE: f64 = 13.0;
/// Longest line of an edge label, in characters.
const LABEL_WRAP: usize = 30;
/// Most lines of an edge label.
const LABEL_LINES: usize = 4;

/// Everything the writer needs.
#[derive(Debug)]
pub(crate) struct Layout {
    /// The routine's caption.
    pub(crate) caption: String,
    /// Lane titles and their `(x, width)`.
    pub(crate) lanes: Vec<(String, f64, f64)>,
    /// Top of the lanes' title band and bottom of the lanes.
    pub(crate) lanes_y: (f64, f64),
    /// Each node's box and wrapped text.
    pub(crate) nodes: Vec<(Rect, place::Text)>,
    /// Each drawn edge: its picture index, route, label lines and label box.
    pub(crate) edges: Vec<(usize, route::Route, Vec<String>, Rect)>,
    /// Width and height of the whole drawing (without the legend).
    pub(crate) size: (f64, f64),
}

/// The label of picture edge `e`, wrapped and cut to a few lines.
fn label_lines(picture: &Picture, e: usize) -> Vec<String> {
    let Some(label) = picture.edges.get(e).and_then(|e| e.label.as_deref()) else {
        return Vec::new();
    };
    let mut lines = text::wrap(label, LABEL_WRAP);
    if lines.len() > LABEL_LINES {
        lines.truncate(LABEL_LINES);
        if let Some(last) = lines.last_mut() {
            *last = text::shorten(&format!("{last} …"), LABEL_WRAP);
        }
    }
    lines
}

fn label_size(lines: &[String]) -> (f64, f64) {
    if lines.is_empty() {
        return (0.0, 0.0);
    }
    let w = lines
        .iter()
        .map(|l| text::width(l, SMALL_SIZE))
        .fold(0.0, f64::max);
    (w + 8.0, lines.len() as f64 * SMALL_LINE + 4.0)
}

/// The layered structure: graph, acyclic directions, layers, lanes, rows.
struct Layers {
    g: Graph,
    layer: Vec<usize>,
    lanes: order::Lanes,
    rows: Vec<Vec<usize>>,
}

fn layers(routine: &Routine, picture: &Picture) -> Layers {
    let g = Graph::of(picture);
    let dag = graph::acyclic(&g);
    let layer = graph::layers(&g, &dag);
    let lanes = order::lanes(routine, picture, &g);
    let rows = order::order(&g, &dag, &layer, &lanes);
    Layers {
        g,
        layer,
        lanes,
        rows,
    }
}

/// How each edge is drawn, with corridor tracks per lane.
fn hops(l: &Layers) -> (Vec<Hop>, Vec<usize>) {
    let mut hop = vec![Hop::Next; l.g.edges.len()];
    let lanes = l.lanes.titles.len();
    let mut intervals: Vec<Vec<(f64, f64, usize)>> = vec![Vec::new(); lanes];
    for (e, &(from, to, _)) in l.g.edges.iter().enumerate() {
        if from == to {
            hop[e] = Hop::Loop;
        } else if l.layer[to] != l.layer[from] + 1 {
            let (a, b) = ((l.layer[from] + 1) as f64, l.layer[to] as f64);
            intervals[l.lanes.of[from]].push((a.min(b), a.max(b), e));
            hop[e] = Hop::Corridor(0);
        }
    }
    let mut counts = Vec::with_capacity(lanes);
    for lane in intervals {
        let (track, count) = route::tracks(lane);
        for (e, t) in track {
            hop[e] = Hop::Corridor(t);
        }
        counts.push(count);
    }
    (hop, counts)
}

/// x of each edge's exit from its source and entry into its target:
/// spread along the bottom (top) of the box, in the order of where the
/// edges go next (come from).
fn ports(l: &Layers, hop: &[Hop], cols: &Columns, widths: &[f64]) -> Vec<(f64, f64)> {
    let corridor = |e: usize| match hop[e] {
        Hop::Corridor(t) => Some(cols.corridor[l.lanes.of[l.g.edges[e].0]] + t as f64 * TRACK),
        _ => None,
    };
    let centre = |v: usize| cols.x[v] + widths[v] / 2.0;
    let spread = |v: usize, mut edges: Vec<(f64, usize)>, out: &mut Vec<(f64, f64)>, exit: bool| {
        edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let k = edges.len() as f64;
        let usable = widths[v] * 0.7;
        for (i, (_, e)) in edges.into_iter().enumerate() {
            let x = cols.x[v] + widths[v] * 0.15 + usable * (i as f64 + 1.0) / (k + 1.0);
            if exit {
                out[e].0 = x;
            } else {
                out[e].1 = x;
            }
        }
    };
    let mut out = vec![(0.0, 0.0); l.g.edges.len()];
    for v in 0..l.g.len() {
        let exits = l.g.out[v]
            .iter()
            .map(|&e| (corridor(e).unwrap_or_else(|| centre(l.g.edges[e].1)), e))
            .collect();
        spread(v, exits, &mut out, true);
        let entries = l.g.inc[v]
            .iter()
            .map(|&e| (corridor(e).unwrap_or_else(|| centre(l.g.edges[e].0)), e))
            .collect();
        spread(v, entries, &mut out, false);
    }
    out
}

/// Builds the layout of a picture.
pub(crate) fn lay_out(routine: &Routine, picture: &Picture) -> Layout {
    let l = layers(routine, picture);
    let measured: Vec<_> = picture.nodes.iter().map(place::measure).collect();
    let widths: Vec<f64> = measured.iter().map(|m| m.1).collect();
    let (hop, counts) = hops(&l);
    let titles: Vec<f64> = l
        .lanes
        .titles
        .iter()
        .map(|t| text::width(t, LANE_TITLE) + 24.0)
        .collect();
    let least = text::width(&picture.caption, 16.0) * 1.1 + 24.0;
    let cols = place::columns(
        &l.rows,
        &l.lanes.of,
        &widths,
        &titles,
        &counts,
        (MARGIN, least),
    );
    let ports = ports(&l, &hop, &cols, &widths);
    let labels: Vec<Vec<String>> =
        l.g.edges
            .iter()
            .map(|e| label_lines(picture, e.2))
            .collect();
    let geometry = Geometry::new(&l, &hop, &cols, &ports, &labels, &measured);
    geometry.finish(picture, &l, &hop, &cols, &ports, labels, measured)
}

/// Vertical placement: gaps sized for labels and horizontal tracks.
struct Geometry {
    /// `(y, height)` of each row.
    rows: Vec<(f64, f64)>,
    /// `(y, height)` of each gap; gap `i` is above row `i`.
    gaps: Vec<(f64, f64)>,
    /// Horizontal track of each corridor edge in its two gaps.
    gap_track: Vec<(usize, usize)>,
}

impl Geometry {
    fn new(
        l: &Layers,
        hop: &[Hop],
        cols: &Columns,
        ports: &[(f64, f64)],
        labels: &[Vec<String>],
        measured: &[(place::Text, f64, f64)],
    ) -> Geometry {
        let depth = l.rows.len();
        let mut room = vec![0.0f64; depth + 1];
        let mut spread = vec![0.0f64; depth + 1];
        let mut runs: Vec<Vec<(f64, f64, usize)>> = vec![Vec::new(); depth + 1];
        let mut halves = Vec::new();
        for (e, &(from, to, _)) in l.g.edges.iter().enumerate() {
            let below = l.layer[from] + 1;
            let (w, h) = label_size(&labels[e]);
            room[below] = room[below].max(h);
            spread[below] += w;
            if let Hop::Corridor(t) = hop[e] {
                let xc = cols.corridor[l.lanes.of[from]] + t as f64 * TRACK;
                let (x0, x1) = ports[e];
                runs[below].push((x0.min(xc), x0.max(xc), halves.len()));
                halves.push(e);
                runs[l.layer[to]].push((x1.min(xc), x1.max(xc), halves.len()));
                halves.push(e);
            }
        }
        let mut half_track = vec![0; halves.len()];
        let mut counts = vec![0; depth + 1];
        for (g, run) in runs.into_iter().enumerate() {
            let (track, count) = route::tracks(run);
            for (id, t) in track {
                half_track[id] = t;
            }
            counts[g] = count;
        }
        let mut gap_track = vec![(0, 0); l.g.edges.len()];
        for (i, &e) in halves.iter().enumerate() {
            if i % 2 == 0 {
                gap_track[e].0 = half_track[i];
            } else {
                gap_track[e].1 = half_track[i];
            }
        }
        // A gap whose labels would not fit side by side in half the width
        // gets room for two or three rows of them.
        let width = cols.lanes.last().map_or(1.0, |(x, w)| x + w);
        for (r, s) in room.iter_mut().zip(&spread) {
            *r *= (s / (width * 0.5)).ceil().clamp(1.0, 3.0);
        }
        let mut y = MARGIN + CAPTION + HEADER;
        let mut rows = Vec::with_capacity(depth);
        let mut gaps = Vec::with_capacity(depth + 1);
        for g in 0..=depth {
            let h = GAP.max(room[g] + 22.0) + counts[g] as f64 * TRACK;
            gaps.push((y, h));
            y += h;
            if let Some(row) = l.rows.get(g) {
                let h = row.iter().map(|&v| measured[v].2).fold(0.0, f64::max);
                rows.push((y, h));
                y += h;
            }
        }
        Geometry {
            rows,
            gaps,
            gap_track,
        }
    }

    /// The y of horizontal track `t` in gap `g`.
    fn track_y(&self, g: usize, t: usize) -> f64 {
        let (y, h) = self.gaps[g];
        y + h - 10.0 - t as f64 * TRACK
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        picture: &Picture,
        l: &Layers,
        hop: &[Hop],
        cols: &Columns,
        ports: &[(f64, f64)],
        labels: Vec<Vec<String>>,
        measured: Vec<(place::Text, f64, f64)>,
    ) -> Layout {
        let mut nodes = Vec::with_capacity(measured.len());
        let mut taken = labels::Taken::default();
        for (v, (text, w, h)) in measured.into_iter().enumerate() {
            let (ry, rh) = self.rows[l.layer[v]];
            let rect = Rect {
                x: cols.x[v],
                y: ry + (rh - h) / 2.0,
                w,
                h,
            };
            taken.add(Rect {
                x: rect.x - 4.0,
                y: rect.y - 4.0,
                w: rect.w + 8.0,
                h: rect.h + 8.0,
            });
            nodes.push((rect, text));
        }
        let right = cols.lanes.last().map_or(MARGIN, |(x, w)| x + w);
        let mut edges = Vec::with_capacity(l.g.edges.len());
        for (e, lines) in labels.into_iter().enumerate() {
            let (from, to, index) = l.g.edges[e];
            let (a, b) = (nodes[from].0, nodes[to].0);
            let exit = (ports[e].0, a.bottom());
            let entry = (ports[e].1, b.y);
            let path = match hop[e] {
                Hop::Loop => route::self_loop(&a),
                Hop::Next => {
                    let row_bottom = self.rows[l.layer[from]].0 + self.rows[l.layer[from]].1;
                    route::curve(exit, row_bottom, self.rows[l.layer[to]].0, entry)
                }
                Hop::Corridor(t) => {
                    let xc = cols.corridor[l.lanes.of[from]] + t as f64 * TRACK;
                    let ya = self.track_y(l.layer[from] + 1, self.gap_track[e].0);
                    let yb = self.track_y(l.layer[to], self.gap_track[e].1);
                    route::corridor(exit, ya, xc, yb, entry)
                }
            };
            let (w, h) = label_size(&lines);
            let boxed = if lines.is_empty() {
                Rect::default()
            } else {
                labels::place(&mut taken, &path.anchors, (w, h), (MARGIN, right))
            };
            edges.push((index, path, lines, boxed));
        }
        let bottom = self.gaps.last().map_or(MARGIN, |(y, h)| y + h);
        let lanes = l
            .lanes
            .titles
            .iter()
            .zip(&cols.lanes)
            .map(|(t, &(x, w))| (t.clone(), x, w))
            .collect();
        Layout {
            caption: picture.caption.clone(),
            lanes,
            lanes_y: (MARGIN + CAPTION, bottom),
            nodes,
            edges,
            size: (right + MARGIN, bottom + MARGIN),
        }
    }
}

/// The picture as a swimlane SVG document.
pub(crate) fn render(routine: &Routine, picture: &Picture) -> String {
    let layout = lay_out(routine, picture);
    write::svg(picture, &layout)
}

/// Whether any edge of the picture is of `kind`.
pub(crate) fn has_kind(picture: &Picture, kind: EdgeKind) -> bool {
    picture.edges.iter().any(|e| e.kind == kind)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::{lay_out, Rect};
    use crate::draw::picture::picture;

    fn routines() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for dir in ["workflows/kommun_000", "workflows/kommun_003"] {
            for entry in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                let path = entry.path();
                let routine_file = path.extension().is_some_and(|e| e == "yaml")
                    && path.file_stem().is_some_and(|s| s != "organisation");
                if routine_file {
                    files.push(path);
                }
            }
        }
        for name in ["everything", "case_events", "shapes", "counting"] {
            files.push(root.join(format!("engine/tests/fixtures/valid/{name}/routine.yaml")));
        }
        files.sort();
        files
    }

    fn inside(inner: &Rect, outer: (f64, f64)) -> bool {
        inner.x >= 0.0
            && inner.y >= 0.0
            && inner.x + inner.w <= outer.0
            && inner.y + inner.h <= outer.1
    }

    #[test]
    fn boxes_never_overlap_and_stay_in_their_lane() {
        let files = routines();
        assert!(files.len() >= 9, "{files:?}");
        for path in files {
            let Some(routine) = crate::check_routine(&path).routine else {
                panic!("{} checks", path.display());
            };
            let picture = picture(&routine);
            let layout = lay_out(&routine, &picture);
            let boxes: Vec<&Rect> = layout.nodes.iter().map(|n| &n.0).collect();
            for (i, a) in boxes.iter().enumerate() {
                assert!(
                    inside(a, layout.size),
                    "{}: node {i} outside",
                    path.display()
                );
                for b in boxes.iter().skip(i + 1) {
                    assert!(
                        !a.overlaps(b),
                        "{}: boxes {a:?} and {b:?} overlap",
                        path.display()
                    );
                }
                let in_a_lane = layout
                    .lanes
                    .iter()
                    .any(|(_, x, w)| a.x >= *x && a.x + a.w <= x + w);
                assert!(
                    in_a_lane,
                    "{}: node {i} crosses a lane border",
                    path.display()
                );
            }
            let labels: Vec<&Rect> = layout
                .edges
                .iter()
                .filter(|e| !e.2.is_empty())
                .map(|e| &e.3)
                .collect();
            for (i, label) in labels.iter().enumerate() {
                assert!(
                    inside(label, layout.size),
                    "{}: label {label:?} outside the picture",
                    path.display()
                );
                for b in &boxes {
                    assert!(
                        !label.overlaps(b),
                        "{}: label {label:?} covers a box",
                        path.display()
                    );
                }
                for other in labels.iter().skip(i + 1) {
                    assert!(
                        !label.overlaps(other),
                        "{}: labels {label:?} and {other:?} overlap",
                        path.display()
                    );
                }
            }
        }
    }

    /// The lane title a step's node is drawn in.
    fn lane_of(routine: &crate::model::Routine, step: &str) -> String {
        let picture = picture(routine);
        let layout = lay_out(routine, &picture);
        let v = picture
            .nodes
            .iter()
            .position(|n| n.key == format!("s_{step}"))
            .unwrap_or_else(|| panic!("a node for {step}"));
        let rect = layout.nodes[v].0;
        let lane = layout
            .lanes
            .iter()
            .find(|(_, x, w)| rect.x >= *x && rect.x + rect.w <= x + w);
        lane.map(|(t, _, _)| t.clone()).unwrap_or_default()
    }

    #[test]
    fn a_message_is_drawn_in_its_senders_lane() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("t")).unwrap();
        std::fs::write(dir.path().join("t/hi.j2"), "Hej!").unwrap();
        let file = dir.path().join("routine.yaml");
        std::fs::write(
            &file,
            "routine: {id: lanes_from, version: 1, title: Avsändare}
templates: t
roles:
  team: {name: Larmgruppen}
  assessor: {name: Handläggare}
groups:
  team_mail: {name: Brevlådan, sees_as: team}
  loose: {name: Lös grupp}
fields:
  done: {type: boolean}
start: work
steps:
  work: {kind: task, title: Arbete, role: assessor, collects: [done], next: quiet}
  quiet: {kind: message, title: Tyst, template: hi, to: [{role: team}], next: tell}
  tell: {kind: message, title: Berätta, from: team, template: hi, to: [{role: assessor}], next: mail}
  mail: {kind: message, title: Posta, from: team_mail, template: hi, to: [{group: loose}], next: end}
  end: {kind: end, title: Klart, outcome: done}
",
        )
        .unwrap();
        let routine = crate::check_routine(&file).routine.expect("it checks");
        // No sender: the lane of the step before it.
        assert_eq!(lane_of(&routine, "quiet"), "Handläggare");
        // A role sends: its lane; a group sends: the lane of the role it sees as.
        assert_eq!(lane_of(&routine, "tell"), "Larmgruppen");
        assert_eq!(lane_of(&routine, "mail"), "Larmgruppen");
    }

    #[test]
    fn the_shipped_routines_draw_their_messages_in_the_senders_lane() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let file = root.join("workflows/kommun_003/not_executed.yaml");
        let routine = crate::check_routine(&file).routine.expect("it checks");
        assert_eq!(lane_of(&routine, "notify_not_installed"), "Larmpatrullen");
        assert_eq!(
            lane_of(&routine, "notify_decision_ended"),
            "Biståndshandläggare"
        );
        let file = root.join("workflows/kommun_000/termination.yaml");
        let routine = crate::check_routine(&file).routine.expect("it checks");
        // The first step sends for the alarm team: no lane of its own for the routine.
        assert_eq!(lane_of(&routine, "ask_assessor"), "Larmgruppen");
    }
}
