//! Sizes and coordinates: node boxes from their wrapped text, lanes as
//! columns wide enough for their widest layer plus a corridor on their
//! right where long edges run, rows as tall as their tallest node.

use super::text;
use crate::draw::picture::{Node, Shape};

/// Width of a node box.
pub(crate) const NODE_W: f64 = 200.0;
/// Font size of a node's title.
pub(crate) const TITLE_SIZE: f64 = 12.0;
/// Font size of a node's details and of edge labels.
pub(crate) const SMALL_SIZE: f64 = 10.0;
/// Line height of a title line.
pub(crate) const TITLE_LINE: f64 = 15.0;
/// Line height of a detail line.
pub(crate) const SMALL_LINE: f64 = 12.5;
/// Padding inside a box, above and below the text.
const PAD: f64 = 8.0;
/// Room on the left and right of a box's text (decisions and messages
/// have pointed sides).
const SIDE: f64 = 12.0;
/// Horizontal gap between boxes in a lane.
const HGAP: f64 = 22.0;
/// Margin inside a lane, left of its boxes.
const LANE_PAD: f64 = 18.0;
/// Distance between the tracks of long edges.
pub(crate) const TRACK: f64 = 7.0;
/// Diameter of the start circle.
const START: f64 = 26.0;

/// A rectangle.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Rect {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) w: f64,
    pub(crate) h: f64,
}

impl Rect {
    /// Centre x.
    pub(crate) fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    /// Bottom y.
    pub(crate) fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Whether two rectangles overlap.
    pub(crate) fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
}

/// A node's text, wrapped to its box.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Text {
    /// Title lines.
    pub(crate) title: Vec<String>,
    /// Detail lines (id, `sätt`, recipients), smaller.
    pub(crate) details: Vec<String>,
}

/// The wrapped text and size of a node.
pub(crate) fn measure(node: &Node) -> (Text, f64, f64) {
    if node.shape == Shape::Start {
        let text = Text {
            title: Vec::new(),
            details: Vec::new(),
        };
        return (text, START, START);
    }
    let inner = NODE_W - 2.0 * SIDE;
    let title = text::wrap(&node.title, text::fits(inner, TITLE_SIZE));
    let details: Vec<String> = node
        .details
        .iter()
        .flat_map(|d| text::wrap(d, text::fits(inner, SMALL_SIZE)))
        .collect();
    let (title, details) = if node.shape == Shape::Note {
        // Notes are all small text.
        let mut all: Vec<String> = title;
        all.extend(details);
        (Vec::new(), all)
    } else {
        (title, details)
    };
    let h = 2.0 * PAD + title.len() as f64 * TITLE_LINE + details.len() as f64 * SMALL_LINE;
    (Text { title, details }, NODE_W, h)
}

/// Horizontal placement: each lane's left edge and width, the x of its
/// corridor's first track, and every node's x.
#[derive(Debug)]
pub(crate) struct Columns {
    /// `(x, width)` of each lane.
    pub(crate) lanes: Vec<(f64, f64)>,
    /// x of the first corridor track of each lane (tracks go right).
    pub(crate) corridor: Vec<f64>,
    /// x of each node's box.
    pub(crate) x: Vec<f64>,
}

/// Lays the lanes side by side from `left`: a lane is as wide as its widest
/// layer, its title and its corridor, and all together at least `least`
/// (the caption); the boxes of a layer are centred in it.
pub(crate) fn columns(
    rows: &[Vec<usize>],
    lane_of: &[usize],
    widths: &[f64],
    titles: &[f64],
    tracks: &[usize],
    (left, least): (f64, f64),
) -> Columns {
    let lanes = titles.len();
    let mut inner = vec![0.0f64; lanes];
    // Rows are sorted by lane: each run of one lane is a cell.
    let cells = |row: &[usize]| -> Vec<(usize, Vec<usize>, f64)> {
        row.chunk_by(|&a, &b| lane_of[a] == lane_of[b])
            .map(|cell| {
                let sum: f64 = cell.iter().map(|&v| widths[v]).sum();
                let width = sum + cell.len().saturating_sub(1) as f64 * HGAP;
                (lane_of[cell[0]], cell.to_vec(), width)
            })
            .collect()
    };
    for row in rows {
        for (lane, _, width) in cells(row) {
            inner[lane] = inner[lane].max(width);
        }
    }
    let mut out = Columns {
        lanes: Vec::with_capacity(lanes),
        corridor: Vec::with_capacity(lanes),
        x: vec![0.0; lane_of.len()],
    };
    let fixed = 2.0 * LANE_PAD;
    let total: f64 = (0..lanes)
        .map(|lane| inner[lane].max(titles[lane]) + fixed + tracks[lane] as f64 * TRACK)
        .sum();
    let extra = if lanes > 0 && total < least {
        (least - total) / lanes as f64
    } else {
        0.0
    };
    let mut x = left;
    for lane in 0..lanes {
        let body = inner[lane].max(titles[lane]) + extra;
        inner[lane] = body;
        let corridor = tracks[lane] as f64 * TRACK;
        let width = 2.0 * LANE_PAD + body + corridor;
        out.lanes.push((x, width));
        out.corridor.push(x + LANE_PAD + body + LANE_PAD / 2.0);
        x += width;
    }
    for row in rows {
        for (lane, members, width) in cells(row) {
            let mut at = out.lanes[lane].0 + LANE_PAD + (inner[lane] - width) / 2.0;
            for v in members {
                out.x[v] = at;
                at += widths[v] + HGAP;
            }
        }
    }
    out
}
